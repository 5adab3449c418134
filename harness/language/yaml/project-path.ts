import path from 'node:path';

/**
 * `file` (absolute, or relative to `root`) as problems and locations name it:
 * relative to the project root, with `/` separators on every platform.
 */
export function projectRelative(file: string, root: string): string {
  return path.relative(root, path.resolve(root, file)).split(path.sep).join('/');
}
