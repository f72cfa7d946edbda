import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import { findRule } from '../engine';
import type { DocumentResult } from './documentLinter';
import { ruleDocHref } from './diagnostics';

/** A hover over a finding's range: each rule's one-line rationale and a link to its doc. */
export function hoverAt(result: DocumentResult | undefined, position: Position, docsDir: string): Hover | null {
  if (!result) return null;
  const offset = result.file.offsetAt(position);
  const here = result.output.findings.filter((f) => f.span.start <= offset && offset <= f.span.end);
  const ruleIds = [...new Set(here.map((f) => f.ruleId))];
  if (ruleIds.length === 0) return null;
  const sections = ruleIds.map((id) => {
    const rule = findRule(id);
    return `**${id}** (twelve-factor: ${rule?.factor ?? 'unknown'})\n\n${rule?.rationale ?? ''}\n\n[Rule documentation](${ruleDocHref(docsDir, id)})`;
  });
  const first = here[0];
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, range: result.file.rangeOf(first.span) };
}
