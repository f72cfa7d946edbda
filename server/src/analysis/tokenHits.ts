/**
 * Where a code file's text may hold a secret whatever it is called: the hits of {@link TOKEN_HITS}
 * over the whole file, found without running the regular expression at every character.
 */

/**
 * Provider token formats, private keys and URLs or Go DSNs with a password (`postgres://app:pw@db/app`,
 * `app:pw@tcp(db)/app`). The secret detector decides on each text hit. Each part of the URL is
 * bounded: an unbounded scheme made every character of a long run of `[a-z0-9+.-]` (a 100k-character
 * literal, `a+a+…`) scan to the run's end, quadratic in the run.
 */
export const TOKEN_HITS = /A(?:KIA|SIA|Iza)|g(?:h[pousr]_|ithub_pat_|lpat-)|xox[abposr]-|[sr]k_live_|npm_|SG\.|eyJ|-----BEGIN|[a-z][a-z0-9+.-]{0,31}:\/\/[^\s'"`/@:]{0,256}:[^\s'"`@]{1,256}@|@tcp\(/gi;

/** The same expression, tried at one position only. */
const AT = new RegExp(TOKEN_HITS.source, 'iy');
/** Every alternative but the URL's, which is fixed text: where one of them can start. */
const PREFIXES = /a(?:kia|sia|iza)|g(?:h[pousr]_|ithub_pat_|lpat-)|xox[abposr]-|[sr]k_live_|npm_|sg\.|eyj|-----begin|@tcp\(/gi;
/** A URL's scheme is 1 to 32 characters right before its `://`. */
const LONGEST_SCHEME = 32;
const SCHEME_CHARACTER = /[A-Za-z0-9+.-]/;
const LETTER = /[A-Za-z]/;

/**
 * The hits of {@link TOKEN_HITS} in `text`, exactly as `text.matchAll(TOKEN_HITS)` yields them (the
 * leftmost match, then the next one after its end), in a fraction of the time. The expression, case
 * blind, may start at any letter (a URL's scheme), so a global scan tries each of a 130 KB file's
 * characters against every alternative; here it is tried only where a hit can start: where a fixed
 * prefix occurs, and at the letters a scheme before a `://` may start with.
 */
export function tokenHits(text: string): RegExpExecArray[] {
  // Where to try: a position, and the `://` it may start a URL before (-1 for a fixed prefix).
  const starts: { at: number; colon: number }[] = [];
  PREFIXES.lastIndex = 0;
  // Every position where a prefix occurs, overlapping ones too: the scan steps one character past each.
  for (let m = PREFIXES.exec(text); m; m = PREFIXES.exec(text)) {
    starts.push({ at: m.index, colon: -1 });
    PREFIXES.lastIndex = m.index + 1;
  }
  // A scheme is a letter, then scheme characters up to the `://`: each letter of that run may start one.
  for (let colon = text.indexOf('://'); colon >= 0; colon = text.indexOf('://', colon + 1)) {
    let first = colon;
    while (first > 0 && colon - first < LONGEST_SCHEME && SCHEME_CHARACTER.test(text[first - 1])) first--;
    for (let at = first; at < colon; at++) if (LETTER.test(text[at])) starts.push({ at, colon });
  }
  starts.sort((a, b) => a.at - b.at);
  const hits: RegExpExecArray[] = [];
  // A URL's rest (from its `://` on) is the same whichever letter its scheme starts at: once it fails, it fails from every one.
  const failedUrls = new Set<number>();
  let from = 0;
  let tried = -1;
  for (const { at, colon } of starts) {
    if (at < from || at === tried || failedUrls.has(colon)) continue;
    tried = at;
    AT.lastIndex = at;
    const hit = AT.exec(text);
    if (!hit) {
      if (colon >= 0) failedUrls.add(colon);
      continue;
    }
    hits.push(hit);
    // Every alternative matches at least three characters: no empty match to step over.
    from = at + hit[0].length;
  }
  return hits;
}
