import * as path from 'node:path';
import type { Node, QueryCapture, Tree } from 'web-tree-sitter';
import type { CodeLanguage } from '../fileKind';
import type { SourceFile, Span } from '../sourceFile';
import { queryOf, type Grammar } from './treeSitter';

/** The parsed model of a code file: its syntax tree, language and grammar, with the helpers rules share. */
export interface CodeModel {
  file: SourceFile;
  language: CodeLanguage;
  /** The grammar that parsed it (TSX and TypeScript differ). */
  grammar: Grammar;
  tree: Tree;
}

/** The grammar for a file of a language: `.tsx` files need the TSX grammar; JSX is part of JavaScript's. */
export function grammarFor(language: CodeLanguage, filePath: string): Grammar {
  if (language === 'typescript' && path.extname(filePath).toLowerCase() === '.tsx') return 'tsx';
  return language;
}

/** The span of a node (tree-sitter indices are UTF-16 offsets, as spans are). */
export function nodeSpan(node: Node): Span {
  return { start: node.startIndex, end: node.endIndex };
}

/** Runs a query (compiled once per grammar) over the whole tree or a node, returning its captures in order. */
export function captures(model: CodeModel, source: string, node: Node = model.tree.rootNode): QueryCapture[] {
  return queryOf(model.grammar, source).captures(node);
}

/** Runs a query over the whole tree, returning each match's captures by name. */
export function matches(model: CodeModel, source: string, node: Node = model.tree.rootNode): Map<string, Node>[] {
  return queryOf(model.grammar, source)
    .matches(node)
    .map((m) => new Map(m.captures.map((c) => [c.name, c.node])));
}

/** Every named descendant of a node (the node included) whose type is one of `types`, in source order. */
export function descendants(node: Node, types: string | readonly string[]): Node[] {
  return node.descendantsOfType(types as string | string[]).filter((n): n is Node => n !== null);
}

/** The nearest ancestor of a node (not the node itself) whose type is one of `types`. */
export function ancestor(node: Node, types: readonly string[]): Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (types.includes(n.type)) return n;
  return undefined;
}
