import { matchesGlob } from '../engine/glob';
import type { OptionSchema } from '../engine/types';

/** Test files by the conventions of the four languages; code rules skip them unless told otherwise. */
export const DEFAULT_TEST_FILES: readonly string[] = ['*.test.*', '*.spec.*', 'test_*.py', '*_test.py', 'conftest.py', '*_test.go', 'src/test/', '__tests__/'];

/**
 * The `testFiles` option every code rule declares: globs of files the rule skips (a pattern with a
 * slash matches a folder at any depth, one without matches a file name). `[]` checks tests too.
 */
export const TEST_FILES_OPTION: OptionSchema & { default: string[] } = {
  type: 'array',
  items: { type: 'string' },
  description: 'Globs of test files the rule skips (file names, or folders with a trailing slash, at any depth); [] checks test files too.',
  default: [...DEFAULT_TEST_FILES],
};

/** The last answers, by globs and path: every code rule asks about the same file in turn. */
const answers = new Map<string, boolean>();

/** True when a file matches one of the test-file globs. Tests hold fixtures, not deployed config. */
export function isTestFile(filePath: string, globs: readonly string[]): boolean {
  const key = `${globs.join('\n')}\u0000${filePath}`;
  let answer = answers.get(key);
  if (answer === undefined) {
    const normalized = filePath.replace(/\\/g, '/');
    answer = globs.some((glob) => matchesGlob(normalized, glob.includes('/') && !glob.startsWith('**/') ? `**/${glob.replace(/^\//, '')}` : glob));
    if (answers.size >= 64) answers.clear();
    answers.set(key, answer);
  }
  return answer;
}
