import type { Span } from '../sourceFile';

/** A text with its template directives blanked out, offsets unchanged. */
export interface MaskedTemplates {
  text: string;
  /** Where each `{{ … }}` directive was, in the original text, in order. */
  spans: Span[];
}

/**
 * Blanks Helm / Go-template directives so that the YAML around them parses, keeping every offset: a
 * directive alone on its line (`{{- if … }}`, `{{- include … | nindent 4 }}`) becomes spaces, and one
 * inside a value becomes a run of `_`, a plain scalar that is marked as templated by its span.
 * Newlines inside a directive stay, so lines keep their numbers. Linear in the text, also for
 * unbalanced braces: each directive runs from a `{{` to the first `}}` after it, and once no `}}`
 * follows, no directive does.
 */
export function maskTemplates(text: string): MaskedTemplates {
  if (!text.includes('{{')) return { text, spans: [] };
  const spans = directiveSpans(text);
  // Whether the rest of each directive's line holds only blanks and further directives, from the last one back.
  const restBlank: boolean[] = new Array(spans.length);
  for (let i = spans.length - 1; i >= 0; i--) {
    const at = skipBlanks(text, spans[i].end);
    const next = spans[i + 1];
    restBlank[i] = at === text.length || text[at] === '\n' || (next !== undefined && next.start === at && !hasNewline(text, next) && restBlank[i + 1]);
  }
  const parts: string[] = [];
  let copied = 0;
  spans.forEach((span, i) => {
    const alone = blankBefore(text, span.start) && restBlank[i];
    parts.push(text.slice(copied, span.start), text.slice(span.start, span.end).replace(/[^\n]/g, alone ? ' ' : '_'));
    copied = span.end;
  });
  parts.push(text.slice(copied));
  return { text: parts.join(''), spans };
}

/** Each `{{` with the first `}}` after it. */
function directiveSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (let open = text.indexOf('{{'); open !== -1; ) {
    const close = text.indexOf('}}', open + 2);
    if (close === -1) break;
    spans.push({ start: open, end: close + 2 });
    open = text.indexOf('{{', close + 2);
  }
  return spans;
}

const BLANK = /\s/;

/** The first offset from `at` that is not a blank other than a newline. */
function skipBlanks(text: string, at: number): number {
  while (at < text.length && text[at] !== '\n' && BLANK.test(text[at])) at++;
  return at;
}

/** Only blanks between the line's start and `at`. */
function blankBefore(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && text[i] !== '\n' && BLANK.test(text[i])) i--;
  return i < 0 || text[i] === '\n';
}

function hasNewline(text: string, span: Span): boolean {
  return text.slice(span.start, span.end).includes('\n');
}

/** True when a span overlaps one of the template directive spans (which are in order and disjoint). */
export function overlapsTemplate(span: Span, templates: readonly Span[]): boolean {
  // The first directive that ends after the span starts; it overlaps when it also starts before the span ends.
  let low = 0;
  let high = templates.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (templates[mid].end <= span.start) low = mid + 1;
    else high = mid;
  }
  return low < templates.length && templates[low].start < span.end;
}
