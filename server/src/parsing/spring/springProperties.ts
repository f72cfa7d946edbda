import type { ParseError } from '../parseError';
import type { SourceFile } from '../sourceFile';
import { parseProperties } from './propertiesParser';
import type { SpringProperty } from './springModel';

/** The properties of a `.properties` file, with the document each belongs to (`#---` separates documents). */
export function propertiesOf(file: SourceFile): { properties: SpringProperty[]; problems: ParseError[] } {
  const parsed = parseProperties(file.text);
  const properties = parsed.entries.map((entry): SpringProperty => ({
    name: entry.key,
    value: entry.value,
    keySpan: entry.keySpan,
    valueSpan: entry.valueSpan,
    syntax: { kind: 'properties' },
    document: parsed.separators.filter((s) => s < entry.span.start).length,
  }));
  return { properties, problems: parsed.problems };
}
