import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TOKEN_HITS, tokenHits } from '../../server/src/analysis/tokenHits';
import { random } from '../helpers/random';

/** What a global scan of the whole text yields: the reference the gated scan must equal. */
function reference(text: string): [number, string][] {
  return [...text.matchAll(TOKEN_HITS)].map((m) => [m.index, m[0]]);
}

function gated(text: string): [number, string][] {
  return tokenHits(text).map((m) => [m.index, m[0]]);
}

// Pieces that start, end, overlap and nest hits: prefixes inside other prefixes and inside URLs.
const PIECES = ['AKIA', 'akia', 'ASIA', 'AIza', 'gh', 'p_', 'github_pat_', 'glpat-', 'xox', 'b-', 'sk_live_', 'rk_live_', 'npm_', 'SG.', 'eyJ', '-----BEGIN', '@tcp(', '://', ':', '@', 'postgres', 'u', 'pw', 'a+b.c-d', ' ', '"', "'", '`', '/', '\n', 'x', 'Z9', 'é', '\u00df'];

describe('tokenHits', () => {
  it('yields the hits of a global scan on texts built to overlap and nest them', () => {
    const next = random(13);
    for (let round = 0; round < 3000; round++) {
      const parts: string[] = [];
      const count = 1 + Math.floor(next() * 40);
      for (let i = 0; i < count; i++) parts.push(PIECES[Math.floor(next() * PIECES.length)]);
      const text = parts.join('');
      assert.deepEqual(gated(text), reference(text), JSON.stringify(text));
    }
  });

  it('yields the hits of a global scan at the bounds of a URL scheme (32 characters) and of its parts', () => {
    for (const scheme of ['a', 'a'.repeat(31), 'a'.repeat(32), 'a'.repeat(33), '1abc', 'A+B', '-x']) {
      for (const text of [`${scheme}://u:p@h`, `"${scheme}://u:p@h"`, `x${scheme}://${'u'.repeat(256)}:p@h`, `${scheme}://${'u'.repeat(257)}:p@h`, `${scheme}://u:${'p'.repeat(257)}@h`, `${scheme}://u:p`]) {
        assert.deepEqual(gated(text), reference(text), text);
      }
    }
  });

  it('yields the hits of a global scan on real code: this repository’s sources and test fixtures', () => {
    const root = path.resolve(__dirname, '../..');
    const files = [
      ...fs.readdirSync(path.join(root, 'server/src'), { recursive: true, withFileTypes: true }),
      ...fs.readdirSync(path.join(root, 'test/fixtures'), { recursive: true, withFileTypes: true }),
    ].filter((d) => d.isFile());
    let hits = 0;
    for (const d of files) {
      const text = fs.readFileSync(path.join(d.parentPath, d.name), 'utf8');
      const expected = reference(text);
      hits += expected.length;
      assert.deepEqual(gated(text), expected, path.join(d.parentPath, d.name));
    }
    assert.ok(hits > 50, `only ${hits} hits: the comparison would prove little`);
  });
});
