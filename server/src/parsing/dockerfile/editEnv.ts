import type { TextEdit } from '../../engine/types';
import type { DockerInstruction, DockerProperty } from './dockerfileModel';

/**
 * The edit that takes one property out of an ENV or ARG instruction: for an ARG, its `=default`; for
 * an ENV with one pair, the whole line with its line break; otherwise the pair and the gap that joins
 * it to its neighbour (a line continuation included), so that the rest stays well formed.
 *
 * @param text the file text
 */
export function removePropertyEdit(text: string, instruction: DockerInstruction, property: DockerProperty): TextEdit {
  if (instruction.keyword === 'ARG') return { span: { start: property.name.span.end, end: property.span.end }, text: '' };
  const properties = instruction.properties ?? [];
  const index = properties.indexOf(property);
  if (properties.length <= 1 || index < 0) return { span: lineSpan(text, instruction), text: '' };
  if (index < properties.length - 1) return { span: { start: property.span.start, end: properties[index + 1].span.start }, text: '' };
  return { span: { start: properties[index - 1].span.end, end: property.span.end }, text: '' };
}

/** The instruction with its indentation, trailing blanks and one line break. */
function lineSpan(text: string, instruction: DockerInstruction): { start: number; end: number } {
  let { start, end } = instruction.span;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  while (text[end] === ' ' || text[end] === '\t') end++;
  if (text.startsWith('\r\n', end)) end += 2;
  else if (text[end] === '\n') end++;
  return { start, end };
}
