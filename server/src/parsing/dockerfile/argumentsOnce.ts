import { Argument, From, Instruction } from 'dockerfile-ast';
import { TextCache } from '../textCache';

/**
 * Makes each dockerfile-ast instruction split its arguments once. dockerfile-ast scans an
 * instruction's whole text again on every `getArguments()`, and calls it five to seven times per
 * instruction while parsing (JSON form, flags, heredocs, ranges), then rules and the model call it
 * again: on a Dockerfile of long `RUN` lines that was most of the parse. An instruction's text never
 * changes after parsing, so its arguments are kept on it.
 *
 * The split is also kept across versions of a file, by the instruction's text and where it starts:
 * the arguments' positions follow from nothing else, and a keystroke changes one instruction (an
 * edit that adds or removes a line moves the start line of those after it, which then split again).
 *
 * Each call still gets its own array, because flag handling shifts items off it; `From` moves the
 * ends of an argument's range, so it also gets its own argument objects. Nothing changes a position.
 */
const ARGUMENTS = Symbol('arguments');
type Memo = { [ARGUMENTS]?: Argument[] };
const proto = Instruction.prototype as unknown as { getRawArguments(this: Memo): Argument[] };
const scan = proto.getRawArguments;

/** Split arguments by instruction text and position. */
const splits = new TextCache<Argument[]>(2048, 4_000_000);

function splitOf(instruction: Instruction): Argument[] {
  const range = instruction.getRange();
  const keyword = instruction.getInstructionRange();
  const at = (p: { line: number; character: number }) => `${p.line}:${p.character}`;
  const escapeChar = (instruction as unknown as { escapeChar: string }).escapeChar;
  const key = `${escapeChar}${at(range.start)} ${at(keyword.start)} ${at(keyword.end)}\n${instruction.getTextContent()}`;
  let args = splits.get(key);
  if (!args) splits.set(key, (args = scan.call(instruction as unknown as Memo)));
  return args;
}

if (typeof scan === 'function' && !(scan as { once?: true }).once) {
  const once = function (this: Memo): Argument[] {
    const args = (this[ARGUMENTS] ??= splitOf(this as unknown as Instruction));
    return this instanceof From ? args.map((a) => new Argument(a.getValue(), { start: a.getRange().start, end: a.getRange().end })) : args.slice();
  };
  proto.getRawArguments = Object.assign(once, { once: true as const });
}
