import { isTestFile, TEST_FILES_OPTION } from '../../analysis/testFiles';
import { defineRule } from '../../engine/defineRule';
import { nodeSpan, type CodeModel } from '../../parsing/code/codeModel';
import { memoryStates } from '../../parsing/code/memoryState';

interface Options {
  testFiles: string[];
}

/** A collection in process memory that request handlers fill, so that what one request stores only its own instance sees. */
export default defineRule<CodeModel, Options>({
  id: 'processes/in-memory-state',
  factor: 'processes',
  kinds: ['code'],
  defaultSeverity: 'info',
  description: 'A module- or package-level collection (or a Go handler receiver\'s field) that request handlers add to, keeping state in process memory between requests.',
  rationale: 'Twelve-factor processes are stateless and share nothing: what one instance holds in memory is missing on the others and gone after a restart.',
  messages: {
    memoryState: '{{name}} keeps what request handlers add to it in this process\'s memory: a later request may reach another instance, which holds its own copy, and a restart or deploy empties it. Keep the state in a backing service (a database, Redis).',
  },
  options: { testFiles: TEST_FILES_OPTION },
  fixable: false,
  check(model, ctx) {
    if (isTestFile(ctx.file.path, ctx.options.testFiles)) return;
    for (const state of memoryStates(model)) ctx.report({ messageId: 'memoryState', data: { name: state.name }, at: nodeSpan(state.node) });
  },
});
