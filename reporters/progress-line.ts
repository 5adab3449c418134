/**
 * The live progress line of a terminal: how many cases have ended of how
 * many, then the cases still under way with the time each has taken so far,
 * the longest first (a slow case is what one waits for, so it is what the
 * line shows). Its count is of cases ended, never of cases started, so it
 * only goes up, however the lanes and the private network interleave.
 */
import { escapeTerminalLine } from './escape.js';

export class ProgressLine {
  private readonly endedIds = new Set<string>();
  /** The cases under way, each with when it started. */
  private readonly running = new Map<string, number>();

  constructor(private total: number) {}

  started(id: string, total: number, at: number): void {
    this.total = total;
    if (!this.endedIds.has(id)) this.running.set(id, at);
  }

  /** The case has ended (told once when it ends, and again when it is reported: both count once). */
  ended(id: string): void {
    this.running.delete(id);
    this.endedIds.add(id);
  }

  /** Whether some case is under way: only then does the line change as time passes. */
  get busy(): boolean {
    return this.running.size > 0;
  }

  /** The line at `now`, in at most `width` columns (unbounded when undefined). */
  render(now: number, width: number | undefined): string {
    const count = `[${this.endedIds.size}/${this.total}]`;
    const under = [...this.running].map(([id, since]) => ({ id: escapeTerminalLine(id), ms: Math.max(0, now - since) })).sort((a, b) => b.ms - a.ms);
    if (under.length === 0) return fit(count, width);
    let line = `${count} running:`;
    for (const [shown, { id, ms }] of under.entries()) {
      const entry = ` ${id} ${seconds(ms)}`;
      const rest = under.length - shown - 1;
      // Room is kept for "+N more" while cases remain to be named.
      const more = rest === 0 ? '' : ` +${rest} more`;
      if (width !== undefined && (line + entry + more).length > width) return fit(`${line} +${under.length - shown} more`, width);
      line += entry;
    }
    return fit(line, width);
  }
}

/** Time under way as a terminal shows it, to the tenth of a second: it changes as one watches. */
function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function fit(text: string, width: number | undefined): string {
  return width === undefined || text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}
