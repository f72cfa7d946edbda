import { isOneOffCommand, migrationCommand } from '../../analysis/commandKinds';
import { commandArgv, commandWords, finalCommand, programName, type SimpleCommand } from '../../analysis/shellCommand';
import { defineRule } from '../../engine/defineRule';
import type { Fix, TextEdit } from '../../engine/types';
import { processNamed, type ProcessLine, type ProcfileModel } from '../../parsing/procfile/procfileModel';

const isCd = (command: SimpleCommand) => programName(commandWords(command)[0]?.value ?? '') === 'cd';

/** A Procfile process that migrates the database before it starts serving. */
export default defineRule<ProcfileModel>({
  id: 'admin-processes/migration-in-web',
  factor: 'admin-processes',
  kinds: ['procfile'],
  defaultSeverity: 'warning',
  description: 'A Procfile web (or other long-running) process that runs database migrations before it starts.',
  rationale: 'Migrations are admin processes: run them once per release (a release: process), not at every start of every dyno or instance.',
  messages: {
    migrationInProcess: 'The {{process}} process runs "{{command}}" at every start of every instance, concurrently when it scales; run it once per release in a release: process.',
  },
  fixable: true,
  check(model, ctx) {
    if (model.devOnly) return;
    for (const process of model.processes) {
      if (process.name.value === 'release') continue;
      const commands = process.commands;
      const last = commands[commands.length - 1];
      // A process type that only migrates (`migrate: rake db:migrate`) is a one-off admin process already.
      if (!last || isOneOffCommand(commandArgv(last))) continue;
      const migrations = commands.slice(0, -1).filter((c) => migrationCommand(commandArgv(c)));
      const fix = migrations.length ? moveToRelease(model, process, migrations) : undefined;
      for (const command of migrations) {
        ctx.report({ messageId: 'migrationInProcess', data: { process: process.name.value, command: migrationCommand(commandArgv(command))! }, at: command.span, fix });
      }
    }
  },
});

/**
 * Moves the migrations out of a process into the `release:` line: appended with ` && ` when there is
 * one, a new line after the process otherwise. Directory changes before them (`cd api && …`) are
 * copied along. Undefined when the command is not a plain `a && b; c` chain.
 */
function moveToRelease(model: ProcfileModel, process: ProcessLine, migrations: SimpleCommand[]): Fix | undefined {
  const top = process.script;
  if (!finalCommand(top) || top.features.has('comment') || migrations.some((m) => !top.commands.includes(m))) return undefined;
  const text = model.file.text;
  const firstIndex = top.commands.indexOf(migrations[0]);
  const prefix = top.commands.slice(0, firstIndex).filter(isCd);
  const moved = [...prefix, ...migrations].map((c) => text.slice(c.span.start, c.span.end)).join(' && ');
  // Each migration goes with the operator after it, so that what remains is still a chain.
  const edits: TextEdit[] = migrations.map((m) => ({ span: { start: m.span.start, end: top.commands[top.commands.indexOf(m) + 1].span.start }, text: '' }));
  const release = processNamed(model, 'release');
  if (!release) {
    edits.push({ span: { start: process.span.end, end: process.span.end }, text: `${model.file.eol}release: ${moved}` });
    return { title: 'Move the migration into a new release: process', edits };
  }
  // Appending after a release command that changes directory, or that ends in a comment, would run elsewhere or nowhere.
  if (release.script.features.has('comment') || release.script.commands.some(isCd)) return undefined;
  const already = release.script.commands.map((c) => text.slice(c.span.start, c.span.end));
  const missing = [...prefix, ...migrations].filter((c) => !already.includes(text.slice(c.span.start, c.span.end)));
  if (missing.some((c) => !isCd(c))) {
    const end = release.command.span.end;
    edits.push({ span: { start: end, end }, text: ` && ${prefix.length ? `(${moved})` : moved}` });
  }
  return { title: 'Move the migration into the release: process', edits };
}
