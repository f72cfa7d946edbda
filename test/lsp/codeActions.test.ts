import * as assert from 'node:assert/strict';
import { codeActions } from '../../server/src/lsp/codeActions';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../../server/src/protocol';

const range = (line: number, a: number, b: number) => ({ start: { line, character: a }, end: { line, character: b } });

describe('code actions: fixes that edit other files', () => {
  const uri = 'file:///w/docker-compose.yml';
  const data = (otherFiles: NonNullable<DiagnosticData['fix']>['otherFiles']): DiagnosticData => ({
    ruleId: 'config/literal-secret-env',
    statementLine: 3,
    fix: { title: 'Use ${DB_PASSWORD}', edits: [{ range: range(3, 25, 33), newText: '${DB_PASSWORD}' }], otherFiles },
  });
  const params = (d: DiagnosticData) => ({
    textDocument: { uri },
    range: range(3, 25, 33),
    context: { diagnostics: [{ range: range(3, 25, 33), message: 'm', source: DIAGNOSTIC_SOURCE, code: d.ruleId, data: d }], only: ['quickfix'] },
  });

  it('creates a missing file and edits it in the same workspace edit', () => {
    const d = data([{ uri: 'file:///w/.env.example', create: true, edits: [{ range: range(0, 0, 0), newText: 'DB_PASSWORD=\n' }] }]);
    const [fix] = codeActions(params(d), undefined);
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.edit?.changes, undefined);
    assert.deepEqual(fix.edit?.documentChanges, [
      { textDocument: { uri, version: null }, edits: d.fix!.edits },
      { kind: 'create', uri: 'file:///w/.env.example', options: { ignoreIfExists: true } },
      { textDocument: { uri: 'file:///w/.env.example', version: null }, edits: [{ range: range(0, 0, 0), newText: 'DB_PASSWORD=\n' }] },
    ]);
  });

  it('edits an existing file without creating it', () => {
    const d = data([{ uri: 'file:///w/.env.example', edits: [{ range: range(4, 0, 0), newText: 'DB_PASSWORD=\n' }] }]);
    const [fix] = codeActions(params(d), undefined);
    assert.deepEqual(
      fix.edit?.documentChanges?.map((c) => ('kind' in c ? c.kind : c.textDocument.uri)),
      [uri, 'file:///w/.env.example'],
    );
  });

  it('a fix on one file only stays a simple change', () => {
    const [fix] = codeActions(params(data(undefined)), undefined);
    assert.deepEqual(fix.edit, { changes: { [uri]: data(undefined).fix!.edits } });
  });
});
