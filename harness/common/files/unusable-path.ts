/** A path a run was given cannot be used (missing, not a folder, not writable, taken); the message says what to do. */
export class UnusablePath extends Error {}
