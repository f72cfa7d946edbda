import type { Node } from 'web-tree-sitter';
import { bindingIndex, type BoundValue } from './bindings';
import type { CodeModel } from './codeModel';

export type { BoundValue } from './bindings';

/**
 * The values bound to names that match `anchor` in the text (`password`, `DEBUG`): from each hit on a
 * name, up through the few nodes that can bind it (declarator, assignment, pair, keyword argument,
 * composite-literal entry, setter call), to the values whose binding is that name. A hit in a comment
 * or a string binds nothing. The tree's {@link bindingIndex} computes each node's bound values once,
 * so many hits around one long call or object cost one pass over it.
 */
export function valuesBoundTo(model: CodeModel, anchor: RegExp): BoundValue[] {
  const out: BoundValue[] = [];
  const seen = new Set<number>();
  const root = model.tree.rootNode;
  const index = bindingIndex(model.tree);
  for (const hit of model.file.text.matchAll(anchor)) {
    const nameNode = root.descendantForIndex(hit.index, hit.index + hit[0].length);
    if (!nameNode || nameNode.type === 'comment') continue;
    let owner: Node | null = nameNode;
    for (let depth = 0; owner && depth < 5; depth++, owner = owner.parent) {
      for (const bound of index.boundValues(owner)) {
        const { value, binding } = bound;
        if (!seen.has(value.id) && binding.nameSpan.start <= hit.index && hit.index < binding.nameSpan.end) {
          seen.add(value.id);
          out.push(bound);
        }
      }
    }
  }
  return out.sort((a, b) => a.value.startIndex - b.value.startIndex);
}
