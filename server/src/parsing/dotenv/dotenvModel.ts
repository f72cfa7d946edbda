import { ParseError } from '../parseError';
import type { SourceFile, Span, SpannedValue } from '../sourceFile';
import { isEnvTemplate } from './envFileNames';

/** One `KEY=value` entry of a .env file. */
export interface DotenvEntry {
  key: SpannedValue;
  /** The value exactly as `dotenv.parse` returns it: quotes removed, `\n` expanded in double quotes. */
  value: string;
  /** The value as written, without its quotes and surrounding blanks (empty at the separator for `KEY=`). */
  valueSpan: Span;
  /** The quote the value is written in, if any. */
  quote?: "'" | '"' | '`';
  /** Written with `export ` in front (a .env file that shells `source` too). */
  exported: boolean;
  /** From `export`/the key to the end of the entry's last line (a quoted value may span several lines). */
  span: Span;
}

/** A parsed .env file. */
export interface DotenvModel {
  file: SourceFile;
  /** Every entry in order; a key may appear twice (dotenv keeps the last). */
  entries: DotenvEntry[];
  /** Keys written in comments (`# OPTIONAL_KEY=`): a template documents optional variables this way. */
  commentedKeys: SpannedValue[];
  /** Lines dotenv ignores although they are neither blank nor comments. */
  problems: ParseError[];
  /** `.env.example` and the like: a template meant to be committed, holding names and harmless defaults. */
  template: boolean;
}

// dotenv's own grammar (lib/main.js `LINE`, BSD-2-Clause), written in named pieces: an optional `export`,
// a key, `=` (or YAML-like `: `), then a single-, double- or backtick-quoted value that may span lines,
// or an unquoted value up to a `#`, then an optional comment. Reusing the grammar, not approximating
// it, is what makes every value agree with `dotenv.parse`; the `d` flag adds the offsets dotenv drops.
const KEY = String.raw`([\w.-]+)`;
const SEPARATOR = String.raw`(?:\s*=\s*?|:\s+?)`;
const quoted = (q: string) => String.raw`\s*${q}(?:\\${q}|[^${q}])*${q}`;
const UNQUOTED = String.raw`[^#\r\n]+`;
const LINE = String.raw`^\s*(?:export\s+)?${KEY}${SEPARATOR}(${quoted("'")}|${quoted('"')}|${quoted('`')}|${UNQUOTED})?\s*(?:#.*)?$`;
const COMMENTED_KEY = /^[ \t]*#+[ \t]*(?:export[ \t]+)?([A-Za-z_][\w.-]*)[ \t]*=/gm;

/**
 * Parses a .env file the way `dotenv.parse` does, keeping spans. Never throws: lines dotenv would
 * ignore become problems.
 */
export function parseDotenv(file: SourceFile): DotenvModel {
  // dotenv turns CRLF and CR into LF before matching; offsets are mapped back to the file's text.
  const { text, toFile } = normalizeLineBreaks(file.text);
  const model: DotenvModel = { file, entries: [], commentedKeys: [], problems: [], template: isEnvTemplate(file.path) };
  const covered: Span[] = [];
  const line = new RegExp(LINE, 'dgm');
  for (let m = line.exec(text); m; m = line.exec(text)) {
    const indices = m.indices!;
    const [keyStart, keyEnd] = indices[1];
    const raw = m[2] ?? '';
    let value = raw.trim();
    const quote = value[0];
    value = value.replace(/^(['"`])([\s\S]*)\1$/gm, '$2');
    if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
    const rawStart = indices[2]?.[0] ?? keyEnd;
    const trimmedStart = rawStart + (raw.length - raw.trimStart().length);
    const trimmedEnd = rawStart + raw.trimEnd().length;
    const isQuoted = /^(['"`])[\s\S]*\1$/.test(raw.trim()) && raw.trim().length >= 2;
    const valueSpan = isQuoted ? { start: trimmedStart + 1, end: trimmedEnd - 1 } : { start: trimmedStart, end: Math.max(trimmedStart, trimmedEnd) };
    const entryStart = m.index + (m[0].length - m[0].trimStart().length);
    const entry: DotenvEntry = {
      key: { value: m[1], span: { start: toFile(keyStart), end: toFile(keyEnd) } },
      value,
      valueSpan: { start: toFile(valueSpan.start), end: toFile(valueSpan.end) },
      exported: /^export\s/.test(text.slice(entryStart, keyStart)),
      span: { start: toFile(entryStart), end: toFile(m.index + m[0].length) },
    };
    if (isQuoted) entry.quote = quote as DotenvEntry['quote'];
    model.entries.push(entry);
    covered.push({ start: m.index, end: m.index + m[0].length });
  }
  for (let m = COMMENTED_KEY.exec(text); m; m = COMMENTED_KEY.exec(text)) {
    const start = m.index + m[0].indexOf(m[1], m[0].indexOf('#'));
    model.commentedKeys.push({ value: m[1], span: { start: toFile(start), end: toFile(start + m[1].length) } });
  }
  model.problems = ignoredLines(text, covered, toFile);
  return model;
}

/** The lines dotenv skips: neither blank, nor a comment, nor part of an entry. */
function ignoredLines(text: string, covered: Span[], toFile: (offset: number) => number): ParseError[] {
  const problems: ParseError[] = [];
  let start = 0;
  let c = 0;
  for (let number = 1; start <= text.length; number++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const content = text.slice(start, end);
    const trimmed = content.trim();
    while (c < covered.length && covered[c].end < start) c++;
    const inEntry = c < covered.length && covered[c].start <= start + content.search(/\S|$/) && covered[c].end >= end;
    if (trimmed !== '' && !trimmed.startsWith('#') && !inEntry) {
      const offset = start + content.search(/\S/);
      problems.push(new ParseError(`line ${number} is not a KEY=value entry, so dotenv ignores it.`, { start: toFile(offset), end: toFile(start + content.trimEnd().length) }));
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return problems;
}

/** The text with CRLF and CR as LF (as dotenv reads it), and a map from its offsets to the original's. */
function normalizeLineBreaks(original: string): { text: string; toFile: (offset: number) => number } {
  if (!original.includes('\r')) return { text: original, toFile: (offset) => offset };
  // Where a CRLF became one LF: the LF's offset in the normalized text. Every later offset shifts by one.
  const collapsed: number[] = [];
  let removed = 0;
  const text = original.replace(/\r\n?/g, (match: string, offset: number) => {
    if (match.length === 2) collapsed.push(offset - removed++);
    return '\n';
  });
  const toFile = (offset: number) => {
    let low = 0;
    let high = collapsed.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (collapsed[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return offset + low;
  };
  return { text, toFile };
}

/** The value dotenv would give a key: the last entry's. */
export function entryOf(model: DotenvModel, key: string): DotenvEntry | undefined {
  return model.entries.filter((e) => e.key.value === key).pop();
}
