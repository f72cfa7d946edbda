import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { applyFixes, applyOtherFileChanges } from '../../server/src/engine/fixes';
import { onePerSpan } from '../../server/src/engine/onePerSpan';
import { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';
import type { Fix, Rule, RuleReport } from '../../server/src/engine/types';
import type { FileKind } from '../../server/src/parsing/fileKind';
import { PARSERS } from '../../server/src/parsing/parsers';
import { prepareCodeParsing } from '../../server/src/parsing/code/treeSitter';
import { SourceFile, type Span } from '../../server/src/parsing/sourceFile';

/** Where the tested file lives; workspace files in a case are relative to its folder. */
const WORKSPACE = path.resolve('/workspace/app');

/** A case that must produce no finding. */
export type ValidCase = string | { code: string; options?: Record<string, unknown>; files?: Record<string, string>; name?: string };

/** A case that must produce exactly the listed findings, at the spans marked «…» in `code`, in order. */
export interface InvalidCase {
  name?: string;
  /** The text with each expected span wrapped in « and ». */
  code: string;
  errors: { messageId: string; data?: Record<string, string | number> }[];
  /** The text after applying every fix; null asserts that no fix is offered. Required when a fix is offered. */
  output?: string | null;
  options?: Record<string, unknown>;
  /** Other workspace files, relative to the tested file's folder (package.json, lockfiles, …). */
  files?: Record<string, string>;
  /**
   * The full text of every other file the fixes edit or create, relative to the tested file's folder
   * (`.env.example` after a compose fix). Required when a fix edits other files.
   */
  otherOutputs?: Record<string, string>;
}

/** Strips «…» marks, returning the plain text and the marked spans in order. */
export function extractMarkedSpans(marked: string): { text: string; spans: Span[] } {
  const spans: Span[] = [];
  let text = '';
  const open: number[] = [];
  for (const ch of marked) {
    if (ch === '«') open.push(text.length);
    else if (ch === '»') {
      const start = open.pop();
      if (start === undefined) throw new Error('Unbalanced » in test case');
      spans.push({ start, end: text.length });
    } else text += ch;
  }
  if (open.length) throw new Error('Unbalanced « in test case');
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return { text, spans };
}

/** Runs a rule's `check` on one text, returning its raw reports. */
export function runRule(
  rule: Rule<any, any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  kind: FileKind,
  fileName: string,
  text: string,
  options: Record<string, unknown> = {},
  files: Record<string, string> = {},
): { file: SourceFile; reports: RuleReport[] } {
  const file = new SourceFile(path.join(WORKSPACE, fileName), text);
  const parser = PARSERS[kind];
  if (!parser) throw new Error(`No parser for kind ${kind}`);
  const model = parser.parse(file);
  const defaults = Object.fromEntries(Object.entries(rule.options ?? {}).map(([k, o]) => [k, (o as { default: unknown }).default]));
  const reports: RuleReport[] = [];
  const index = new WorkspaceIndex();
  for (const [rel, content] of Object.entries(files)) index.update(path.join(WORKSPACE, rel), content);
  index.update(file.path, text);
  rule.check(model, {
    file,
    options: { ...defaults, ...options },
    workspace: { readText: (p: string) => readWorkspaceFile(files, p) },
    index,
    root: WORKSPACE,
    report: onePerSpan((r) => reports.push(r)),
  });
  reports.sort((a, b) => a.at.start - b.at.start || a.at.end - b.at.end);
  // Robustness over every Dockerfile the tables contain: spans and fix edits stay inside the text.
  for (const r of reports) {
    const spans = [r.at, ...(r.fix?.edits.map((e) => e.span) ?? [])];
    for (const s of spans) assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${rule.id} reported a span outside the text: ${JSON.stringify(s)}`);
    for (const change of r.fix?.otherFiles ?? []) {
      const other = change.create ? '' : (readWorkspaceFile(files, change.path) ?? '');
      assert.ok(change.create || readWorkspaceFile(files, change.path) !== undefined, `${rule.id} edits ${change.path}, which does not exist; set create`);
      for (const e of change.edits) assert.ok(e.span.start >= 0 && e.span.start <= e.span.end && e.span.end <= other.length, `${rule.id} edits ${change.path} outside its text`);
    }
  }
  return { file, reports };
}

/** A workspace file of a test case by absolute path, or undefined. */
function readWorkspaceFile(files: Record<string, string>, absolutePath: string): string | undefined {
  return files[path.relative(WORKSPACE, absolutePath).split(path.sep).join('/')];
}

/**
 * Declares mocha tests for a rule from a table of valid and invalid cases, in the manner of ESLint's
 * RuleTester: exact messageId, data, span and fixed output.
 */
export function testRule(
  rule: Rule<any, any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  setup: { kind: FileKind; fileName: string },
  cases: { valid: ValidCase[]; invalid: InvalidCase[] },
): void {
  describe(rule.id, () => {
    // Also when run alone, without the root hooks of .mocharc.json.
    before(() => prepareCodeParsing());
    describe('valid', () => {
      cases.valid.forEach((c, i) => {
        const vc = typeof c === 'string' ? { code: c } : c;
        it(vc.name ?? `valid #${i + 1}: ${firstLine(vc.code)}`, () => {
          const { reports } = runRule(rule, setup.kind, setup.fileName, vc.code, vc.options, vc.files);
          assert.deepEqual(reports.map((r) => r.messageId), [], 'expected no findings');
        });
      });
    });
    describe('invalid', () => {
      cases.invalid.forEach((c, i) => {
        it(c.name ?? `invalid #${i + 1}: ${firstLine(c.code)}`, () => {
          const { text, spans } = extractMarkedSpans(c.code);
          assert.equal(spans.length, c.errors.length, 'each expected error needs one «…» span in the code');
          const { reports } = runRule(rule, setup.kind, setup.fileName, text, c.options, c.files);
          assert.deepEqual(
            reports.map((r) => ({ messageId: r.messageId, at: r.at, text: text.slice(r.at.start, r.at.end) })),
            c.errors.map((e, k) => ({ messageId: e.messageId, at: spans[k], text: text.slice(spans[k].start, spans[k].end) })),
          );
          c.errors.forEach((e, k) => {
            if (e.data) assert.deepEqual(reports[k].data, e.data, `data of error ${k + 1}`);
            assert.ok(rule.messages[reports[k].messageId] !== undefined, `messageId ${reports[k].messageId} is declared`);
          });
          const fixes = reports.map((r) => r.fix).filter((f): f is Fix => f !== undefined);
          if (fixes.length > 0) {
            assert.ok(rule.fixable, 'a rule that offers fixes must declare fixable: true');
            assert.notEqual(c.output, undefined, 'this case offers a fix: state its output (or null)');
            assert.equal(applyFixes(text, fixes), c.output ?? text);
            const others = applyOtherFileChanges(fixes, (p) => readWorkspaceFile(c.files ?? {}, p));
            const actual = Object.fromEntries([...others].map(([p, t]) => [path.relative(WORKSPACE, p).split(path.sep).join('/'), t]));
            assert.deepEqual(actual, c.otherOutputs ?? {}, 'the other files the fixes edit, after the fixes');
            if (c.output !== null) {
              // The other files as the fix left them: a fix that edits only `.gitignore` must still make its finding go.
              const again = runRule(rule, setup.kind, setup.fileName, c.output!, c.options, { ...c.files, ...c.otherOutputs });
              const fixedIds = reports.filter((r) => r.fix).map((r) => r.messageId);
              const remaining = again.reports.filter((r) => r.fix && fixedIds.includes(r.messageId));
              assert.ok(remaining.length < fixedIds.length, 'applying the fixes must remove the findings they fix');
            }
          } else if (c.output !== undefined) {
            assert.equal(c.output, null, 'expected a fix, but the rule offered none');
          }
        });
      });
    });
  });
}

function firstLine(code: string): string {
  const line = code.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
