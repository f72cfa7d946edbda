import { createHash } from 'node:crypto';
import type { Span } from '../parsing/sourceFile';

/**
 * What identifies a finding across edits, without line numbers: a hash of the flagged text, and
 * hashes of that text with its surroundings (the nearest non-blank line above, and below).
 * Whitespace runs are collapsed first, so re-indenting changes nothing. Hashes only: a baseline
 * never holds the flagged text itself, which may be a secret.
 */
export interface Fingerprint {
  /** The rule id and the flagged text. */
  text: string;
  /** The same plus the nearest non-blank line above the flagged lines. */
  above: string;
  /** The same plus the nearest non-blank line below the flagged lines. */
  below: string;
}

/** The fingerprint of a finding of `ruleId` at `span` in `text`. */
export function fingerprintOf(ruleId: string, text: string, span: Span): Fingerprint {
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length));
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEndAt = text.indexOf('\n', end);
  const lineEnd = lineEndAt === -1 ? text.length : lineEndAt;
  // An empty span (a finding about the whole file or a missing key) is identified by its line.
  const flagged = normalize(end > start ? text.slice(start, end) : text.slice(lineStart, lineEnd));
  const above = neighbour(text, lineStart, -1);
  const below = neighbour(text, lineEnd, 1);
  return { text: hash(`${ruleId}\0${flagged}`), above: hash(`${ruleId}\0${flagged}\0${above}`), below: hash(`${ruleId}\0${flagged}\0\0${below}`) };
}

/** The nearest non-blank line before `from` (direction -1, `from` a line start) or after it (1, `from` a line end). */
function neighbour(text: string, from: number, direction: -1 | 1): string {
  let at = from;
  while (direction === -1 ? at > 0 : at < text.length) {
    let line: string;
    if (direction === -1) {
      const end = at - 1; // the line break before this line
      // lastIndexOf reads a negative position as 0, which would find the break at 0 again and again.
      const start = end > 0 ? text.lastIndexOf('\n', end - 1) + 1 : 0;
      line = text.slice(start, end);
      at = start;
    } else {
      const start = at + 1; // past the line break after this line
      const endAt = text.indexOf('\n', start);
      const end = endAt === -1 ? text.length : endAt;
      line = text.slice(start, end);
      at = end;
    }
    const normalized = normalize(line);
    if (normalized !== '') return normalized;
  }
  return '';
}

function normalize(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function hash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 16);
}
