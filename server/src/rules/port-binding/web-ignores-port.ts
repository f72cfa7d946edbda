import { fixedListenPorts } from '../../analysis/listenPort';
import { defineRule } from '../../engine/defineRule';
import type { ProcfileModel } from '../../parsing/procfile/procfileModel';

/** A Procfile `web:` process that binds a port written into its command instead of `$PORT`. */
export default defineRule<ProcfileModel>({
  id: 'port-binding/web-ignores-port',
  factor: 'port-binding',
  kinds: ['procfile'],
  defaultSeverity: 'error',
  description: 'A Procfile web process that binds a fixed port instead of $PORT.',
  rationale: 'The platform assigns the web process its port in $PORT and routes traffic there; an app that binds another port is never reached.',
  messages: {
    fixedPort: 'The web process binds port {{port}} ({{how}}), but the platform routes traffic to the port it passes in $PORT; bind $PORT instead.',
  },
  fixable: true,
  check(model, ctx) {
    if (model.devOnly) return;
    for (const process of model.processes) {
      if (process.name.value !== 'web') continue;
      for (const command of process.commands) {
        for (const port of fixedListenPorts(command, model.file.text)) {
          ctx.report({
            messageId: 'fixedPort',
            data: { port: port.port, how: port.how },
            at: port.span,
            fix: port.edit && { title: port.edit.text ? `Bind $PORT instead of ${port.port}` : `Remove ${port.how}: the platform sets PORT`, edits: [port.edit] },
          });
        }
      }
    }
  },
});
