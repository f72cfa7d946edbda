import { isTestFile, TEST_FILES_OPTION } from '../../analysis/testFiles';
import { defineRule } from '../../engine/defineRule';
import { nodeSpan, type CodeModel } from '../../parsing/code/codeModel';
import { shutdownEdits } from '../../parsing/code/edits/shutdownHandler';
import { unhandledServerStart } from '../../parsing/code/serverStarts';

interface Options {
  testFiles: string[];
}

/** A program that starts a server and dies mid-request on SIGTERM. */
export default defineRule<CodeModel, Options>({
  id: 'disposability/no-graceful-shutdown',
  factor: 'disposability',
  kinds: ['code'],
  defaultSeverity: 'info',
  description: 'A program that starts a server but handles neither SIGTERM nor SIGINT (JS/TS, Go; Python and Java only when they run their own server loop).',
  rationale: 'Processes are disposable: on SIGTERM a server should stop accepting, finish its requests and exit, or every deploy and scale-in drops requests.',
  messages: {
    noShutdown: '{{what}} starts a server, but the program handles neither SIGTERM nor SIGINT: each deploy or scale-in cuts its requests off. Close the server on SIGTERM.',
  },
  options: { testFiles: TEST_FILES_OPTION },
  fixable: true,
  check(model, ctx) {
    if (isTestFile(ctx.file.path, ctx.options.testFiles)) return;
    const start = unhandledServerStart(model);
    if (!start) return;
    const edits = shutdownEdits(model, start.call);
    ctx.report({
      messageId: 'noShutdown',
      data: { what: start.what },
      at: nodeSpan(start.call),
      fix: edits && { title: 'Close the server on SIGTERM', edits, automatic: false },
    });
  },
});
