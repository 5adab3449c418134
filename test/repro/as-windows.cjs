/**
 * Preloaded (node --require) into a repro script run by the host's Node: the
 * process says it runs on Windows, as Windows Node under Wine says, so that a
 * test sees what the script does there.
 */
'use strict';
Object.defineProperty(process, 'platform', { value: 'win32' });
