import { lineCommentMarkers } from '../parsing/commentSyntax';
import type { FileKindInfo } from '../parsing/fileKind';
import type { SourceFile, Span } from '../parsing/sourceFile';

/** What the "disable" quick fixes write after `--`; a reason equal to it counts as no reason. */
export const REASON_PLACEHOLDER = 'TODO: say why this is acceptable';

/** The directive words. */
export const DISABLE_NEXT_LINE = 'twelve-factor-disable-next-line';
export const DISABLE_FILE = 'twelve-factor-disable-file';

/** One parsed suppression comment. */
export interface SuppressionDirective {
  scope: 'next-line' | 'file';
  /** Rule ids or `factor/*` patterns; empty means every rule. */
  patterns: string[];
  /** The text after `--`, trimmed; undefined when missing or left as the placeholder. */
  reason?: string;
  /** The directive text (from the directive word to the end of the comment). */
  span: Span;
  /** For `next-line`: the first following line that is not blank or a comment. */
  targetLine?: number;
}

const DIRECTIVE = /twelve-factor-disable-(next-line|file)\b([^\n]*)$/;

/**
 * Finds the suppression comments of a file in its kind's comment syntax. Only whole-line comments
 * count, so that a directive-looking string inside a value never suppresses anything.
 */
export function parseSuppressions(file: SourceFile, info: FileKindInfo): SuppressionDirective[] {
  if (!file.text.includes('twelve-factor-disable-')) return [];
  const markers = lineCommentMarkers(info);
  const isComment = (line: string) => markers.some((m) => line.trimStart().startsWith(m));
  const directives: SuppressionDirective[] = [];
  for (let line = 0; line < file.lineCount; line++) {
    const text = file.lineText(line);
    if (!isComment(text)) continue;
    const afterMarker = text.trimStart().replace(/^(#|\/\/|\/\*|!|<!--|;)\s*/, '');
    const match = DIRECTIVE.exec(afterMarker);
    if (!match || afterMarker.indexOf(match[0]) !== 0) continue;
    const lineStart = file.lineSpan(line).start;
    const start = lineStart + text.indexOf(match[0]);
    const body = match[2].replace(/(\*\/|-->)\s*$/, '');
    const { patterns, reason } = splitBody(body);
    const directive: SuppressionDirective = {
      scope: match[1] === 'file' ? 'file' : 'next-line',
      patterns,
      reason,
      span: { start, end: start + match[0].replace(/\s*(\*\/|-->)\s*$/, '').trimEnd().length },
    };
    if (directive.scope === 'next-line') {
      let target = line + 1;
      while (target < file.lineCount && (file.lineText(target).trim() === '' || isComment(file.lineText(target)))) target++;
      directive.targetLine = target;
    }
    directives.push(directive);
  }
  return directives;
}

function splitBody(body: string): { patterns: string[]; reason?: string } {
  const separator = /(^|\s)--(\s|$)/.exec(body);
  const idsText = separator ? body.slice(0, separator.index) : body;
  const reasonText = separator ? body.slice(separator.index + separator[0].length).trim() : '';
  const patterns = idsText.split(/[\s,]+/).filter(Boolean);
  const reason = reasonText && reasonText !== REASON_PLACEHOLDER ? reasonText : undefined;
  return { patterns, reason };
}

/** The text of a directive, as the quick fixes insert it (without the comment marker). */
export function directiveText(scope: 'next-line' | 'file', ruleId: string): string {
  return `${scope === 'file' ? DISABLE_FILE : DISABLE_NEXT_LINE} ${ruleId} -- ${REASON_PLACEHOLDER}`;
}
