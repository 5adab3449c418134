/** What the tests of repro scripts share: reading a script's report, running many scripts. */
import { expect } from 'chai';
import type { ReproReport } from '../../harness/uses/repro/repro-data.js';

/** The report a script prints last: what each step observed. */
export function reportOf(output: string): ReproReport {
  return finalReport(output) ?? expect.fail(`the script's last line is not its report:\n${output}`);
}

/** The report, or undefined when the script printed none (it died). */
export function finalReport(output: string): ReproReport | undefined {
  const last = output.trimEnd().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(last) as ReproReport;
  } catch {
    return undefined;
  }
}

/** Runs `work` over `items`, at most `width` at a time. */
export async function inParallel<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    for (let index = next++; index < items.length; index = next++) results[index] = await work(items[index] as T);
  };
  await Promise.all(Array.from({ length: width }, lane));
  return results;
}
