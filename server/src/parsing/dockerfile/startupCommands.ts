import {
  finalCommand,
  parseShell,
  programName,
  shellWrapperScriptIndex,
  type ShellScript,
  type ShellWord,
} from '../../analysis/shellCommand';
import type { Span } from '../sourceFile';
import { effectiveStartup, runtimeStages, type DockerfileModel, type DockerInstruction } from './dockerfileModel';
import { decodedSpan, readExecForm, type DecodedString } from './execForm';
import { hasNameWord, LOCAL_DEVELOPMENT_WORDS } from '../../analysis/nonProduction';

/** One argument of the argument vector the container starts with. */
export interface StartupArg {
  value: string;
  instruction: DockerInstruction;
  /** The exec-form JSON string it was read from; undefined for what Docker adds itself (`/bin/sh -c`, a shell-form text). */
  decoded?: DecodedString;
  /** Set on the argument that carries a shell-form instruction's text. */
  shellForm?: StartupScript;
}

/** A shell script the container runs: a shell-form CMD/ENTRYPOINT, or the script of an exec-form `sh -c` wrapper. */
export interface StartupScript {
  origin: 'shell-form' | 'wrapper';
  instruction: DockerInstruction;
  /** The shell that runs it, as written (`/bin/sh`, `bash`). */
  shell: string;
  /** The parsed script; every span points into the Dockerfile. */
  script: ShellScript;
  /** The script as written: the shell-form text, or the JSON string with its quotes. */
  span: Span;
  /** Turns shell text into what must be written in the script's source (JSON-escaped inside an exec-form string). */
  encode(text: string): string;
}

/** One simple command the container runs at startup, with its words' spans in the Dockerfile. */
export interface StartupCommand {
  readonly words: readonly ShellWord[];
  readonly span: Readonly<Span>;
  /** The script it belongs to; undefined when it is the exec-form argument vector itself. */
  script?: StartupScript;
  /** For the exec-form argument vector: its arguments, one per word. */
  args?: StartupArg[];
}

/** What the final image runs when it starts, as Docker assembles it from the effective CMD and ENTRYPOINT. */
export interface Startup {
  /** The shell-form CMD or ENTRYPOINT Docker wraps in its shell. Unset for non-POSIX shells (Windows, PowerShell). */
  shellForm?: StartupScript;
  /** The full argument vector; a CMD that a shell-form ENTRYPOINT ignores is not part of it. */
  argv: StartupArg[];
  /** Where the main program starts in `argv`, after pass-through launchers (tini, dumb-init, gosu, docker-entrypoint.sh). */
  mainIndex: number;
  /** The script the main program runs when it is a shell. */
  script?: StartupScript;
  /** Every simple command of that script in order, or the argument vector as one command; empty when neither can be read. */
  commands: StartupCommand[];
  /** The command that becomes the long-lived process: the script's final command, or the argument vector. */
  main?: StartupCommand;
}

/**
 * Programs that run their arguments as the next process (`exec "$@"`), with the options they take
 * before them. The official images' `docker-entrypoint.sh` scripts end in `exec "$@"` by convention.
 */
const LAUNCHERS: Record<string, { valueFlags?: string[]; positional?: number; noFlags?: boolean }> = {
  tini: { valueFlags: ['-e', '-p'] },
  'tini-static': { valueFlags: ['-e', '-p'] },
  catatonit: {},
  'dumb-init': { valueFlags: ['-r', '--rewrite'] },
  gosu: { positional: 1 },
  'su-exec': { positional: 1 },
  env: {},
  'docker-entrypoint.sh': { noFlags: true },
  'docker-entrypoint': { noFlags: true },
  'entrypoint.sh': { noFlags: true },
};

/** The index of the first argument after pass-through launchers such as `tini --` or `gosu app`. */
export function skipLaunchers(argv: readonly string[]): number {
  let i = 0;
  for (let launcher = LAUNCHERS[programName(argv[0] ?? '')]; launcher && i < argv.length; launcher = LAUNCHERS[programName(argv[i] ?? '')]) {
    i += 1 + (launcher.positional ?? 0);
    while (!launcher.noFlags && i < argv.length && (argv[i].startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[i]))) {
      if (argv[i++] === '--') break;
      if (launcher.valueFlags?.includes(argv[i - 1])) i++;
    }
  }
  return i;
}

const cache = new WeakMap<DockerfileModel, Startup | undefined>();

/**
 * What the final image runs at startup, or undefined when it has no CMD or ENTRYPOINT, or when one
 * of them is not valid exec-form JSON although it starts with `[`.
 */
export function startupOf(model: DockerfileModel): Startup | undefined {
  if (!cache.has(model)) cache.set(model, computeStartup(model));
  return cache.get(model);
}

