import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, isCheckedRule } from '../../server/src/engine/registry';
import { FACTORS, type AnyRule } from '../../server/src/engine/types';

const ROOT = path.resolve(__dirname, '../..');
const RULES_DIR = path.join(ROOT, 'server/src/rules');
const ENGINE_SOURCES = ['server/src/engine/lint.ts'].map((f) => fs.readFileSync(path.join(ROOT, f), 'utf8')).join('\n');

/** Every rule module on disk: `<factor>/<slug>.ts`. */
function ruleFiles(): { factor: string; slug: string; file: string }[] {
  return fs
    .readdirSync(RULES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      fs
        .readdirSync(path.join(RULES_DIR, d.name))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => ({ factor: d.name, slug: f.slice(0, -3), file: path.join(RULES_DIR, d.name, f) })),
    );
}

const REQUIRED_HEADINGS = ['## Why', '## Examples', '### Bad', '### Good', '## How to fix', '## Suppress'];

describe('rule registry (meta)', () => {
  const files = ruleFiles();

  it('has rule folders named after factors only', () => {
    for (const { factor } of files) assert.ok((FACTORS as readonly string[]).includes(factor), `${factor} is a factor`);
  });

  it('registers every rule file exactly once, with an id that matches its path', () => {
    const registered = new Set<AnyRule>(allRules());
    assert.equal(registered.size, allRules().length, 'no rule is listed twice');
    for (const { factor, slug, file } of files) {
      const rule = require(file).default as AnyRule; // eslint-disable-line @typescript-eslint/no-require-imports
      assert.equal(rule.id, `${factor}/${slug}`, `${file} declares the id of its path`);
      assert.equal(rule.factor, factor, `${rule.id} declares its folder's factor`);
      assert.ok(registered.has(rule), `${rule.id} is listed in server/src/rules/index.ts`);
    }
    assert.equal(files.length, allRules().length, 'every registered rule has a file');
  });

  for (const rule of allRules()) {
    describe(rule.id, () => {
      const [factor, slug] = rule.id.split('/');
      const source = fs.readFileSync(path.join(RULES_DIR, factor, `${slug}.ts`), 'utf8');
      const docPath = path.join(RULES_DIR, factor, `${slug}.md`);
      const testPath = path.join(ROOT, 'test/rules', factor, `${slug}.test.ts`);

      it('has a doc beside it with the usual headings', () => {
        assert.ok(fs.existsSync(docPath), `${path.relative(ROOT, docPath)} exists`);
        const doc = fs.readFileSync(docPath, 'utf8');
        assert.ok(doc.startsWith(`# ${rule.id}\n`), 'the doc starts with "# <id>"');
        for (const heading of REQUIRED_HEADINGS) assert.ok(doc.includes(`\n${heading}\n`), `the doc has "${heading}"`);
        assert.ok(doc.includes(rule.id.split('/')[0]), 'the doc names the factor');
        if (isCheckedRule(rule) && rule.options) {
          assert.ok(doc.includes('\n## Options\n'), 'a rule with options documents them');
          for (const option of Object.keys(rule.options)) assert.ok(doc.includes(`\`${option}\``), `the doc explains option ${option}`);
        }
      });

      it('has a test table', () => {
        assert.ok(fs.existsSync(testPath), `${path.relative(ROOT, testPath)} exists`);
      });

      it('uses and tests every messageId it declares', () => {
        const reporter = isCheckedRule(rule) ? source : ENGINE_SOURCES;
        const test = fs.existsSync(testPath) ? fs.readFileSync(testPath, 'utf8') : '';
        for (const id of Object.keys(rule.messages)) {
          assert.ok(reporter.includes(`'${id}'`), `messageId "${id}" is reported somewhere`);
          assert.ok(test.includes(`'${id}'`), `messageId "${id}" is covered by the rule's test`);
        }
      });

      it('declares a one-line description and rationale, and option defaults that fit their schema', () => {
        assert.ok(rule.description.length > 10 && !rule.description.includes('\n'));
        assert.ok(rule.rationale.length > 10 && !rule.rationale.includes('\n'));
        for (const [name, option] of Object.entries((isCheckedRule(rule) && rule.options) || {})) {
          const o = option as { type: string; default: unknown };
          const actual = Array.isArray(o.default) ? 'array' : typeof o.default;
          assert.equal(actual, o.type, `option ${name} default matches its type`);
        }
      });
    });
  }
});
