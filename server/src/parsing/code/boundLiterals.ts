import type { Node } from 'web-tree-sitter';
import { bindingOf, type Binding } from './bindings';
import type { CodeModel } from './codeModel';

/** A value in code together with the name it is bound to. */
export interface BoundValue {
  value: Node;
  binding: Binding;
}

/** The child fields that hold a value bound to a name, across the grammars. */
const VALUE_FIELDS = ['value', 'right', 'arguments'];

/**
 * The values bound to names that match `anchor` in the text (`password`, `DEBUG`): from each hit on a
 * name, up through the few nodes that can bind it (declarator, assignment, pair, keyword argument,
 * composite-literal entry, setter call), to the values whose {@link bindingOf} is that name. A hit in
 * a comment or a string binds nothing.
 */
export function valuesBoundTo(model: CodeModel, anchor: RegExp): BoundValue[] {
  const out: BoundValue[] = [];
  const seen = new Set<number>();
  const root = model.tree.rootNode;
  for (const hit of model.file.text.matchAll(anchor)) {
    const nameNode = root.descendantForIndex(hit.index, hit.index + hit[0].length);
    if (!nameNode || nameNode.type === 'comment') continue;
    let owner: Node | null = nameNode;
    for (let depth = 0; owner && depth < 5; depth++, owner = owner.parent) {
      for (const candidate of candidateValues(owner)) {
        if (seen.has(candidate.id)) continue;
        const binding = bindingOf(candidate);
        if (binding && binding.nameSpan.start <= hit.index && hit.index < binding.nameSpan.end) {
          seen.add(candidate.id);
          out.push({ value: candidate, binding });
        }
      }
    }
  }
  return out.sort((a, b) => a.value.startIndex - b.value.startIndex);
}

function candidateValues(owner: Node): Node[] {
  const values: Node[] = [];
  for (const field of VALUE_FIELDS) {
    const child = owner.childForFieldName(field);
    if (!child) continue;
    // Lists of values: Go's `a, b := "1", "2"`, call arguments, a keyed element's value wrapper.
    if (child.type === 'expression_list' || child.type === 'argument_list' || child.type === 'arguments') values.push(...child.namedChildren);
    else if (child.type === 'literal_element') values.push(...child.namedChildren);
    else values.push(child);
  }
  return values;
}
