import * as assert from 'node:assert/strict';
import { BaselineError, parseBaseline, serializeBaseline, type Baseline } from '../../server/src/baseline/baselineFile';
import { fingerprintOf } from '../../server/src/baseline/fingerprint';
import { matchFile } from '../../server/src/baseline/matchBaseline';

const RULE = 'config/secret-in-image';
const FILE = ['FROM node:20', '', 'ENV API_TOKEN=abc123', 'CMD ["node", "app.js"]', ''].join('\n');

/** The fingerprint of the first occurrence of `flagged` in `text` (or of the n-th). */
function at(text: string, flagged: string, nth = 0, rule = RULE) {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(flagged, start + 1);
  assert.notEqual(start, -1, `${flagged} not in text`);
  return { ruleId: rule, fingerprint: fingerprintOf(rule, text, { start, end: start + flagged.length }) };
}

/** Accepts the findings of `before`, then matches the findings of `after`. */
function states(before: ReturnType<typeof at>[], after: ReturnType<typeof at>[]) {
  const entries = new Map<string, ReturnType<typeof at>['fingerprint'][]>();
  for (const f of before) entries.set(f.ruleId, [...(entries.get(f.ruleId) ?? []), f.fingerprint]);
  return matchFile(entries, after);
}

describe('baseline fingerprints', () => {
  const accepted = at(FILE, 'API_TOKEN=abc123');

  it('survive edits above and below the flagged text, and re-indentation', () => {
    const edited = ['# base image', 'FROM node:20', '', '', 'ENV API_TOKEN=abc123', 'CMD ["node", "app.js"]', 'EXPOSE 8080', ''].join('\n');
    assert.deepEqual(states([accepted], [at(edited, 'API_TOKEN=abc123')]).states, ['unchanged']);
    const far = ['LABEL a=b', ...FILE.split('\n').map((l) => `  ${l}`), 'HEALTHCHECK NONE'].join('\n');
    assert.deepEqual(at(far, 'API_TOKEN=abc123').fingerprint, accepted.fingerprint, 'same text and neighbours after re-indenting');
  });

  it('survive an edit of the rest of the flagged line, and of a neighbouring line when the text is unambiguous', () => {
    const sameLine = FILE.replace('ENV API_TOKEN=abc123', 'ENV API_TOKEN=abc123 LOG_LEVEL=info');
    assert.deepEqual(at(sameLine, 'API_TOKEN=abc123').fingerprint, accepted.fingerprint);
    const neighbour = FILE.replace('CMD ["node", "app.js"]', 'CMD ["node", "server.js"]');
    assert.notEqual(at(neighbour, 'API_TOKEN=abc123').fingerprint.below, accepted.fingerprint.below);
    assert.deepEqual(states([accepted], [at(neighbour, 'API_TOKEN=abc123')]).states, ['unchanged']);
  });

  it('change with the flagged text: a new value is a new finding, and the old entry is absent', () => {
    const changed = FILE.replace('abc123', 'xyz789');
    const outcome = states([accepted], [at(changed, 'API_TOKEN=xyz789')]);
    assert.deepEqual(outcome.states, ['new']);
    assert.deepEqual(outcome.absent.map((a) => a.ruleId), [RULE]);
  });

  it('do not pass acceptance to a copy, even when a line next to the original was edited too', () => {
    const both = FILE.replace('FROM node:20', 'FROM node:22').replace('CMD ["node", "app.js"]', 'CMD ["node", "app.js"]\nLABEL x=y\nENV API_TOKEN=abc123\nUSER node');
    assert.deepEqual(states([accepted], [at(both, 'API_TOKEN=abc123', 0), at(both, 'API_TOKEN=abc123', 1)]).states, ['unchanged', 'new']);
  });

  it('do not pass acceptance to a copy of the flagged text elsewhere in the file', () => {
    const copied = FILE.replace('CMD ["node", "app.js"]', 'CMD ["node", "app.js"]\nLABEL x=y\nENV API_TOKEN=abc123\nUSER node');
    const outcome = states([accepted], [at(copied, 'API_TOKEN=abc123', 0), at(copied, 'API_TOKEN=abc123', 1)]);
    assert.deepEqual(outcome.states, ['unchanged', 'new']);
    assert.deepEqual(outcome.absent, []);
  });

  it('keep two accepted copies apart and accept both', () => {
    const twice = FILE.replace('CMD ["node", "app.js"]', 'CMD ["node", "app.js"]\nLABEL x=y\nENV API_TOKEN=abc123\nUSER node');
    const both = [at(twice, 'API_TOKEN=abc123', 0), at(twice, 'API_TOKEN=abc123', 1)];
    assert.deepEqual(states(both, both).states, ['unchanged', 'unchanged']);
  });

  it('belong to their rule: the same text under another rule is new', () => {
    assert.deepEqual(states([accepted], [at(FILE, 'API_TOKEN=abc123', 0, 'config/other')]).states, ['new']);
  });

  it('never hold the flagged text', () => {
    for (const hash of Object.values(accepted.fingerprint)) assert.match(hash, /^[0-9a-f]{16}$/);
  });

  it('identify an empty span by its line', () => {
    const a = fingerprintOf(RULE, FILE, { start: 0, end: 0 });
    const b = fingerprintOf(RULE, `# top\n${FILE}`, { start: 6, end: 6 });
    assert.equal(a.text, b.text);
    assert.notEqual(a.text, fingerprintOf(RULE, FILE, { start: 14, end: 14 }).text);
  });
});

describe('baseline file', () => {
  const baseline: Baseline = new Map([
    ['b/Dockerfile', new Map([[RULE, [{ text: 'ffffffffffffffff', above: '0000000000000000', below: '1111111111111111' }, { text: '0123456789abcdef', above: '0123456789abcdef', below: '0123456789abcdef' }]]])],
    ['a/app.ts', new Map([['config/hardcoded-secret', [{ text: 'aaaaaaaaaaaaaaaa', above: 'bbbbbbbbbbbbbbbb', below: 'cccccccccccccccc' }]]])],
  ]);

  it('round-trips, sorted, so that a rewrite of the same findings changes nothing', () => {
    const text = serializeBaseline(baseline);
    assert.deepEqual(parseBaseline(text), new Map([...baseline].sort().map(([f, r]) => [f, new Map([...r].map(([id, l]) => [id, [...l].sort((x, y) => (x.text < y.text ? -1 : 1))]))])));
    assert.equal(serializeBaseline(parseBaseline(text)), text);
    assert.ok(text.indexOf('a/app.ts') < text.indexOf('b/Dockerfile'));
  });

  const damaged: [string, RegExp][] = [
    ['{', /not valid JSON/],
    ['[]', /not a JSON object/],
    ['{"version": 2, "files": {}}', /"version" is 2/],
    ['{"version": 1}', /no "files" object/],
    ['{"version": 1, "files": {"a": []}}', /"a" is not an object/],
    ['{"version": 1, "files": {"a": {"r/x": {}}}}', /is not a list/],
    ['{"version": 1, "files": {"a": {"r/x": [{"text": "hunter2", "above": "x", "below": "y"}]}}}', /entry 1 is not a fingerprint/],
  ];
  for (const [json, message] of damaged) {
    it(`refuses ${json}`, () => assert.throws(() => parseBaseline(json), (e: unknown) => e instanceof BaselineError && message.test(e.message)));
  }
});
