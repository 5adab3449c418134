/**
 * A real, small file system for fault-injection tests: a tmpfs mounted in a
 * temporary folder (root only), filled to leave a chosen number of bytes,
 * or mounted read-only. The kernel then refuses writes exactly as a full or
 * read-only disk does (ENOSPC, EROFS), short writes included.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Why a tmpfs cannot be mounted here, or undefined when it can. */
export function whyNoSmallFileSystem(): string | undefined {
  if (process.platform !== 'linux') return 'mounting a tmpfs needs Linux';
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
  return undefined;
}

export class SmallFileSystem {
  private mounted = true;

  private constructor(readonly dir: string) {}

  /** Mounts a tmpfs of `bytes` (a multiple of the page size) in a new temporary folder. */
  static mount(bytes: number, options: { readonly readOnly?: boolean } = {}): SmallFileSystem {
    const dir = mkdtempSync(join(tmpdir(), 'wc-small-fs-'));
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}${options.readOnly === true ? ',ro' : ''}`, 'tmpfs', dir], { encoding: 'utf8' });
    if (mount.status !== 0) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`mount -t tmpfs failed: ${mount.stderr || mount.error?.message}`);
    }
    return new SmallFileSystem(dir);
  }

  /** Bytes still free for an unprivileged writer. */
  free(): number {
    const stats = statfsSync(this.dir);
    return stats.bavail * stats.bsize;
  }

  /** Fills the file system with one file so that about `bytes` stay free (to the page). */
  leaveFree(bytes: number): void {
    writeFileSync(join(this.dir, 'filler'), Buffer.alloc(Math.max(0, this.free() - bytes)));
  }

  /** Unmounts and removes the folder; safe to call twice. */
  unmount(): void {
    if (!this.mounted) return;
    const umount = spawnSync('umount', [this.dir], { encoding: 'utf8' });
    // A file system still busy (a process left in it) is detached now and freed when it is let go.
    if (umount.status !== 0) spawnSync('umount', ['--lazy', this.dir]);
    this.mounted = false;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
