import type { Fix, TextEdit } from './types';

/** Applies non-overlapping edits to a text. Throws on overlap: a rule produced an invalid fix. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  let limit = Infinity;
  for (const edit of sorted) {
    if (edit.span.end > limit) throw new Error('Overlapping edits in one fix');
    out = out.slice(0, edit.span.start) + edit.text + out.slice(edit.span.end);
    limit = edit.span.start;
  }
  return out;
}

/**
 * Picks the fixes that can be applied together, in order, skipping any fix whose edits overlap one
 * already picked (ESLint's approach: run again to apply the rest). Returns the combined edits.
 */
export function combineFixes(fixes: readonly Fix[]): TextEdit[] {
  const picked: TextEdit[] = [];
  const overlaps = (a: TextEdit, b: TextEdit) =>
    a.span.start < b.span.end && b.span.start < a.span.end || (a.span.start === b.span.start && a.span.end === a.span.start && b.span.end === b.span.start);
  for (const fix of fixes) {
    if (fix.edits.some((e) => picked.some((p) => overlaps(e, p)))) continue;
    picked.push(...fix.edits);
  }
  return picked;
}

/** The fixes that may be applied unattended (fix-all, fix on save): every fix not marked `automatic: false`. */
export function automaticFixes(fixes: readonly Fix[]): Fix[] {
  return fixes.filter((f) => f.automatic !== false);
}

/** Applies as many fixes as can be combined; returns the new text. */
export function applyFixes(text: string, fixes: readonly Fix[]): string {
  return applyEdits(text, combineFixes(fixes));
}
