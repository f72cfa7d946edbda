import { isTestFile, TEST_FILES_OPTION } from '../../analysis/testFiles';
import { defineRule } from '../../engine/defineRule';
import { nodeSpan, type CodeModel } from '../../parsing/code/codeModel';
import { memorySessions } from '../../parsing/code/memorySessions';

interface Options {
  testFiles: string[];
}

/** Sessions kept in the memory of one process. */
export default defineRule<CodeModel, Options>({
  id: 'processes/in-memory-session',
  factor: 'processes',
  kinds: ['code'],
  defaultSeverity: 'warning',
  description: 'A session store in process memory: express-session without a store, an explicit MemoryStore, Django cache sessions over LocMemCache, gin memstore, scs without a store.',
  rationale: 'Session state is data that must outlive a process; in memory it belongs to one instance, needs sticky sessions, and is lost on every restart.',
  messages: {
    memorySession: 'Sessions live in process memory ({{what}}): each instance has its own, and a restart or deploy logs everyone out. Use a shared store (Redis, a database) or signed cookies.',
  },
  options: { testFiles: TEST_FILES_OPTION },
  fixable: false,
  check(model, ctx) {
    if (isTestFile(ctx.file.path, ctx.options.testFiles)) return;
    for (const found of memorySessions(model)) ctx.report({ messageId: 'memorySession', data: { what: found.what }, at: nodeSpan(found.node) });
  },
});
