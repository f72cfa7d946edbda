import { parseShell, shellWrapperScriptIndex, type ShellScript, type ShellWord, type SimpleCommand } from '../../analysis/shellCommand';
import type { Span } from '../sourceFile';
import { get } from '../yaml/yamlNodes';
import type { Container, Platform } from './deploymentModel';

/** What a container runs at start, read as shell commands with spans in the manifest. */
export interface ContainerCommands {
  /** The simple commands, in order: the script of a `sh -c` wrapper, or the argument vector as one command. */
  commands: readonly SimpleCommand[];
  /** The script of a `sh -c` wrapper, when the container runs one. */
  script?: ShellScript;
  /**
   * False when the text is written with escapes (a double-quoted YAML scalar with `\"`): the spans of
   * the commands are then not file offsets, and a finding goes at `span` instead.
   */
  exact: boolean;
  /** The whole command as written (the script's scalar for a wrapper). */
  span: Span;
}

/** Where a scalar's text starts in the file, when it is written there as it is (plain, or quoted without escapes). */
export function scalarTextBase(source: string, part: { text: string; span: Span }): number | undefined {
  if (source.slice(part.span.start, part.span.end) === part.text) return part.span.start;
  if (source.slice(part.span.start + 1, part.span.end - 1) === part.text) return part.span.start + 1;
  return undefined;
}

/**
 * The commands a container runs at start. Kubernetes `command`/`args` items are arguments as they
 * stand; a compose `command:` or `entrypoint:` written as one string is split into words the way
 * compose splits it (shell quoting, no shell). A `sh -c "<script>"` wrapper yields its script.
 * Undefined when the container has no command.
 */
export function containerCommands(container: Container, platform: Platform, source: string): ContainerCommands | undefined {
  if (container.command.length === 0) return undefined;
  const whole = { start: container.command[0].span.start, end: container.command[container.command.length - 1].span.end };
  let exact = true;
  const words: ShellWord[] = container.command.flatMap((part) => {
    const splits = platform === 'compose' && isStringForm(container, part.span);
    if (!splits) return [{ value: part.text, span: part.span, quoted: true }];
    const base = scalarTextBase(source, part);
    if (base === undefined) exact = false;
    return parseShell(part.text, base ?? part.span.start).commands.flatMap((c) => c.words);
  });
  const index = shellWrapperScriptIndex(words.map((w) => w.value));
  if (index < 0) {
    const command: SimpleCommand = { words, span: whole };
    return { commands: [command], exact, span: whole };
  }
  const part = words[index];
  const text = part.value;
  const written = { text, span: part.span };
  const base = exact ? scalarTextBase(source, written) : undefined;
  const script = parseShell(text, base ?? part.span.start);
  return { commands: script.commands, script, exact: base !== undefined, span: exact ? part.span : whole };
}

/** True when a compose part is the scalar of `command:` or `entrypoint:` itself, not an item of a list. */
function isStringForm(container: Container, span: Span): boolean {
  return ['command', 'entrypoint'].some((key) => {
    const node = get(container.node, key);
    return node?.type === 'scalar' && node.span.start === span.start;
  });
}
