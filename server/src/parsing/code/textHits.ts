import type { TextChange } from '../parsers';
import type { CodeModel } from './codeModel';
import { isReparsed } from './statementReuse';

/**
 * The hits of the rules' text searches (`/\bprocess\b/g`, secret names, host keys, service URLs,
 * token formats), carried from one parse of a document to the next. Each of about forty searches
 * otherwise scans the whole 130 KB text on every keystroke.
 *
 * A search is carried only when its reach is proven to stay on one line ({@link readsOneLine}): no
 * match, and nothing its `\b` or lookarounds look at, reaches past the line break on either side
 * of the match's line. The hits of the whole text are then the hits of each line scanned on its own
 * (with its line breaks around it), so after one edit the hits on lines before it stay, those after
 * it move by the edit's length, and only the lines the edit touches are scanned again.
 */

/** A text hit: where it starts and ends. */
export interface TextHit {
  index: number;
  end: number;
}

/** Finds the hits in a text exactly as `text.matchAll(pattern)` would (a faster scan may stand in for it). */
export type Scan = (text: string) => Iterable<{ index: number; 0: string }>;

interface Carried {
  hits: Map<string, TextHit[]>;
  /** The edits of the previous text since it was parsed, in order. */
  edits: TextChange[];
}

const hitsOf = new WeakMap<CodeModel, Map<string, TextHit[]>>();
const editsOf = new WeakMap<CodeModel, TextChange[]>();
const carriedTo = new WeakMap<CodeModel, Carried>();

/** Remembers an edit of a model's text (the language server forwards each change before the reparse). */
export function recordEdit(model: CodeModel, change: TextChange): void {
  const edits = editsOf.get(model);
  if (edits) edits.push(change);
  else editsOf.set(model, [change]);
}

/** The edits of a model's text since it was parsed, in order. */
export function recordedEdits(model: CodeModel): readonly TextChange[] {
  return editsOf.get(model) ?? [];
}

/** Called when `model` was parsed from `previous`'s text edited: its searches may start from `previous`'s hits. */
export function carryTextHits(model: CodeModel, previous: CodeModel): void {
  const hits = hitsOf.get(previous);
  const edits = editsOf.get(previous);
  if (hits && edits) carriedTo.set(model, { hits, edits });
}

const matchAllOf = (pattern: RegExp): Scan => (text) => text.matchAll(pattern);

/**
 * The hits of a global regular expression in the model's text, as `text.matchAll(pattern)` yields
 * them; `scan`, when given, must find exactly those in any text. In a document being typed in, the
 * hits of a search that reads one line are carried over an edit.
 */
export function textHits(model: CodeModel, pattern: RegExp, scan: Scan = matchAllOf(pattern)): TextHit[] {
  const text = model.file.text;
  if (!isReparsed(model) || !readsOneLine(pattern)) return scanPart(text, scan, 0, text.length);
  let own = hitsOf.get(model);
  if (!own) hitsOf.set(model, (own = new Map()));
  const key = `${pattern.source}/${pattern.flags}`;
  let hits = own.get(key);
  if (!hits) {
    const carried = carriedTo.get(model);
    const before = carried?.edits.length === 1 ? carried.hits.get(key) : undefined;
    hits = before ? afterEdit(text, scan, before, carried!.edits[0]) : scanPart(text, scan, 0, text.length);
    own.set(key, hits);
  }
  return hits;
}

/** Whether a search has a hit in the model's text (a hit found once serves every later keystroke's question). */
export function hasTextHit(model: CodeModel, pattern: RegExp): boolean {
  return textHits(model, pattern).length > 0;
}

/**
 * The hits in `text` from `from` to `to` (both included: an empty match may sit on the line break at
 * `to`), which are a line's start and a line's end (or the text's): scanned with the line breaks
 * around them, at which `\b` and lookarounds read as in the whole text.
 */
