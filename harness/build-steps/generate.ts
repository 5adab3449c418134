/** `npm run generate`: writes the files derived from the declarations (schemas/generated-files.ts). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../common/project-paths.js';
import { GENERATED_FILES } from './generated-files.js';

for (const file of GENERATED_FILES) {
  writeFileSync(path.join(PROJECT_ROOT, file.path), file.content());
  process.stdout.write(`wrote ${file.path}\n`);
}
