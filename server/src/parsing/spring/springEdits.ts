import type { TextEdit } from '../../engine/types';
import { replaceScalar } from '../yaml/yamlEdits';
import type { SpringProperty } from './springModel';

/** Escapes a value for a `.properties` file: backslashes, line breaks, and leading blanks Java would drop. */
function propertiesValue(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/^ /, '\\ ');
}

/**
 * The edit that gives a property a new value, written so that the file stays valid and reads back the
 * same value: escaped in `.properties`; in YAML in the scalar's own quoting, and double-quoted inside
 * flow collections (where `{`, `}` and `,` would end a plain scalar). Undefined when the value cannot
 * be rewritten in place (a block scalar, a key without value).
 */
export function setValueEdit(property: SpringProperty, value: string): TextEdit | undefined {
  const syntax = property.syntax;
  if (syntax.kind === 'properties') return { span: property.valueSpan, text: propertiesValue(value) };
  if (syntax.kind !== 'yaml') return undefined;
  if (syntax.flow && syntax.node.style === 'PLAIN') return { span: syntax.node.span, text: JSON.stringify(value) };
  return replaceScalar(syntax.node, value);
}
