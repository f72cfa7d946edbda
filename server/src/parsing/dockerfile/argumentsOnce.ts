import { Argument, Instruction } from 'dockerfile-ast';

/**
 * Makes each dockerfile-ast instruction split its arguments once. dockerfile-ast scans an
 * instruction's whole text again on every `getArguments()`, and calls it five to seven times per
 * instruction while parsing (JSON form, flags, heredocs, ranges), then rules and the model call it
 * again: on a Dockerfile of long `RUN` lines that was most of the parse. An instruction's text never
 * changes after parsing, so its arguments are kept on it. Each call still gets its own array and
 * argument objects, because callers change what they get: flag handling shifts items off the array,
 * and `From` moves the ends of an argument's range.
 */
const ARGUMENTS = Symbol('arguments');
type Memo = { [ARGUMENTS]?: Argument[] };
const proto = Instruction.prototype as unknown as { getRawArguments(this: Memo): Argument[] };
const scan = proto.getRawArguments;
if (typeof scan === 'function' && !(scan as { once?: true }).once) {
  const once = function (this: Memo): Argument[] {
    const args = (this[ARGUMENTS] ??= scan.call(this));
    return args.map((a) => new Argument(a.getValue(), { start: a.getRange().start, end: a.getRange().end }));
  };
  proto.getRawArguments = Object.assign(once, { once: true as const });
}
