import type { Node } from 'web-tree-sitter';
import { bindingIndex, type BoundValue } from './bindings';
import type { CodeModel } from './codeModel';
import { findPerStatement, type StatementSearch } from './statementReuse';
import { textHits } from './textHits';

export type { BoundValue } from './bindings';

/**
 * The values bound to names that match `anchor` in the text (`password`, `DEBUG`): from each hit on a
 * name, up through the few nodes that can bind it (declarator, assignment, pair, keyword argument,
 * composite-literal entry, setter call), to the values whose binding is that name. A hit in a comment
 * or a string binds nothing. The tree's {@link bindingIndex} computes each node's bound values once,
 * so many hits around one long call or object cost one pass over it.
 */
export function valuesBoundTo(model: CodeModel, anchor: RegExp): BoundValue[] {
  const root = model.tree.rootNode;
  const index = bindingIndex(model.tree);
  const hits = textHits(model, anchor);
  const search: StatementSearch<BoundValue> = {
    key: `valuesBoundTo\u0000${anchor.source}/${anchor.flags}`,
    find(hit) {
      const out: BoundValue[] = [];
      const nameNode = root.descendantForIndex(hit.index, hit.end);
      if (!nameNode || nameNode.type === 'comment') return out;
      let owner: Node | null = nameNode;
      for (let depth = 0; owner && depth < 5; depth++, owner = owner.parent) {
        for (const bound of index.boundValues(owner)) {
          if (bound.binding.nameSpan.start <= hit.index && hit.index < bound.binding.nameSpan.end) out.push(bound);
        }
      }
      return out;
    },
    identity: (bound) => String(bound.value.id),
    store: ({ value, binding }, base) => ({ nodes: [value], data: { ...binding, nameSpan: { start: binding.nameSpan.start - base, end: binding.nameSpan.end - base } } }),
    restore: ([value], data, base) => {
      const binding = data as BoundValue['binding'];
      return { value, binding: { ...binding, nameSpan: { start: binding.nameSpan.start + base, end: binding.nameSpan.end + base } } };
    },
  };
  return findPerStatement(model, hits, search).sort((a, b) => a.value.startIndex - b.value.startIndex);
}
