/**
 * Messages between the runner and a provider worker process, one JSON object
 * per line over a loopback TCP connection. (Node for Windows under Wine cannot
 * write to a pipe as stdout, but TCP on 127.0.0.1 works both ways.)
 */
import type { ProviderCall } from '../cases/case.js';
import type { Observation } from '../results/result.js';

export type Request =
  | { readonly id: number; readonly op: 'call'; readonly call: ProviderCall; readonly args: Readonly<Record<string, unknown>> }
  /** Close every socket opened since the last reset: the end of a case, on every path. */
  | { readonly id: number; readonly op: 'reset' }
  | { readonly id: number; readonly op: 'info' };

export interface ProviderInfo {
  /** e.g. `Wine 8.0 (reports Windows 10.0.19043)` or `Windows 10.0.22631`. */
  readonly version: string;
  readonly nodeVersion: string;
}

export type Reply =
  | { readonly id: number; readonly ok: true; readonly observation: Observation; readonly durationMs: number }
  | { readonly id: number; readonly ok: true; readonly closed: number }
  | { readonly id: number; readonly ok: true; readonly info: ProviderInfo }
  /** The worker could not make the call at all (bad argument, FFI failure): a harness problem. */
  | { readonly id: number; readonly ok: false; readonly message: string };
