import { describeExtra, extraProcesses, runsMainProcess, type ExtraProcess } from '../../analysis/processStarts';
import { defineRule } from '../../engine/defineRule';
import type { Fix } from '../../engine/types';
import { processNamed, type ProcessLine, type ProcfileModel } from '../../parsing/procfile/procfileModel';

/** A Procfile process that starts a second long-running process (a worker in the background) beside its own. */
export default defineRule<ProcfileModel>({
  id: 'concurrency/worker-in-web',
  factor: 'concurrency',
  kinds: ['procfile'],
  defaultSeverity: 'warning',
  description: 'A Procfile process (typically web) that also starts a worker or another long-running program in the background, instead of declaring it as a process type of its own.',
  rationale: 'Each process type scales on its own in the process formation; a worker hidden in the web process scales with the web dynos, dies unseen and stops without a signal.',
  messages: {
    extraProcess: 'The {{process}} process also {{how}} (`{{command}}`): declare it as a process type of its own ({{name}}: …), so that it scales, restarts and stops on its own.',
  },
  fixable: true,
  check(model, ctx) {
    if (model.devOnly) return;
    for (const process of model.processes) {
      const extras = extraProcesses(process.script, ctx.file.text);
      if (extras.length + (runsMainProcess(process.script) ? 1 : 0) < 2) continue;
      let taken = model.processes.map((p) => p.name.value);
      for (const extra of extras) {
        const name = newProcessName(taken);
        taken = [...taken, name];
        const command = ctx.file.slice(extra.command.span);
        ctx.report({ messageId: 'extraProcess', data: { process: process.name.value, how: describeExtra(extra), command, name }, at: extra.command.span, fix: moveToOwnLine(model, process, extra, name) });
      }
    }
  },
});

function newProcessName(taken: readonly string[]): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? 'worker' : `worker${n}`;
    if (!taken.includes(name)) return name;
  }
}

/**
 * Moves a background job out of the process into a new process line after it. Offered, never
 * applied unattended: a new process type starts at zero instances on some platforms until scaled.
 */
function moveToOwnLine(model: ProcfileModel, process: ProcessLine, extra: ExtraProcess, name: string): Fix | undefined {
  const commands = process.script.commands;
  const index = commands.indexOf(extra.command);
  if (extra.how !== 'background' || index < 0 || index === commands.length - 1 || process.script.features.has('comment') || processNamed(model, name)) return undefined;
  const text = model.file.slice(extra.command.span);
  return {
    title: `Move \`${text}\` into a new ${name}: process`,
    automatic: false,
    edits: [
      { span: { start: extra.command.span.start, end: commands[index + 1].span.start }, text: '' },
      { span: { start: process.span.end, end: process.span.end }, text: `${model.file.eol}${name}: ${text}` },
    ],
  };
}
