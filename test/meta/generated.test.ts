import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generatedFiles } from '../../server/src/tools/generatedFiles';

const ROOT = path.resolve(__dirname, '../..');

describe('generated files (meta)', () => {
  for (const { file, content } of generatedFiles(ROOT)) {
    it(`${file} matches the registry (run npm run generate)`, () => {
      assert.equal(fs.readFileSync(path.join(ROOT, file), 'utf8'), content);
    });
  }
});