function computeStartup(model: DockerfileModel): Startup | undefined {
  const { cmd, entrypoint } = effectiveStartup(model);
  const argv: StartupArg[] = [];
  let shellForm: StartupScript | undefined;
  const add = (instruction: DockerInstruction): 'exec' | 'shell' | 'invalid' | 'none' => {
    const command = instruction.command;
    if (!command || !instruction.argsSpan) return 'none';
    const span = { start: command.span.start, end: instruction.argsSpan.end };
    const text = model.file.slice(span);
    if (text.startsWith('[')) {
      const items = readExecForm(text, span.start, model.escapeChar);
      argv.push(...(items ?? []).map((decoded) => ({ value: decoded.value, instruction, decoded })));
      return items ? 'exec' : 'invalid';
    }
    const shell = shellOf(model, instruction);
    if (shell) {
      const script = parseShell(text, span.start, model.escapeChar);
      shellForm = { origin: 'shell-form', instruction, shell: shell[0], script, span, encode: (t) => t };
      argv.push(...shell.map((value) => ({ value, instruction })), { value: text, instruction, shellForm });
    }
    return 'shell';
  };
  if (!cmd && !entrypoint) return undefined;
  const entrypointForm = entrypoint ? add(entrypoint) : 'none';
  // A shell-form ENTRYPOINT ignores CMD (and `docker run` arguments) entirely.
  if (entrypointForm === 'invalid' || (cmd && entrypointForm !== 'shell' && add(cmd) === 'invalid')) return undefined;

  const values = argv.map((a) => a.value);
  const mainIndex = skipLaunchers(values);
  const startup: Startup = { shellForm, argv, mainIndex, commands: [] };
  const rest = argv.slice(mainIndex);
  const scriptIndex = shellWrapperScriptIndex(values.slice(mainIndex));
  if (scriptIndex >= 0) {
    const arg = rest[scriptIndex];
    if (arg.decoded) startup.script = wrapperScript(arg.decoded, arg.instruction, rest[0].value);
    else startup.script = arg.shellForm;
    const script = startup.script;
    if (script) {
      startup.commands = script.script.commands.map((c) => ({ words: c.words, span: c.span, script }));
      const final = finalCommand(script.script);
      startup.main = startup.commands.find((c) => c.span.start === final?.span.start);
    }
  } else if (rest.length > 0 && rest.every((a) => a.decoded)) {
    const words = rest.map((a) => ({ value: a.value, span: a.decoded!.span, quoted: true }));
    startup.main = { words, span: { start: words[0].span.start, end: words[words.length - 1].span.end }, args: rest };
    startup.commands = [startup.main];
  }
  return startup;
}

function wrapperScript(decoded: DecodedString, instruction: DockerInstruction, shell: string): StartupScript {
  const parsed = parseShell(decoded.value);
  const map = (span: Span) => decodedSpan(decoded, span);
  const script: ShellScript = {
    ...parsed,
    commands: parsed.commands.map((c) => ({
      span: map(c.span),
      words: c.words.map((w) => ({ ...w, span: map(w.span) })),
      ...(c.redirects && { redirects: c.redirects.map((r) => ({ ...r, span: map(r.span), ...(r.target && { target: { ...r.target, span: map(r.target.span) } }) })) }),
    })),
  };
  return { origin: 'wrapper', instruction, shell, script, span: decoded.span, encode: (t) => JSON.stringify(t).slice(1, -1) };
}

/**
 * The shell Docker runs a shell-form instruction with: the last SHELL before it along the runtime
 * stages, or `/bin/sh -c`. Undefined when that is not a POSIX shell (cmd, PowerShell, or a Windows
 * base image, whose default shell is cmd), because the shell analysis would not apply.
 */
function shellOf(model: DockerfileModel, instruction: DockerInstruction): string[] | undefined {
  const chain = runtimeStages(model);
  const shells = chain.flatMap((s) => s.instructions).filter((i) => i.keyword === 'SHELL' && i.span.start < instruction.span.start);
  const last = shells.sort((a, b) => a.span.start - b.span.start).pop();
  if (last?.argsSpan) {
    const shell = readExecForm(model.file.slice(last.argsSpan), last.argsSpan.start, model.escapeChar)?.map((d) => d.value);
    return shell && shellWrapperScriptIndex([...shell, 'script']) === shell.length ? shell : undefined;
  }
  const base = chain[chain.length - 1]?.image.text ?? '';
  return /windows|nanoserver|servercore/i.test(base) ? undefined : ['/bin/sh', '-c'];
}

/**
 * True for Dockerfiles meant for local development only (`Dockerfile.dev`, `dev.Dockerfile`,
 * `.devcontainer/`), where installing or migrating at start is the point.
 */
export function isDevDockerfile(filePath: string): boolean {
  return filePath.replace(/\\/g, '/').includes('/.devcontainer/') || hasNameWord(filePath, LOCAL_DEVELOPMENT_WORDS);
}
