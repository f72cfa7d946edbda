import * as assert from 'node:assert/strict';
import { parseArgs, UsageError } from '../../server/src/cli/args';

describe('cli arguments', () => {
  it('defaults: text, fail on errors, the current folder', () => {
    assert.deepEqual(parseArgs(['audit']), { command: 'audit', paths: ['.'], format: 'text', failOn: 'error', jobs: 1, quiet: false, baseline: 'use' });
  });

  it('reads options in both spellings, in any position, the last one winning', () => {
    assert.deepEqual(parseArgs(['audit', '--format=sarif', 'a', '--fail-on', 'warning', 'b', '--config', 'tf.yaml', '--output=out.sarif', '--format', 'json', '--jobs', '2']), {
      command: 'audit',
      paths: ['a', 'b'],
      format: 'json',
      failOn: 'warning',
      config: 'tf.yaml',
      output: 'out.sarif',
      jobs: 2,
      quiet: false,
      baseline: 'use',
    });
  });

  it('reads the baseline flags, and refuses both at once or with a value', () => {
    assert.equal((parseArgs(['audit', '--no-baseline']) as { baseline: string }).baseline, 'ignore');
    assert.equal((parseArgs(['audit', '.', '--update-baseline']) as { baseline: string }).baseline, 'update');
    assert.throws(() => parseArgs(['audit', '--no-baseline', '--update-baseline']), /exclude each other/);
    assert.throws(() => parseArgs(['audit', '--no-baseline=yes']), /takes no value/);
  });

  it('-q and --quiet ask for the findings alone', () => {
    for (const flag of ['-q', '--quiet']) {
      assert.deepEqual(parseArgs(['audit', flag, 'Dockerfile']), { command: 'audit', paths: ['Dockerfile'], format: 'text', failOn: 'error', jobs: 1, quiet: true, baseline: 'use' });
    }
  });

  it('takes everything after -- as a path', () => {
    assert.deepEqual(parseArgs(['audit', '--', '--help', '-x']), { command: 'audit', paths: ['--help', '-x'], format: 'text', failOn: 'error', jobs: 1, quiet: false, baseline: 'use' });
  });

  it('help and version win over everything else', () => {
    assert.deepEqual(parseArgs(['audit', '--bogus', '--help']), { command: 'help' });
    assert.deepEqual(parseArgs(['-h']), { command: 'help' });
    assert.deepEqual(parseArgs(['help']), { command: 'help' });
    assert.deepEqual(parseArgs(['--version']), { command: 'version' });
  });

  const bad: [string[], string][] = [
    [[], 'Missing command: try "twelve-factor audit .".'],
    [['check'], 'Unknown command "check"; the only command is "audit".'],
    [['audit', '-f', 'json'], 'Unknown option -f.'],
    [['audit', '--format=html'], 'Invalid --format "html": expected text, json, sarif or markdown.'],
    [['audit', '--fail-on', 'all'], 'Invalid --fail-on "all": expected error, warning, info or none.'],
    [['audit', '--fail-on', '--format', 'json'], 'Option --fail-on needs a value: error, warning, info or none.'],
    [['audit', '--output'], 'Option --output needs a value (a file path).'],
    [['audit', '--config='], 'Option --config needs a value (a file path).'],
    [['audit', '--jobs', '0'], 'Invalid --jobs "0": expected a whole number from 1 to 64.'],
    [['audit', '--jobs=two'], 'Invalid --jobs "two": expected a whole number from 1 to 64.'],
    [['audit', '--jobs'], 'Option --jobs needs a value (a number of threads).'],
    [['audit', '--quiet=yes'], 'Option --quiet takes no value.'],
  ];
  for (const [argv, message] of bad) {
    it(`rejects ${JSON.stringify(argv)}`, () => {
      assert.throws(() => parseArgs(argv), (e: unknown) => e instanceof UsageError && e.message === message);
    });
  }
});
