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

/**
 * The fixes that may be applied unattended (fix-all, fix on save): every fix not marked
 * `automatic: false`, and none that edits other files (those are chosen one at a time).
 */
export function automaticFixes(fixes: readonly Fix[]): Fix[] {
  return fixes.filter((f) => f.automatic !== false && !f.otherFiles?.length);
}

/**
 * The new text of every other file the fixes touch, keyed by absolute path: each file's changes
 * applied to its current text (`readText`), or to an empty text when the fix creates it. Edits of
 * several fixes to one file are combined as {@link combineFixes} does.
 */
export function applyOtherFileChanges(fixes: readonly Fix[], readText: (path: string) => string | undefined): Map<string, string> {
  const byPath = new Map<string, { create: boolean; fixes: Fix[] }>();
  for (const fix of fixes) {
    for (const change of fix.otherFiles ?? []) {
      const entry = byPath.get(change.path) ?? { create: change.create === true, fixes: [] };
      entry.fixes.push({ title: fix.title, edits: change.edits });
      byPath.set(change.path, entry);
    }
  }
  const out = new Map<string, string>();
  for (const [p, entry] of byPath) out.set(p, applyEdits(entry.create ? '' : (readText(p) ?? ''), combineFixes(entry.fixes)));
  return out;
}

/** Applies as many fixes as can be combined; returns the new text. */
export function applyFixes(text: string, fixes: readonly Fix[]): string {
  return applyEdits(text, combineFixes(fixes));
}
