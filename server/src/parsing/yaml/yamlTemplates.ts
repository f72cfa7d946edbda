import type { Span } from '../sourceFile';

/** A text with its template directives blanked out, offsets unchanged. */
export interface MaskedTemplates {
  text: string;
  /** Where each `{{ … }}` directive was, in the original text. */
  spans: Span[];
}

const DIRECTIVE = /\{\{[\s\S]*?\}\}/g;

/**
 * Blanks Helm / Go-template directives so that the YAML around them parses, keeping every offset: a
 * directive alone on its line (`{{- if … }}`, `{{- include … | nindent 4 }}`) becomes spaces, and one
 * inside a value becomes a run of `_`, a plain scalar that is marked as templated by its span.
 * Newlines inside a directive stay, so lines keep their numbers.
 */
export function maskTemplates(text: string): MaskedTemplates {
  if (!text.includes('{{')) return { text, spans: [] };
  const spans: Span[] = [];
  const masked = text.replace(DIRECTIVE, (directive: string, offset: number) => {
    spans.push({ start: offset, end: offset + directive.length });
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const lineEndAt = text.indexOf('\n', offset + directive.length);
    const lineEnd = lineEndAt === -1 ? text.length : lineEndAt;
    const alone = text.slice(lineStart, offset).trim() === '' && isBlankOrDirectives(text.slice(offset + directive.length, lineEnd));
    const filler = alone ? ' ' : '_';
    return directive.replace(/[^\n]/g, filler);
  });
  return { text: masked, spans };
}

function isBlankOrDirectives(rest: string): boolean {
  return rest.replace(DIRECTIVE, '').trim() === '';
}

/** True when a span overlaps one of the template directive spans. */
export function overlapsTemplate(span: Span, templates: readonly Span[]): boolean {
  return templates.some((t) => t.start < span.end && span.start < t.end);
}
