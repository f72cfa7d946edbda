import { logFilesOf } from '../../analysis/logDestinations';
import { isTestFile, TEST_FILES_OPTION } from '../../analysis/testFiles';
import { defineRule } from '../../engine/defineRule';
import type { RuleContext } from '../../engine/types';
import { nodeSpan, type CodeModel } from '../../parsing/code/codeModel';
import { logFiles } from '../../parsing/code/logFiles';
import type { ProcfileModel } from '../../parsing/procfile/procfileModel';

interface Options {
  testFiles: string[];
}

/**
 * Logs written to a file instead of the output stream, in the two places they are decided: a
 * Procfile's process command (a redirect, `tee`, a server's log-file option) and the app's code (a
 * file transport or handler).
 */
export default defineRule<ProcfileModel | CodeModel, Options>({
  id: 'logs/log-to-file',
  factor: 'logs',
  kinds: ['procfile', 'code'],
  defaultSeverity: 'warning',
  description: 'Output or logs written to a file instead of stdout/stderr: a Procfile redirect or log-file option, or a file transport or handler in code.',
  rationale: 'A twelve-factor app writes its logs as an event stream to stdout; the platform collects and routes them, and a file on an ephemeral instance is lost.',
  messages: {
    processLogFile: 'The {{process}} process writes its output to {{path}} ({{how}}); write to stdout/stderr and let the platform collect the stream.',
    codeLogFile: '{{what}} writes the log to a file; write it to stdout (or stderr) and let the platform route and keep it.',
  },
  options: { testFiles: TEST_FILES_OPTION },
  fixable: false,
  check(model, ctx) {
    if ('processes' in model) checkProcfile(model, ctx);
    else checkCode(model, ctx);
  },
});

function checkProcfile(model: ProcfileModel, ctx: RuleContext<Options>): void {
  if (model.devOnly) return;
  for (const process of model.processes) {
    for (const command of process.commands) {
      for (const file of logFilesOf(command)) {
        ctx.report({ messageId: 'processLogFile', data: { process: process.name.value, path: file.path, how: file.how }, at: file.span });
      }
    }
  }
}

function checkCode(model: CodeModel, ctx: RuleContext<Options>): void {
  if (isTestFile(ctx.file.path, ctx.options.testFiles)) return;
  for (const found of logFiles(model)) ctx.report({ messageId: 'codeLogFile', data: { what: found.what }, at: nodeSpan(found.node) });
}
