import * as path from 'node:path';
import * as assert from 'node:assert/strict';
import { ResolvedConfig } from '../../server/src/engine/config/resolvedConfig';
import { lint, MAX_FILE_CHARS } from '../../server/src/engine/lint';
import { ModelCache } from '../../server/src/engine/modelCache';
import * as registry from '../../server/src/engine/registry';
import { PARSERS } from '../../server/src/parsing/parsers';
import { SourceFile } from '../../server/src/parsing/sourceFile';
import { applyEdits, automaticFixes, combineFixes } from '../../server/src/engine/fixes';
import { lintText } from '../helpers/engineHarness';
import type { Finding, RuleContext } from '../../server/src/engine/types';

describe('engine', () => {
  it('isolates a rule that throws, logs it once, and still reports the other rules', () => {
    const rules = registry.rulesForKind('dockerfile');
    const broken = { ...rules[0], id: 'dependencies/unpinned-base-image-broken', check: () => { throw new Error('boom'); } };
    const logs: string[] = [];
    for (let i = 0; i < 2; i++) {
      const findings = lintText('Dockerfile', 'FROM node\n', { log: (m) => logs.push(m), rules: [broken, ...rules] });
      assert.ok(findings.some((f) => f.ruleId === 'dependencies/unpinned-base-image'));
    }
    assert.equal(logs.length, 1);
    assert.match(logs[0], /Rule dependencies\/unpinned-base-image-broken failed on Dockerfile: Error: boom/);
  });

  it('tells rules the workspace folder, from the file and its workspace-relative path', () => {
    const rule = registry.rulesForKind('dockerfile')[0];
    const roots: (string | undefined)[] = [];
    const spy = { ...rule, id: 'dependencies/root-spy', check: (_model: unknown, ctx: { root?: string }) => void roots.push(ctx.root) };
    const config = new ResolvedConfig();
    const workspace = { readText: () => undefined };
    const file = new SourceFile(path.resolve('/w/app/deploy/Dockerfile'), 'FROM node:20\n');
    lint({ file, config, relativePath: 'deploy/Dockerfile', workspace, rules: [spy] });
    lint({ file, config, relativePath: '../outside/Dockerfile', workspace, rules: [spy] });
    assert.deepEqual(roots, [path.resolve('/w/app'), undefined]);
  });

  it('defers the rules that read an incomplete index, and finishes only those against the complete one', () => {
    const [rule] = registry.rulesForKind('dockerfile');
    const ran: string[] = [];
    const at = { start: 0, end: 4 };
    // Reports before it reads the index: what it reported then must not stay.
    const reader = { ...rule, id: 'dependencies/index-reader', check: (_m: unknown, ctx: RuleContext<Record<string, unknown>>) => { ran.push('reader'); ctx.report({ messageId: Object.keys(rule.messages)[0], data: {}, at }); if ([...ctx.index.entries()].length > 0) ctx.report({ messageId: Object.keys(rule.messages)[0], data: {}, at: { start: 5, end: 9 } }); } };
    const plain = { ...rule, id: 'dependencies/plain', check: (_m: unknown, ctx: RuleContext<Record<string, unknown>>) => { ran.push('plain'); ctx.report({ messageId: Object.keys(rule.messages)[0], data: {}, at }); } };
    const config = new ResolvedConfig();
    const workspace = { readText: () => undefined };
    const file = new SourceFile('/w/Dockerfile', 'FROM node\n');
    const index = { entries: () => [{ path: '/w/other', kind: 'dockerfile' as const, facts: {} }] };
    const base = { file, config, relativePath: 'Dockerfile', workspace, rules: [reader, plain] };
    const first = lint({ ...base, deferIndexReaders: true });
    assert.deepEqual([...(first.deferred?.rules ?? [])], ['dependencies/index-reader']);
    assert.deepEqual(ran, ['reader', 'plain']);
    ran.length = 0;
    const second = lint({ ...base, index, resume: first.deferred });
    assert.deepEqual(ran, ['reader']);
    const whole = lint({ ...base, index });
    const ids = (findings: Finding[]) => findings.map((f) => f.ruleId);
    assert.deepEqual(ids(second.findings), ['dependencies/index-reader', 'dependencies/plain', 'dependencies/index-reader']);
    assert.deepEqual(ids(second.findings), ids(whole.findings));
    assert.equal(lint({ ...base, deferIndexReaders: true, rules: [plain] }).deferred, undefined);
  });

  it('parses once per document version', () => {
    const cache = new ModelCache();
    let parses = 0;
    const parser = PARSERS.dockerfile!;
    const counting = { ...parser, parse: (f: SourceFile) => { parses++; return parser.parse(f); } };
    const v1 = new SourceFile('/w/Dockerfile', 'FROM node\n', 1);
    cache.get(v1, 'dockerfile', counting);
    cache.get(v1, 'dockerfile', counting);
    cache.get(new SourceFile('/w/Dockerfile', 'FROM node\n', 1), 'dockerfile', counting);
    assert.equal(parses, 1);
    cache.get(new SourceFile('/w/Dockerfile', 'FROM node:20\n', 2), 'dockerfile', counting);
    assert.equal(parses, 2);
  });

  it('reports huge and binary files instead of parsing them', () => {
    const config = new ResolvedConfig();
    const workspace = { readText: () => undefined };
    const huge = lint({ file: new SourceFile('/w/Dockerfile', 'FROM node\n' + '#'.repeat(MAX_FILE_CHARS)), config, relativePath: 'Dockerfile', workspace });
    assert.deepEqual(huge.findings.map((f) => [f.ruleId, f.message.startsWith('Not analysed: the file is')]), [['codebase/unparsable-file', true]]);
    const binary = lint({ file: new SourceFile('/w/Dockerfile', 'FROM\u0000\u0001'), config, relativePath: 'Dockerfile', workspace });
    assert.equal(binary.findings[0].message, 'Not analysed: the file looks binary.');
  });

  it('ignores files of unknown kinds', () => {
    assert.deepEqual(lintText('notes.txt', 'password=hunter2'), []);
  });

  it('combines non-overlapping fixes and skips overlapping ones', () => {
    const edits = combineFixes([
      { title: 'a', edits: [{ span: { start: 0, end: 3 }, text: 'X' }] },
      { title: 'b', edits: [{ span: { start: 2, end: 5 }, text: 'Y' }] },
      { title: 'c', edits: [{ span: { start: 6, end: 7 }, text: 'Z' }] },
    ]);
    assert.equal(applyEdits('abcdefgh', edits), 'XdefZh');
    assert.throws(() => applyEdits('abc', [{ span: { start: 0, end: 2 }, text: '' }, { span: { start: 1, end: 3 }, text: '' }]), /Overlapping/);
  });
});

describe('automatic fixes', () => {
  it('keeps fixes that remove an ENV out of fix-all, and keeps the rest', () => {
    const findings = lintText('Dockerfile', 'FROM python:3.12-slim\nENV API_TOKEN=abcd1234efgh5678 DATABASE_URL=postgres://db.prod.internal/app\nCMD python worker.py\n');
    const byRule = Object.fromEntries(findings.map((f) => [f.ruleId, f.fix]));
    assert.equal(byRule['config/secret-in-image']?.automatic, false);
    assert.equal(byRule['build-release-run/config-baked-into-image']?.automatic, false);
    assert.notEqual(byRule['disposability/exec-form-entrypoint']?.automatic, false);
    const automatic = automaticFixes(findings.flatMap((f) => (f.fix ? [f.fix] : [])));
    assert.deepEqual(automatic.map((f) => f.title), [byRule['disposability/exec-form-entrypoint']!.title]);
  });
});
