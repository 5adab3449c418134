/** What a call did, as seen from the caller: its return value, the error, and its outputs. */
export interface Observation {
  /** A number, or `SOCKET_ERROR` / `INVALID_SOCKET` for the error returns, or `socket` for a valid handle. */
  readonly returns: number | string;
  /** WSAGetLastError() by name, when the call failed. */
  readonly error?: string;
  /** Outputs of the call: addresses, data, readiness… */
  readonly [output: string]: unknown;
}
