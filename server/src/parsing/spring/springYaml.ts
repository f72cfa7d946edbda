import type { ParseError } from '../parseError';
import type { SourceFile } from '../sourceFile';
import { parseYamlFile } from '../yaml/yamlDocuments';
import type { YNode } from '../yaml/yamlNodes';
import type { SpringProperty } from './springModel';

/**
 * The properties of a Spring YAML file, flattened through the shared YAML layer the way Spring's
 * YamlPropertySourceLoader flattens them: nested keys joined with dots (`spring: datasource: url:` →
 * `spring.datasource.url`), keys that contain dots kept as written, `[key]` keys appended without a
 * dot, list items as `name[0]`. Every `---` document is its own document; anchors, aliases and merge
 * keys are resolved by the YAML layer, with spans at the anchor's text.
 */
export function yamlPropertiesOf(file: SourceFile): { properties: SpringProperty[]; problems: ParseError[] } {
  const yaml = parseYamlFile(file);
  const properties: SpringProperty[] = [];
  for (const document of yaml.documents) {
    if (document.root) flatten(document.root, '', false, document.index, properties);
  }
  return { properties, problems: yaml.documents.flatMap((d) => (d.error ? [d.error] : [])) };
}

function join(prefix: string, key: string): string {
  if (!prefix) return key;
  return key.startsWith('[') ? prefix + key : `${prefix}.${key}`;
}

function flatten(node: YNode, name: string, flow: boolean, document: number, out: SpringProperty[], keySpan = node.span): void {
  if (node.type === 'map') {
    for (const pair of node.pairs) {
      const key = join(name, pair.key);
      if (pair.value) flatten(pair.value, key, flow || node.flow, document, out, pair.keySpan);
      else out.push({ name: key, value: '', keySpan: pair.keySpan, valueSpan: { start: pair.keySpan.end, end: pair.keySpan.end }, syntax: { kind: 'none' }, document });
    }
  } else if (node.type === 'seq') {
    node.items.forEach((item, index) => flatten(item, `${name}[${index}]`, flow || node.flow, document, out, item.span));
  } else if (name) {
    const block = node.style === 'BLOCK_LITERAL' || node.style === 'BLOCK_FOLDED';
    out.push({
      name,
      value: node.value === null ? '' : String(node.value),
      keySpan,
      valueSpan: node.span,
      syntax: block ? { kind: 'none' } : { kind: 'yaml', node, flow },
      document,
    });
  }
}
