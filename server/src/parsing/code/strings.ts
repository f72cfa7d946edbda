import type { Node } from 'web-tree-sitter';
import type { Span } from '../sourceFile';

/** A string literal with a constant value: its decoded value and the span of its content (inside the quotes). */
export interface StringLiteral {
  value: string;
  /** The content between the quotes, as written. */
  contentSpan: Span;
  node: Node;
}

/** String literal node types of the grammars: JS/TS, Python, Java, Go. */
const STRING_TYPES = new Set(['string', 'template_string', 'string_literal', 'interpreted_string_literal', 'raw_string_literal']);
/** Child types that make a string's value depend on code (`${x}`, f-string `{x}`). */
const INTERPOLATIONS = new Set(['template_substitution', 'interpolation']);

/** True for a node that is a string literal in any of the grammars, constant or not. */
export function isStringNode(node: Node): boolean {
  return STRING_TYPES.has(node.type);
}

/**
 * The constant value of a string literal node, or undefined when the node is not a string literal
 * or its value is computed (a template with substitutions, an f-string with fields). Comments and
 * docstrings are never passed here by the rules: they look at literals in code positions only.
 */
export function stringLiteral(node: Node | null | undefined): StringLiteral | undefined {
  if (!node || !STRING_TYPES.has(node.type) || node.childCount < 2) return undefined;
  if (node.descendantsOfType([...INTERPOLATIONS]).length > 0) return undefined;
  const open = node.child(0)!;
  const close = node.child(node.childCount - 1)!;
  const contentSpan = { start: open.endIndex, end: close.startIndex };
  if (contentSpan.end < contentSpan.start) return undefined;
  const raw = node.text.slice(contentSpan.start - node.startIndex, contentSpan.end - node.startIndex);
  const isRaw = node.type === 'raw_string_literal' || /^[a-z]*r[a-z]*["']/i.test(open.text);
  return { value: isRaw ? raw : unescape(raw), contentSpan, node };
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** Decodes the escapes that string literals of the four languages share. */
function unescape(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r?\n|.)/g, (_, e: string) => {
    if (e.startsWith('u{')) return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
    if (e.length > 1 && (e[0] === 'u' || e[0] === 'x')) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e === '\n' || e === '\r\n') return '';
    return SIMPLE_ESCAPES[e] ?? e;
  });
}
