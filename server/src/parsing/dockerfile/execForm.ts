import type { Span } from '../sourceFile';

/** A JSON string of an exec-form array, decoded, with where each UTF-16 unit of its value was written. */
export interface DecodedString {
  value: string;
  /** The string as written, quotes included. */
  span: Span;
  /** `starts[k]` and `ends[k]` bound the source of `value[k]` in the file (an escape such as `\"` is two characters). */
  starts: number[];
  ends: number[];
}

const BLANK_OR_COMMENT = /^[ \t]*(#[^\n]*)?\r?(\n|$)/;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Reads the arguments of CMD, ENTRYPOINT or SHELL as Docker does: line continuations (and the
 * comment lines inside them) are removed first, then the whole rest must be a JSON array of strings.
 * Returns undefined when it is not; Docker then runs the text in shell form, which is almost always
 * a typo (`["node", "a.js",]`, a trailing `# comment`), so callers skip such instructions.
 *
 * dockerfile-ast's own JSON strings drop whitespace and some escapes from their values, so exec-form
 * values are decoded here, with offsets exact enough to edit inside a string.
 *
 * @param text the arguments as written, from `[` to the end of the instruction
 * @param base the file offset of `text[0]`
 * @param escapeChar the Dockerfile escape character (`\`, or a backtick under `# escape=`)
 */
export function readExecForm(text: string, base: number, escapeChar: string): DecodedString[] | undefined {
  let i = 0;
  const continuation = (): boolean => {
    if (text[i] !== escapeChar) return false;
    const m = /^[ \t]*\r?\n/.exec(text.slice(i + 1));
    if (!m) return false;
    i += 1 + m[0].length;
    // Docker drops empty lines and comment lines inside a continued instruction.
    for (let line = BLANK_OR_COMMENT.exec(text.slice(i)); line && line[0].length > 0; line = BLANK_OR_COMMENT.exec(text.slice(i))) {
      i += line[0].length;
    }
    return true;
  };
  const skipSpace = () => {
    for (;;) {
      if (i < text.length && ' \t\r\n'.includes(text[i])) i++;
      else if (!continuation()) return;
    }
  };
  const readString = (): DecodedString | undefined => {
    const open = i++;
    const decoded: DecodedString = { value: '', span: { start: 0, end: 0 }, starts: [], ends: [] };
    const push = (ch: string, from: number) => {
      decoded.value += ch;
      decoded.starts.push(base + from);
      decoded.ends.push(base + i);
    };
    while (i < text.length && text[i] !== '"') {
      if (continuation()) continue;
      const from = i;
      const ch = text[i];
      if (ch.charCodeAt(0) < 0x20) return undefined;
      if (ch !== '\\') {
        i++;
        push(ch, from);
        continue;
      }
      const esc = text[i + 1];
      if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        i += 6;
        push(String.fromCharCode(parseInt(text.slice(from + 2, from + 6), 16)), from);
      } else if (esc !== undefined && ESCAPES[esc] !== undefined) {
        i += 2;
        push(ESCAPES[esc], from);
      } else {
        return undefined;
      }
    }
    if (text[i] !== '"') return undefined;
    i++;
    decoded.span = { start: base + open, end: base + i };
    return decoded;
  };

  skipSpace();
  if (text[i] !== '[') return undefined;
  i++;
  skipSpace();
  const items: DecodedString[] = [];
  if (text[i] !== ']') {
    for (;;) {
      if (text[i] !== '"') return undefined;
      const item = readString();
      if (!item) return undefined;
      items.push(item);
      skipSpace();
      if (text[i] !== ',') break;
      i++;
      skipSpace();
    }
  }
  if (text[i] !== ']') return undefined;
  i++;
  skipSpace();
  return i >= text.length ? items : undefined;
}

/** Maps a span of a decoded string's value to the file: the source of its first to its last unit. */
export function decodedSpan(decoded: DecodedString, span: Span): Span {
  const start = decoded.starts[span.start] ?? decoded.span.end - 1;
  return { start, end: span.end > span.start ? decoded.ends[span.end - 1] : start };
}
