/** How two versions of a file's facts differ: not at all, only in positions (text moved), or in what they say. */
export type FactsDifference = 'same' | 'moved' | 'different';

/** Whether a property holds a position: `span`, `nameSpan`, `valueSpan`… */
const isSpanKey = (key: string) => key === 'span' || key.endsWith('Span');

/**
 * Compares two plain fact values (objects, arrays, strings, numbers, booleans) in one walk, without
 * serialising them: a keystroke compares a large manifest's facts with the previous version's.
 * A property set to undefined counts as absent, as JSON would write it.
 */
export function compareFacts(a: unknown, b: unknown): FactsDifference {
  let moved = false;
  const walk = (x: unknown, y: unknown, inSpan: boolean): boolean => {
    if (x === y) return true;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) {
      if (!inSpan) return false;
      moved = true;
      return true;
    }
    if (Array.isArray(x) !== Array.isArray(y)) return inSpan ? ((moved = true), true) : false;
    if (Array.isArray(x)) {
      const ys = y as unknown[];
      if (x.length !== ys.length) return inSpan ? ((moved = true), true) : false;
      for (let i = 0; i < x.length; i++) if (!walk(x[i], ys[i], inSpan)) return false;
      return true;
    }
    const xo = x as Record<string, unknown>;
    const yo = y as Record<string, unknown>;
    // Properties that hold positions only move; the others must match one for one.
    let count = 0;
    for (const key in xo) {
      if (xo[key] === undefined) continue;
      const span = inSpan || isSpanKey(key);
      if (!span) count++;
      if (!walk(xo[key], yo[key], span)) return false;
    }
    for (const key in yo) {
      if (yo[key] === undefined) continue;
      if (!inSpan && !isSpanKey(key)) count--;
      else if (xo[key] === undefined) moved = true;
    }
    return count === 0;
  };
  if (!walk(a, b, false)) return 'different';
  return moved ? 'moved' : 'same';
}
