/** A C `int` in memory, as calls that take an `int *` (setsockopt's value, a name's length) pass it: 4 bytes, little-endian. Shared by the calls and the fixtures' host sockets. */
export function int32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32LE(value);
  return buffer;
}
