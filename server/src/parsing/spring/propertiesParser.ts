import { ParseError } from '../parseError';
import type { Span } from '../sourceFile';

/** One `key=value` entry of a `.properties` file, decoded as `java.util.Properties.load` decodes it. */
export interface PropertiesEntry {
  key: string;
  value: string;
  /** The key as written. */
  keySpan: Span;
  /** The value as written: from its first character to the end of its last line (continuations included); empty at the line end for `key=`. */
  valueSpan: Span;
  /** The whole logical line, continuations included, without the final line break. */
  span: Span;
}

/** A `.properties` file: entries, comments, and where Spring Boot's `#---` document separators stand. */
export interface PropertiesFile {
  entries: PropertiesEntry[];
  comments: Span[];
  /** Offsets of `#---` / `!---` lines, which split the file into documents (Spring Boot 2.4+). */
  separators: number[];
  problems: ParseError[];
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\f';
const isBreak = (c: string | undefined) => c === '\n' || c === '\r';

/**
 * Parses a `.properties` text exactly as `Properties.load(Reader)` does: natural lines ending in an odd
 * number of backslashes continue on the next line (its leading blanks dropped); `#` and `!` start
 * comment lines, never continued; the key ends at the first unescaped `=`, `:` or blank, and one `=`
 * or `:` may follow blanks; escapes are `\t \n \r \f \uXXXX` and `\x` for any other x. Keeps spans,
 * which Java drops. A malformed `\u` escape is a problem of its line, which is skipped, as Java would
 * fail there.
 */
export function parseProperties(text: string): PropertiesFile {
  const file: PropertiesFile = { entries: [], comments: [], separators: [], problems: [] };
  let i = 0;
  while (i < text.length) {
    while (isBlank(text[i]) || isBreak(text[i])) i++;
    if (i >= text.length) break;
    const start = i;
    if (text[i] === '#' || text[i] === '!') {
      while (i < text.length && !isBreak(text[i])) i++;
      file.comments.push({ start, end: i });
      // Spring Boot's separator stands at the start of its line, after some content.
      const atLineStart = start === 0 || isBreak(text[start - 1]);
      if (atLineStart && /^[#!]---[ \t\f]*$/.test(text.slice(start, i)) && text.slice(0, start).trim() !== '') file.separators.push(start);
      continue;
    }
    // The logical line: its characters with the offset each came from, continuations joined.
    const chars: string[] = [];
    const offsets: number[] = [];
    let blank = false;
    for (;;) {
      while (i < text.length && !isBreak(text[i])) {
        chars.push(text[i]);
        offsets.push(i++);
      }
      let backslashes = 0;
      while (backslashes < chars.length && chars[chars.length - 1 - backslashes] === '\\') backslashes++;
      if (backslashes % 2 === 0) break;
      chars.pop();
      offsets.pop();
      // At the end of the input the backslash is dropped; so it is before a final lone line break (Java's reader sees the end there).
      if (i >= text.length) break;
      const crlf = text[i] === '\r' && text[i + 1] === '\n';
      if (!crlf && i + 1 >= text.length) break;
      i += crlf ? 2 : 1;
      while (isBlank(text[i])) i++;
      // A logical line still empty after a continuation is a new line to Java: it may be blank or a comment.
      if (chars.length === 0) {
        blank = true;
        break;
      }
    }
    if (blank) continue;
    const end = i;
    const entry = splitEntry(chars, offsets, start, end);
    if (entry instanceof ParseError) file.problems.push(entry);
    else file.entries.push(entry);
  }
  return file;
}

function splitEntry(chars: string[], offsets: number[], start: number, end: number): PropertiesEntry | ParseError {
  let keyLen = 0;
  let valueStart = chars.length;
  let hasSeparator = false;
  let escaped = false;
  for (; keyLen < chars.length; keyLen++) {
    const c = chars[keyLen];
    if ((c === '=' || c === ':') && !escaped) {
      valueStart = keyLen + 1;
      hasSeparator = true;
      break;
    }
    if (isBlank(c) && !escaped) {
      valueStart = keyLen + 1;
      break;
    }
    escaped = c === '\\' ? !escaped : false;
  }
  for (; valueStart < chars.length; valueStart++) {
    const c = chars[valueStart];
    if (isBlank(c)) continue;
    if (!hasSeparator && (c === '=' || c === ':')) hasSeparator = true;
    else break;
  }
  const key = unescape(chars.slice(0, keyLen));
  const value = unescape(chars.slice(valueStart));
  if (key === undefined || value === undefined) return new ParseError('malformed \\uXXXX escape; Java stops loading the file here.', { start, end });
  const at = (index: number) => (index < offsets.length ? offsets[index] : end);
  return {
    key,
    value,
    keySpan: { start, end: keyLen > 0 ? offsets[keyLen - 1] + 1 : start },
    valueSpan: { start: at(valueStart), end },
    span: { start, end },
  };
}

const ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f' };

/** Decodes Java's properties escapes; undefined for a malformed `\u`. */
function unescape(chars: string[]): string | undefined {
  let out = '';
  for (let k = 0; k < chars.length; k++) {
    if (chars[k] !== '\\' || k + 1 >= chars.length) {
      // A lone backslash at the very end is dropped, as Java drops it at the end of the input.
      if (chars[k] !== '\\') out += chars[k];
      continue;
    }
    const next = chars[++k];
    if (next === 'u') {
      const hex = chars.slice(k + 1, k + 5).join('');
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
      out += String.fromCharCode(parseInt(hex, 16));
      k += 4;
    } else out += ESCAPES[next] ?? next;
  }
  return out;
}
