import type { Node } from 'web-tree-sitter';
import { envNameOf, placeholdersIn } from '../../spring/springPlaceholders';
import { anchoredMatches, type CodeModel } from '../codeModel';
import { stringLiteral } from '../strings';
import { readWithDefault, type EnvRead } from './envRead';

/** Names every pattern below needs: the query runs only on statements that contain one. */
const ANCHOR = /\b(getenv|Value)\b/g;

const READS = `
(method_invocation object: (identifier) @system name: (identifier) @getenv arguments: (argument_list . (string_literal) @key .) (#eq? @system "System") (#eq? @getenv "getenv")) @read
(method_invocation
  object: (method_invocation object: (identifier) @system name: (identifier) @getenv arguments: (argument_list) @none)
  name: (identifier) @method
  arguments: (argument_list . (string_literal) @key)
  (#eq? @system "System") (#eq? @getenv "getenv") (#match? @method "^(get|getOrDefault)$")) @map
(annotation name: (_) @value arguments: (annotation_argument_list (string_literal) @template) (#match? @value "^(org\\\\.springframework\\\\.beans\\\\.factory\\\\.annotation\\\\.)?Value$"))
(annotation name: (_) @value arguments: (annotation_argument_list (element_value_pair key: (identifier) @key_name value: (string_literal) @template)) (#match? @value "^(org\\\\.springframework\\\\.beans\\\\.factory\\\\.annotation\\\\.)?Value$") (#eq? @key_name "value"))
`;

/** `System.getenv("X")` (with `Optional…orElse` and `getenv().getOrDefault` defaults) and Spring `@Value("${x.y:default}")`. */
export function javaEnvReads(model: CodeModel): EnvRead[] {
  const reads: EnvRead[] = [];
  for (const m of anchoredMatches(model, ANCHOR, READS)) {
    const template = stringLiteral(m.get('template'));
    if (template) {
      for (const p of placeholdersIn(model.file.text.slice(template.contentSpan.start, template.contentSpan.end), template.contentSpan.start)) {
        if (!p.name || p.name.includes('${')) continue;
        const read: EnvRead = { name: envNameOf(p.name), nameSpan: p.nameSpan, span: p.span, hasDefault: p.default !== undefined, property: p.name };
        if (p.default !== undefined) Object.assign(read, { default: p.default, defaultSpan: p.defaultSpan });
        reads.push(read);
      }
      continue;
    }
    const key = stringLiteral(m.get('key'));
    if (!key) continue;
    const map = m.get('map');
    if (map && m.get('none')!.namedChildCount > 0) continue;
    if (map) {
      const fallback = m.get('method')!.text === 'getOrDefault' ? map.childForFieldName('arguments')?.namedChildren[1] : undefined;
      reads.push(readWithDefault(key.value, key.contentSpan, map, fallback));
    } else {
      const read = m.get('read')!;
      const orElse = optionalOrElse(read);
      reads.push(readWithDefault(key.value, key.contentSpan, orElse ?? read, orElse?.childForFieldName('arguments')?.namedChildren[0]));
    }
  }
  return reads;
}

/** `Optional.ofNullable(System.getenv("X")).orElse(d)`: the `orElse` call around a read, if any. */
function optionalOrElse(read: Node): Node | undefined {
  const call = read.parent?.parent;
  if (read.parent?.type !== 'argument_list' || call?.type !== 'method_invocation' || call.childForFieldName('name')?.text !== 'ofNullable') return undefined;
  const outer = call.parent;
  if (outer?.type !== 'method_invocation' || outer.childForFieldName('object')?.id !== call.id) return undefined;
  return outer.childForFieldName('name')?.text === 'orElse' ? outer : undefined;
}
