/**
 * Whether the tests run under the project's Linux CI (`CI=true` on Linux:
 * .ci/run), which sets up all they may need — Wine, root, a tmpfs, Chromium —
 * so that a missing one there is a failure. Elsewhere, and on a Windows
 * runner (where GitHub also sets CI=true), a test skips with the reason.
 */
export function underLinuxCi(): boolean {
  return process.env['CI'] === 'true' && process.platform === 'linux';
}
