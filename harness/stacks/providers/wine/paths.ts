/** Wine sees the Linux file system as drive Z:. */
export function windowsPath(linuxPath: string): string {
  return `Z:${linuxPath.replace(/\//g, '\\')}`;
}
