/** The worker-side half of each binding, loaded by name only when a worker runs it. */
import type { BindingName } from '../bindings/catalogue.js';
import type { WorkerBinding } from './binding.js';

type Koffi = typeof import('koffi');

const OPENERS: { readonly [B in BindingName]: (koffi: Koffi) => Promise<WorkerBinding> } = {
  winsock: async (koffi) => (await import('../bindings/winsock/open.js')).openWinsock(koffi),
  libc: async (koffi) => (await import('../bindings/libc/open.js')).openLibc(koffi),
};

export async function openBinding(name: string, koffi: Koffi): Promise<WorkerBinding> {
  if (!Object.hasOwn(OPENERS, name)) throw new Error(`unknown binding ${name}; known: ${Object.keys(OPENERS).join(', ')}`);
  return OPENERS[name as BindingName](koffi);
}
