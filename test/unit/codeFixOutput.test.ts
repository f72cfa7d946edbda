import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { applyEdits, lint, ResolvedConfig } from '../../server/src/engine';
import type { CodeModel } from '../../server/src/parsing/code/codeModel';
import { detectKind } from '../../server/src/parsing/fileKind';
import { PARSERS } from '../../server/src/parsing/parsers';
import { SourceFile } from '../../server/src/parsing/sourceFile';

const FIXTURES = path.resolve(__dirname, '../fixtures/code');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

/** Syntax errors of a fixed text: the TypeScript compiler for JS/TS, tree-sitter (no ERROR or MISSING node) for the others. */
function syntaxErrors(filePath: string, text: string): string[] {
  const kind = detectKind(filePath)!;
  if (kind.language === 'typescript' || kind.language === 'javascript') {
    const fileName = path.basename(filePath);
    const out = ts.transpileModule(text, { fileName, reportDiagnostics: true, compilerOptions: { jsx: ts.JsxEmit.Preserve } });
    return (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }
  const model = PARSERS.code!.parse(new SourceFile(filePath, text)) as CodeModel;
  return model.tree.rootNode.hasError ? [`tree-sitter found a syntax error in:\n${text}`] : [];
}

describe('code fixes keep the file valid', () => {
  const codeFiles = files(FIXTURES).filter((f) => detectKind(f)?.kind === 'code');
  it('the fixtures have code files with fixes', () => assert.ok(codeFiles.length >= 10));
  for (const filePath of codeFiles) {
    it(path.relative(FIXTURES, filePath), () => {
      const text = fs.readFileSync(filePath, 'utf8');
      assert.deepEqual(syntaxErrors(filePath, text), [], 'the fixture itself is valid');
      const output = lint({ file: new SourceFile(filePath, text), config: new ResolvedConfig(), relativePath: path.basename(filePath), workspace: { readText: () => undefined } });
      for (const finding of output.findings) {
        if (!finding.fix) continue;
        const fixed = applyEdits(text, finding.fix.edits);
        assert.deepEqual(syntaxErrors(filePath, fixed), [], `${finding.ruleId}: "${finding.fix.title}" leaves valid code`);
      }
    });
  }

  it('the TypeScript fixes of the Express fixture compile with the compiler API', () => {
    // Every fix of the file applied in turn (each on the result of the previous), then parsed as a whole.
    const filePath = path.join(FIXTURES, 'express-api/src/server.ts');
    let text = fs.readFileSync(filePath, 'utf8');
    let applied = 0;
    for (let pass = 0; pass < 10; pass++) {
      const fix = lint({ file: new SourceFile(filePath, text), config: new ResolvedConfig(), relativePath: 'server.ts', workspace: { readText: () => undefined } }).findings.find((f) => f.fix)?.fix;
      if (!fix) break;
      text = applyEdits(text, fix.edits);
      applied++;
    }
    assert.ok(applied >= 3, `several fixes applied (${applied})`);
    assert.deepEqual(syntaxErrors(filePath, text), []);
    assert.match(text, /app\.listen\(Number\(process\.env\.PORT \?\? 8081\)/);
    assert.match(text, /process\.on\('SIGTERM', \(\) => server\.close\(\(\) => process\.exit\(0\)\)\);/);
  });
});