function scanPart(text: string, scan: Scan, from: number, to: number): TextHit[] {
  const whole = from === 0 && to === text.length;
  const start = whole ? 0 : Math.max(0, from - 1);
  const part = whole ? text : text.slice(start, Math.min(text.length, to + 1));
  const out: TextHit[] = [];
  for (const m of scan(part)) {
    const index = start + m.index;
    if (whole || (index >= from && index <= to)) out.push({ index, end: index + m[0].length });
  }
  return out;
}

/**
 * The hits after one edit: those on the lines before the edit's, those on the lines after it moved
 * by its length, and a scan of the lines the edit touches (from the start of its first line to the
 * end of its last, in the new text).
 */
function afterEdit(text: string, scan: Scan, before: readonly TextHit[], edit: TextChange): TextHit[] {
  const shift = edit.newEndIndex - edit.oldEndIndex;
  const from = edit.startIndex === 0 ? 0 : text.lastIndexOf('\n', edit.startIndex - 1) + 1;
  let to = text.indexOf('\n', edit.newEndIndex);
  if (to < 0) to = text.length;
  const out: TextHit[] = [];
  let k = 0;
  for (; k < before.length && before[k].index < from; k++) out.push(before[k]);
  for (const hit of scanPart(text, scan, from, to)) out.push(hit);
  // The window's end in the previous text: the same line break, before the edit moved it. An empty
  // match on the break before the window reads only the line before it; one on the break at its end
  // may read the window's last characters, so it is the window's.
  const oldTo = to - shift;
  for (; k < before.length; k++) if (before[k].index > oldTo) out.push(shift === 0 ? before[k] : { index: before[k].index + shift, end: before[k].end + shift });
  return out;
}

const oneLine = new Map<string, boolean>();

/**
 * Whether a regular expression reads one line only: no match holds a line break (`\n`), and what its
 * `\b`, `^`-free lookarounds and classes look at stays on the match's line. Proven from the source,
 * conservatively: flags `g` and `i` only (no `m`, `s`, `u`, `v`, `y`); no `^` or `$`; no escape that
 * can match a line break or whose meaning needs the grammar's fine print (`\s`, `\W`, `\D`, `\n`,
 * `\x…`, `\u…`, `\c…`, `\p{…}`, digits: octal or back references); no control character; a negated
 * class (`[^…]`) only when it holds `\s` or `\n`, so that it excludes the line break (`[^]` matches
 * any character). A class range
 * of printable characters starts above `\n`. `.` never matches a line break without the `s` flag.
 * Every character a match consumes then lies on one line, and a lookaround or `\b` at the line's
 * edge reads the line break there, never beyond it, because its own characters cannot be one.
 */
export function readsOneLine(pattern: RegExp): boolean {
  const key = `${pattern.source}/${pattern.flags}`;
  let verdict = oneLine.get(key);
  if (verdict === undefined) oneLine.set(key, (verdict = /^gi?$|^ig$/.test(pattern.flags) && sourceReadsOneLine(pattern.source)));
  return verdict;
}

function sourceReadsOneLine(source: string): boolean {
  let inClass = false;
  let negated = false;
  let excludesBreak = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c.charCodeAt(0) < 32) return false;
    if (c === '\\') {
      const e = source[++i] ?? '';
      if (/[0-9nrtvfxucpPkWDs]/.test(e) && !(inClass && negated && (e === 's' || e === 'n'))) return false;
      if (inClass && negated && (e === 's' || e === 'n')) excludesBreak = true;
      continue;
    }
    if (inClass) {
      if (c === ']') {
        if (negated && !excludesBreak) return false;
        inClass = false;
      }
      continue;
    }
    if (c === '[') {
      inClass = true;
      negated = source[i + 1] === '^';
      excludesBreak = false;
      if (negated) i++;
      continue;
    }
    if (c === '^' || c === '$') return false;
  }
  return !inClass;
}
