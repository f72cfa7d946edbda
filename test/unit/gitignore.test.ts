import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { isPathIgnored, repositoryRoot } from '../../server/src/workspace/gitignore';

const ROOT = path.resolve('/repo');
const files = (map: Record<string, string>) => (p: string) => map[path.relative(ROOT, p).split(path.sep).join('/')];

describe('gitignore', () => {
  it('finds the repository root by .git/HEAD, or by a worktree\'s .git file', () => {
    assert.equal(repositoryRoot(path.join(ROOT, 'a/b'), files({ '.git/HEAD': 'ref' })), ROOT);
    assert.equal(repositoryRoot(path.join(ROOT, 'a/b'), files({ 'a/.git': 'gitdir: /elsewhere' })), path.join(ROOT, 'a'));
    assert.equal(repositoryRoot(path.join(ROOT, 'a'), files({})), undefined);
  });

  it('judges a file as git does: deeper rules win, negations re-include, ignored folders stay ignored', () => {
    const read = files({ '.gitignore': '*.env\n!keep.env\nsecrets/\n', 'svc/.gitignore': '!svc.env\n', '.git/info/exclude': 'local.txt\n' });
    const ignored = (rel: string) => isPathIgnored(path.join(ROOT, rel), ROOT, read);
    assert.equal(ignored('a.env'), true);
    assert.equal(ignored('keep.env'), false);
    assert.equal(ignored('svc/svc.env'), false, 'a deeper negation wins');
    assert.equal(ignored('secrets/.gitignore-cannot-help'), true);
    assert.equal(ignored('deep/local.txt'), true, '.git/info/exclude applies');
    assert.equal(ignored('README.md'), false);
  });
});
