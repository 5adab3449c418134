/**
 * The fake workers' record of what they were asked, one JSON line per event,
 * appended synchronously before the worker answers (or hangs, or exits): by
 * the time the runner has a reply, the event is in the file.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

export type JournalEvent =
  /** A worker process connected to the runner. */
  | { readonly event: 'started'; readonly pid: number }
  | { readonly event: 'info'; readonly pid: number }
  | { readonly event: 'call'; readonly pid: number; readonly call: string; readonly args: Readonly<Record<string, unknown>> }
  /** `reset`, with the number of sockets it closed. */
  | { readonly event: 'reset'; readonly pid: number; readonly closed: number };

export type CallEvent = Extract<JournalEvent, { event: 'call' }>;
export type ResetEvent = Extract<JournalEvent, { event: 'reset' }>;

export function appendJournal(file: string, event: JournalEvent): void {
  appendFileSync(file, `${JSON.stringify(event)}\n`);
}

/** Every event so far, in order; none when no worker has written yet. */
export function readJournal(file: string): JournalEvent[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as JournalEvent);
}

export function callEvents(events: readonly JournalEvent[]): CallEvent[] {
  return events.filter((event): event is CallEvent => event.event === 'call');
}

/**
 * The events of one worker process, in its order. Every worker of a world
 * writes to one journal, and a standby writes `started` whenever it finishes
 * booting, so only one process's events have an order a test may assert.
 */
export function eventsOf(events: readonly JournalEvent[], pid: number): JournalEvent[] {
  return events.filter((event) => event.pid === pid);
}

export function resetEvents(events: readonly JournalEvent[]): ResetEvent[] {
  return events.filter((event): event is ResetEvent => event.event === 'reset');
}

/** `call:WSAConnect`, `reset:2`, `started`: a compact trace to compare whole sequences with. */
export function traceOf(events: readonly JournalEvent[]): string[] {
  return events.map((event) => {
    switch (event.event) {
      case 'call':
        return `call:${event.call}`;
      case 'reset':
        return `reset:${event.closed}`;
      default:
        return event.event;
    }
  });
}
