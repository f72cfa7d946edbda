import type { Node } from 'web-tree-sitter';

/** Statements and expressions that choose a branch by a condition, in the four grammars. */
const CONDITIONALS = new Set(['if_statement', 'ternary_expression', 'conditional_expression']);

/** Names and conditions that mark code for tests. */
export const TEST_SECTION = { name: /^['"]?(test|testing)['"]?$|^Test|^test_|Test(ing)?(Config|Settings)$/, condition: /\b(test|testing|pytest)\b/i };

/** Names and conditions that mark code for tests or a developer's machine (`DevConfig`, `'development': {…}`, `if DEBUG:`). */
export const NON_PRODUCTION_SECTION = {
  name: /^['"]?(test|testing|dev|develop|development|local)['"]?$|^(Test|Dev|Local)|^(test|dev|local)_|(Test(ing)?|Dev(elopment)?|Local)(Config|Settings)$/,
  condition: /\b(test|testing|pytest|dev|development|local|DEBUG)\b/i,
};

/**
 * Inside a class, function or map entry whose name matches (`class TestConfig`, `'test': {…}`,
 * `def test_…`), or a branch taken under a matching condition (`if 'test' in sys.argv:`,
 * `NODE_ENV === 'test' ? … : …`).
 */
export function inNamedSection(node: Node, section: { name: RegExp; condition: RegExp }): boolean {
  for (let current: Node | null = node.parent; current; current = current.parent) {
    if (CONDITIONALS.has(current.type) && section.condition.test(current.childForFieldName('condition')?.text ?? '')) return true;
    const name = current.childForFieldName('name')?.text ?? (current.type === 'pair' ? current.childForFieldName('key')?.text : undefined);
    if (name && section.name.test(name)) return true;
  }
  return false;
}
