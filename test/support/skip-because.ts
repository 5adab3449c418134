/**
 * Skips the running test with its reason in its title, where every reporter
 * shows it (mocha's pending state carries no reason of its own).
 */
export function skipBecause(context: Mocha.Context, reason: string): never {
  if (context.test !== undefined) context.test.title += ` (skipped: ${reason})`;
  return context.skip();
}
