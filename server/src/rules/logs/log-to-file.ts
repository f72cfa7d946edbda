import { isTestFile, TEST_FILES_OPTION } from '../../analysis/testFiles';
import { defineRule } from '../../engine/defineRule';
import { nodeSpan, type CodeModel } from '../../parsing/code/codeModel';
import { logFiles } from '../../parsing/code/logFiles';

interface Options {
  testFiles: string[];
}

/** An app that writes its log to a file instead of its output stream. */
export default defineRule<CodeModel, Options>({
  id: 'logs/log-to-file',
  factor: 'logs',
  kinds: ['code'],
  defaultSeverity: 'warning',
  description: 'A log file transport or handler in code: winston File, fs.createWriteStream("*.log"), logging.FileHandler, basicConfig(filename=), log.SetOutput(file), Java file appenders.',
  rationale: 'A twelve-factor app writes its log as an event stream to stdout; the platform routes it, and a file in a container is lost, unrotated and unread.',
  messages: {
    logFile: '{{what}} writes the log to a file; write it to stdout (or stderr) and let the platform route and keep it.',
  },
  options: { testFiles: TEST_FILES_OPTION },
  fixable: false,
  check(model, ctx) {
    if (isTestFile(ctx.file.path, ctx.options.testFiles)) return;
    for (const found of logFiles(model)) ctx.report({ messageId: 'logFile', data: { what: found.what }, at: nodeSpan(found.node) });
  },
});
