// `npm run generate`: regenerates everything derived from the rule registry. A meta-test fails when
// a committed copy drifts from what this writes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generatedFiles } from './tools/generatedFiles';

const root = path.resolve(__dirname, '..', '..');
for (const { file, content } of generatedFiles(root)) {
  const target = path.join(root, file);
  const before = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
  if (before !== content) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
    console.log(`updated ${file}`);
  }
}
