import type { TextChange } from '../parsers';
import type { CodeModel } from './codeModel';
import { isReparsed } from './statementReuse';

/**
 * The hits of the rules' name anchors (`/\bprocess\b/g`, `/\b(listen|serve)\b/g`), carried from one
 * parse of a document to the next. Such an anchor matches exactly the whole words (maximal runs of
 * `[A-Za-z0-9_]`) that are one of its names, so a hit depends only on its word and the characters
 * just outside it: after one edit, the hits away from it stay (moved by the edit's length), and only
 * the words around the edit are scanned again. Each of about thirty anchors otherwise scans the
 * whole 130 KB text on every keystroke.
 */

/** `\bname\b`, `\b(a|b)\b`, `\b(?:a|b)\b` of literal names, global and nothing else. */
const WORD_ANCHOR = /^\\b(?:\((?:\?:)?\w+(?:\|\w+)*\)|\w+)\\b$/;

type Hits = { index: number; end: number }[];

interface Carried {
  hits: Map<string, Hits>;
  /** The edits of the previous text since it was parsed, in order. */
  edits: TextChange[];
}

const hitsOf = new WeakMap<CodeModel, Map<string, Hits>>();
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

/** Called when `model` was parsed from `previous`'s text edited: its anchors may start from `previous`'s hits. */
export function carryWordHits(model: CodeModel, previous: CodeModel): void {
  const hits = hitsOf.get(previous);
  const edits = editsOf.get(previous);
  if (hits && edits) carriedTo.set(model, { hits, edits });
}

/** The hits of a global regular expression in the model's text, as `matchAll` yields them (word anchors carried over edits). */
export function anchorHits(model: CodeModel, anchor: RegExp): Hits {
  const text = model.file.text;
  if (anchor.flags !== 'g' || !WORD_ANCHOR.test(anchor.source) || !isReparsed(model)) return scan(text, anchor, 0, text.length);
  let own = hitsOf.get(model);
  if (!own) hitsOf.set(model, (own = new Map()));
  let hits = own.get(anchor.source);
  if (!hits) {
    const carried = carriedTo.get(model);
    const before = carried?.edits.length === 1 ? carried.hits.get(anchor.source) : undefined;
    hits = before ? afterEdit(text, anchor, before, carried!.edits[0]) : scan(text, anchor, 0, text.length);
    own.set(anchor.source, hits);
  }
  return hits;
}

function scan(text: string, anchor: RegExp, from: number, to: number): Hits {
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  return [...part.matchAll(anchor)].map((m) => ({ index: from + m.index, end: from + m.index + m[0].length }));
}

const isWordCharacter = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/**
 * The hits after one edit: those whose word and its neighbours lie before the edit, those after it
 * moved by its length, and a scan of the words the edit touches, from the non-word character before
 * it to the one after it (at which `\b` reads the same in the part as in the whole text).
 */
function afterEdit(text: string, anchor: RegExp, before: Hits, edit: TextChange): Hits {
  const shift = edit.newEndIndex - edit.oldEndIndex;
  let from = edit.startIndex;
  while (from > 0 && isWordCharacter(text.charCodeAt(from - 1))) from--;
  let to = edit.newEndIndex;
  while (to < text.length && isWordCharacter(text.charCodeAt(to))) to++;
  const out: Hits = [];
  // A word before `from` ends before the non-word character there; one at or after `to` starts after the one there.
  for (const hit of before) if (hit.index < from) out.push(hit);
  for (const hit of scan(text, anchor, from, to)) out.push(hit);
  for (const hit of before) if (hit.index >= edit.oldEndIndex && hit.index + shift >= to) out.push({ index: hit.index + shift, end: hit.end + shift });
  return out;
}
