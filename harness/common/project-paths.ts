/** Where the project's own files are, wherever the harness is run from. */
import { fileURLToPath } from 'node:url';

/** This file is compiled to dist/harness/common/project-paths.js: the project root is three folders up. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CASES_DIR = fileURLToPath(new URL('../../../cases/', import.meta.url));
export const EXPECTATIONS_DIR = fileURLToPath(new URL('../../../expectations/', import.meta.url));
/** What real Windows does, where a public source says (README, "The Windows reference"). */
export const WINDOWS_REFERENCES_FILE = fileURLToPath(new URL('../../../references/windows.yaml', import.meta.url));
/** The documentation pages the cases cite, one folder each (spec/README.md). */
export const SPEC_DIR = fileURLToPath(new URL('../../../spec/', import.meta.url));
export const WORKER_SCRIPT = fileURLToPath(new URL('../stacks/worker/main.js', import.meta.url));
