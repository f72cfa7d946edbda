import * as path from 'node:path';
import { commandWords, hasAssignments, isPlainCommand, parseShell, programName, type ShellWord } from '../../analysis/shellCommand';
import { defineRule } from '../../engine/defineRule';
import type { Fix, RuleContext } from '../../engine/types';
import type { DockerfileModel } from '../../parsing/dockerfile/dockerfileModel';
import { startupOf, type StartupCommand } from '../../parsing/dockerfile/startupCommands';

/** Yarn's own commands; any other word after `yarn` runs the package.json script of that name. */
const YARN_COMMANDS = new Set(
  'add audit autoclean bin cache check config create dedupe dlx exec explain global help import info init install licenses link list login logout node npm outdated owner pack patch plugin policies publish rebuild remove search set tag team unlink unplug up upgrade upgrade-interactive version versions why workspace workspaces'.split(' '),
);

/** What a package manager runs: the words up to the script name (and a `--`), and the script, if it is one. */
interface Invocation {
  label: string;
  /** Index of the last word the fix replaces; arguments after it are passed on unchanged. */
  end: number;
  tool: 'npm' | 'yarn' | 'pnpm' | 'jvm';
  script?: string;
}

/** `npm start`, `npm run x`, `yarn x`, `pnpm start`, `mvn spring-boot:run`, `gradle bootRun` as the main process. */
export default defineRule<DockerfileModel>({
  id: 'disposability/package-manager-as-pid1',
  factor: 'disposability',
  kinds: ['dockerfile'],
  defaultSeverity: 'warning',
  description: 'npm start, yarn start, npm run, mvn spring-boot:run or gradle bootRun as the container\'s main process.',
  rationale: 'Disposable processes start fast and stop on SIGTERM; a package manager in between slows the start and may not pass the signal on.',
  messages: {
    packageManager: '"{{command}}" is the container\'s main process: the package manager sits between Docker and the app, may not pass SIGTERM on, and slows the start; run the app directly.',
  },
  fixable: true,
  check(model, ctx) {
    const main = startupOf(model)?.main;
    if (!main) return;
    const words = main.script ? commandWords(main) : main.words;
    const invocation = readInvocation(words.map((w) => w.value));
    if (!invocation) return;
    ctx.report({
      messageId: 'packageManager',
      data: { command: invocation.label },
      at: { start: words[0].span.start, end: main.span.end },
      fix: replacement(main, words, invocation, ctx),
    });
  },
});

function readInvocation(argv: string[]): Invocation | undefined {
  const tool = programName(argv[0] ?? '');
  const [sub, name] = [argv[1], argv[2]];
  const jvm = (goal: (w: string) => boolean, label: string) =>
    argv.slice(1).some(goal) ? { label: `${argv[0]} ${label}`, end: argv.length - 1, tool: 'jvm' as const } : undefined;
  if (tool === 'mvn' || tool === 'mvnw') return jvm((w) => w === 'spring-boot:run' || /spring-boot-maven-plugin(:[^:]+)?:run$/.test(w), 'spring-boot:run');
  if (tool === 'gradle' || tool === 'gradlew') return jvm((w) => w === 'bootRun' || w.endsWith(':bootRun'), 'bootRun');
  if (tool !== 'npm' && tool !== 'yarn' && tool !== 'pnpm') return undefined;
  if (sub === 'start') return { label: `${tool} start`, end: 1, tool, script: 'start' };
  if ((sub === 'run' || sub === 'run-script') && name && !name.startsWith('-')) return { label: `${tool} ${sub} ${name}`, end: 2, tool, script: name };
  if (tool === 'yarn' && sub && !sub.startsWith('-') && !YARN_COMMANDS.has(sub)) return { label: `yarn ${sub}`, end: 1, tool, script: sub };
  return undefined;
}

/**
 * The real command from package.json, only when it is certain to behave the same: a plain `node …`
 * command (no shell features, nothing from node_modules/.bin, which only npm puts on PATH), no
 * pre/post script that would be skipped, and no arguments other than npm's `-- args`.
 */
function replacement(main: StartupCommand, words: readonly ShellWord[], inv: Invocation, ctx: RuleContext<Record<string, never>>): Fix | undefined {
  if (!inv.script) return undefined;
  let end = inv.end;
  if (words[end + 1]?.value === '--' && inv.tool === 'npm') end++;
  else if (end !== words.length - 1) return undefined;
  const scripts = readScripts(ctx);
  const script = scripts?.[inv.script];
  if (!scripts || typeof script !== 'string' || typeof scripts[`pre${inv.script}`] === 'string' || typeof scripts[`post${inv.script}`] === 'string') return undefined;
  const text = script.trim();
  const parsed = parseShell(text);
  const command = parsed.commands[0];
  // A backslash could turn into a Dockerfile line continuation; node_modules/.bin tools are not on PATH without npm.
  if (!isPlainCommand(parsed) || hasAssignments(command) || text.includes('\\') || !['node', 'nodejs'].includes(command.words[0].value)) return undefined;
  const span = { start: words[0].span.start, end: words[end].span.end };
  const title = `Run "${text}" (scripts.${inv.script} in package.json) directly`;
  if (main.script) return { title, edits: [{ span, text: main.script.encode(text) }] };
  // ENTRYPOINT ["npm"] with CMD ["start"]: one edit cannot span two instructions.
  if (main.args?.slice(0, end + 1).some((a) => a.instruction !== main.args![0].instruction)) return undefined;
  return { title, edits: [{ span, text: command.words.map((w) => JSON.stringify(w.value)).join(', ') }] };
}

function readScripts(ctx: RuleContext<Record<string, never>>): Record<string, unknown> | undefined {
  const text = ctx.workspace.readText(path.join(path.dirname(ctx.file.path), 'package.json'));
  try {
    const scripts = text === undefined ? undefined : (JSON.parse(text) as { scripts?: unknown }).scripts;
    return scripts && typeof scripts === 'object' && !Array.isArray(scripts) ? (scripts as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
