/**
 * Messages between the runner and a provider worker process, one JSON object
 * per line: requests on the worker's stdin, replies on its stdout. The worker
 * says it is ready with READY_LINE first; any other line on its stdout that
 * is not a reply (a library printing) goes to provider.log.
 */
import type { Observation } from '../../language/calls/observation.js';
import type { StackFacts } from '../stack-facts.js';

export type Request =
  | { readonly id: number; readonly op: 'call'; readonly call: string; readonly args: Readonly<Record<string, unknown>> }
  /** Close every socket opened since the last reset: the end of a case, on every path. */
  | { readonly id: number; readonly op: 'reset' }
  | { readonly id: number; readonly op: 'info' };

export interface ProviderInfo {
  /** e.g. `Wine 8.0 (reports Windows 10.0.19043)` or `Windows 10.0.22631`. */
  readonly version: string;
  readonly nodeVersion: string;
  /** The version split into fields, as far as the binding can tell them. */
  readonly stack?: StackFacts;
  /** The koffi the worker loaded (koffi.version). */
  readonly koffiVersion?: string;
}

export type Reply =
  | { readonly id: number; readonly ok: true; readonly observation: Observation; readonly durationMs: number }
  | { readonly id: number; readonly ok: true; readonly closed: number }
  | { readonly id: number; readonly ok: true; readonly info: ProviderInfo }
  /**
   * The worker could not make the call at all: a harness problem (bad argument, FFI failure), or, with
   * `unsupported`, a call its binding has no way to make (the case is SKIP).
   */
  | { readonly id: number; readonly ok: false; readonly message: string; readonly unsupported?: true };

/** The worker's first line: its binding is open and it takes requests. */
export const READY_LINE = '{"ready":true}';
