import type { Node } from 'web-tree-sitter';
import { anchoredMatches, nodeSpan, type CodeModel } from '../codeModel';
import { stringLiteral } from '../strings';
import { readWithDefault, type EnvRead } from './envRead';

const PROCESS_ENV = '(member_expression object: (identifier) @process property: (property_identifier) @env (#eq? @process "process") (#eq? @env "env"))';

/** Names every pattern below needs: the query runs only on statements that contain one. */
const ANCHOR = /\bprocess\b/g;

const READS = `
(member_expression object: ${PROCESS_ENV} property: (property_identifier) @name) @read
(subscript_expression object: ${PROCESS_ENV} index: (string) @key) @read
(variable_declarator name: (object_pattern) @pattern value: ${PROCESS_ENV})
(assignment_expression left: (object_pattern) @pattern right: ${PROCESS_ENV})
`;

// Wrappers a read passes through before its fallback: `Number(process.env.PORT) || 3000`,
// `(process.env.A as string) ?? "x"`, `process.env.A! || "x"`.
const TRANSPARENT = new Set(['parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression', 'type_assertion']);
const CONVERSIONS = new Set(['Number', 'parseInt', 'parseFloat', 'String', 'Boolean']);

/** `process.env.X`, `process.env["X"]`, destructuring from `process.env`, with `||`/`??` and destructuring defaults. */
export function javascriptEnvReads(model: CodeModel): EnvRead[] {
  const reads: EnvRead[] = [];
  for (const m of anchoredMatches(model, ANCHOR, READS)) {
    const pattern = m.get('pattern');
    if (pattern) {
      reads.push(...destructured(pattern));
      continue;
    }
    const read = m.get('read')!;
    const name = m.get('name');
    if (name) {
      reads.push(withFallback(model.file.text, name.text, nodeSpan(name), read));
      continue;
    }
    const key = stringLiteral(m.get('key'));
    if (key) reads.push(withFallback(model.file.text, key.value, key.contentSpan, read));
  }
  return reads;
}

/** A read and the fallback of the `||`/`??` chain it heads: `A || B || "x"` gives A the default `B || "x"`. */
function withFallback(text: string, name: string, nameSpan: { start: number; end: number }, access: Node): EnvRead {
  let operand = access;
  for (let parent = operand.parent; parent; parent = operand.parent) {
    const isConversion = parent.type === 'arguments' && parent.namedChildren[0]?.id === operand.id && CONVERSIONS.has(parent.parent?.childForFieldName('function')?.text ?? '');
    if (TRANSPARENT.has(parent.type)) operand = parent;
    else if (isConversion) operand = parent.parent!;
    else break;
  }
  let chainEnd: Node | undefined;
  let fallbackStart: Node | undefined;
  for (let node = operand, parent = node.parent; parent && isFallbackOperator(parent); node = parent, parent = node.parent) {
    const right = parent.childForFieldName('right');
    // The left operand falls back on the right one; a right operand falls back on what follows its chain.
    if (parent.childForFieldName('left')?.id === node.id && right) {
      fallbackStart ??= right;
      chainEnd = right;
    }
  }
  const read: EnvRead = { name, nameSpan, span: { start: operand.startIndex, end: (chainEnd ?? operand).endIndex }, hasDefault: !!fallbackStart };
  if (fallbackStart && chainEnd) {
    read.defaultSpan = { start: fallbackStart.startIndex, end: chainEnd.endIndex };
    read.default = text.slice(read.defaultSpan.start, read.defaultSpan.end);
  }
  return read;
}

function isFallbackOperator(node: Node): boolean {
  if (node.type !== 'binary_expression') return false;
  const operator = node.childForFieldName('operator')?.type;
  return operator === '||' || operator === '??';
}

/** `const { A, B: b, C = "x", D: d = 1 } = process.env`. Rest elements read nothing by name. */
function destructured(pattern: Node): EnvRead[] {
  const reads: EnvRead[] = [];
  for (const element of pattern.namedChildren) {
    if (!element) continue;
    if (element.type === 'shorthand_property_identifier_pattern') {
      reads.push(readWithDefault(element.text, nodeSpan(element), element, undefined));
    } else if (element.type === 'object_assignment_pattern') {
      const left = element.childForFieldName('left');
      if (left) reads.push(readWithDefault(left.text, nodeSpan(left), element, element.childForFieldName('right')));
    } else if (element.type === 'pair_pattern') {
      const key = element.childForFieldName('key');
      const value = element.childForFieldName('value');
      const name = key?.type === 'property_identifier' ? { text: key.text, span: nodeSpan(key) } : literalKey(key);
      if (name) reads.push(readWithDefault(name.text, name.span, element, value?.type === 'assignment_pattern' ? value.childForFieldName('right') : undefined));
    }
  }
  return reads;
}

function literalKey(key: Node | null): { text: string; span: { start: number; end: number } } | undefined {
  const literal = stringLiteral(key);
  return literal && { text: literal.value, span: literal.contentSpan };
}
