import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ResolvedConfig } from '../../server/src/engine/config/resolvedConfig';
import { lint } from '../../server/src/engine/lint';
import { detectKind } from '../../server/src/parsing/fileKind';
import { lineCommentMarkers } from '../../server/src/parsing/commentSyntax';
import { SourceFile } from '../../server/src/parsing/sourceFile';
import { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';

const FIXTURES = path.resolve(__dirname, '../fixtures');

/**
 * Every fixture carries its expectations inline: a whole-line comment `expect-next-line: <ids>` for
 * the next statement, or a trailing `expect: <ids>` comment for its own line. Every rule runs on every
 * fixture, so each fixture is also a false-positive guard for all the other rules.
 */
function expectations(file: SourceFile, markers: string[]): string[] {
  const out: string[] = [];
  const isComment = (line: string) => markers.some((m) => line.trimStart().startsWith(m));
  for (let line = 0; line < file.lineCount; line++) {
    const text = file.lineText(line);
    const next = /expect-next-line:\s*(.+?)\s*$/.exec(text);
    if (next && isComment(text)) {
      let target = line + 1;
      while (target < file.lineCount && (file.lineText(target).trim() === '' || isComment(file.lineText(target)))) target++;
      for (const id of next[1].split(/[\s,]+/).filter(Boolean)) out.push(`${target + 1}:${id}`);
      continue;
    }
    const same = /\sexpect:\s*(.+?)\s*$/.exec(text);
    if (same && !isComment(text)) for (const id of same[1].split(/[\s,]+/).filter(Boolean)) out.push(`${line + 1}:${id}`);
  }
  return out.sort();
}

function fixtureFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? fixtureFiles(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

/**
 * Each top-level fixture folder is one workspace for cross-file rules: `env-contract/` is a monorepo
 * whose code and manifests are linked, as the CLI and the editor link them.
 */
function workspaceIndex(folder: string, files: readonly string[]): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const f of files) if (f.startsWith(folder + path.sep)) index.update(f, fs.readFileSync(f, 'utf8'));
  return index;
}

describe('fixtures with inline expectations', () => {
  const files = fixtureFiles(FIXTURES).filter((f) => detectKind(f, fs.readFileSync(f, 'utf8')) && !f.includes(`${path.sep}sarif${path.sep}`));
  const indexes = new Map<string, WorkspaceIndex>();
  const indexOf = (fixture: string) => {
    const folder = path.join(FIXTURES, path.relative(FIXTURES, fixture).split(path.sep)[0]);
    if (!indexes.has(folder)) indexes.set(folder, workspaceIndex(folder, files));
    return indexes.get(folder)!;
  };
  it('exist', () => assert.ok(files.length > 0, 'test/fixtures holds fixture files'));
  for (const fixture of files) {
    it(path.relative(FIXTURES, fixture), () => {
      const text = fs.readFileSync(fixture, 'utf8');
      const kind = detectKind(fixture, text)!;
      const file = new SourceFile(fixture, text);
      const output = lint({
        file,
        kind,
        config: new ResolvedConfig(),
        relativePath: path.basename(fixture),
        workspace: { readText: (p) => (fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined) },
        index: indexOf(fixture),
      });
      const expected = expectations(file, lineCommentMarkers(kind));
      // A finding counts on its own line (trailing `expect:`) or on its statement's first line (`expect-next-line:`).
      const actual = output.findings
        .map((f) => {
          const own = `${f.range.start.line + 1}:${f.ruleId}`;
          return expected.includes(own) ? own : `${output.statementLine(f.span.start) + 1}:${f.ruleId}`;
        })
        .sort();
      assert.deepEqual(actual, expected);
    });
  }
});
