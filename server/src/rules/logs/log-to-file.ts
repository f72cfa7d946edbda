import { logFilesOf } from '../../analysis/logDestinations';
import { defineRule } from '../../engine/defineRule';
import type { ProcfileModel } from '../../parsing/procfile/procfileModel';

/** A process whose output goes to a file instead of the platform's log stream. */
export default defineRule<ProcfileModel>({
  id: 'logs/log-to-file',
  factor: 'logs',
  kinds: ['procfile'],
  defaultSeverity: 'warning',
  description: 'A process that writes its output or logs to a file instead of stdout/stderr.',
  rationale: 'A twelve-factor app writes its logs as an event stream to stdout; the platform collects and routes them, and a file on an ephemeral instance is lost.',
  messages: {
    logFile: 'The {{process}} process writes its output to {{path}} ({{how}}); write to stdout/stderr and let the platform collect the stream.',
  },
  fixable: false,
  check(model, ctx) {
    if (model.devOnly) return;
    for (const process of model.processes) {
      for (const command of process.commands) {
        for (const file of logFilesOf(command)) {
          ctx.report({ messageId: 'logFile', data: { process: process.name.value, path: file.path, how: file.how }, at: file.span });
        }
      }
    }
  },
});
