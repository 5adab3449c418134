/** Opens the libc binding in a worker: the host's libc loaded, the stack named by kernel and C library. */
import { release, type } from 'node:os';
import { loadLibc, type Koffi, type Libc } from '../../../common/net/libc.js';
import type { ProviderInfo } from '../../worker/protocol.js';
import { LibcBinding } from './libc-binding.js';

export function openLibc(koffi: Koffi & Pick<typeof import('koffi'), 'version'>): LibcBinding {
  const libc = loadLibc(koffi);
  return new LibcBinding(libc, () => ({ ...describeStack(libc), koffiVersion: koffi.version }));
}

/** `Linux 6.1.0-18-amd64, glibc 2.36`: the kernel is the socket stack; the C library only wraps its calls. */
export function describeStack(libc: Pick<Libc, 'version'>, kernel = `${type()} ${release()}`): ProviderInfo {
  const version = libc.version();
  const library = version === undefined ? 'a C library without gnu_get_libc_version (not glibc; its version is not known)' : `glibc ${version}`;
  return {
    version: `${kernel}, ${library}`,
    stack: { kind: 'posix', kernel, ...(version === undefined ? {} : { libc: `glibc ${version}` }) },
    nodeVersion: process.version,
  };
}
