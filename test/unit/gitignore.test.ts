import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ignoreScope, isPathIgnored, MAX_GITIGNORE_LINES, repositoryRoot } from '../../server/src/workspace/gitignore';

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

  it('passes over a .gitignore of 200,000 patterns as a whole instead of compiling each (about a minute)', () => {
    const huge = `${Array.from({ length: 200_000 }, (_, i) => `pattern${i}/`).join('\n')}\n*.env\n`;
    const read = files({ '.gitignore': huge, 'svc/.gitignore': 'local.env\n' });
    assert.equal(isPathIgnored(path.join(ROOT, 'a.env'), ROOT, read), false, 'the huge file does not apply');
    assert.equal(isPathIgnored(path.join(ROOT, 'svc/local.env'), ROOT, read), true, 'the other .gitignore files still do');
    assert.equal(ignoreScope(ROOT, 'a\n'.repeat(MAX_GITIGNORE_LINES))?.rules.ignores('a'), true, 'up to the limit it applies');
  });
});
