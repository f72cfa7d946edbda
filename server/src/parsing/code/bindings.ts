import type { Node, Tree } from 'web-tree-sitter';
import type { Span } from '../sourceFile';
import { nodeSpan } from './codeModel';
import { stringLiteral } from './strings';

/** What a literal is bound to: a variable, a key, a keyword argument, a field, or a setter's argument. */
export interface Binding {
  /** The name the value is given (`dbPassword`, `SECRET_KEY`, `password`). */
  name: string;
  nameSpan: Span;
  /** `declaration` for `const x = …`, `var x = …`, `x := …`, fields; `const` when the language forbids a call there (a Go const). */
  kind: 'declaration' | 'const' | 'assignment' | 'key' | 'argument';
}

/** A node's named children; {@link BindingIndex} reads each list once. */
type ChildrenOf = (node: Node) => Node[];

const namedChildrenOf: ChildrenOf = (node) => node.namedChildren.filter((c): c is Node => c !== null);

/**
 * The name a value node is bound to, in any of the four languages: the variable of a declaration or
 * assignment, the key of an object/dict/composite literal entry, a keyword argument, a class field,
 * the string key of `put("password", v)`, or a one-argument setter such as `.password(v)`.
 * Asking for many values of one list (a call's 200 arguments) reads the list once per value: use the
 * tree's {@link bindingIndex} then.
 */
export function bindingOf(value: Node, childrenOf: ChildrenOf = namedChildrenOf): Binding | undefined {
  const parent = value.parent;
  if (!parent) return undefined;
  const field = (name: string) => parent.childForFieldName(name);
  const named = (node: Node | null | undefined, kind: Binding['kind']): Binding | undefined => {
    if (!node) return undefined;
    if (/identifier$/.test(node.type) || node.type === 'property_identifier') return { name: node.text, nameSpan: nodeSpan(node), kind };
    const literal = stringLiteral(node);
    if (literal) return { name: literal.value, nameSpan: literal.contentSpan, kind };
    // `this.apiKey = …`, `app.secret_key = …`, `cfg.Password = …`, `app.config["SECRET_KEY"] = …`.
    const member = node.childForFieldName('property') ?? node.childForFieldName('attribute') ?? node.childForFieldName('field') ?? node.childForFieldName('index') ?? node.childForFieldName('subscript');
    return member ? named(member, kind) : undefined;
  };
  switch (parent.type) {
    case 'variable_declarator': // JS, Java
      return field('value')?.id === value.id ? named(field('name'), 'declaration') : undefined;
    case 'public_field_definition': // TS class field
    case 'field_definition':
      return field('value')?.id === value.id ? named(field('property') ?? field('name'), 'declaration') : undefined;
    case 'assignment_expression': // JS, Java
    case 'augmented_assignment_expression':
      return field('right')?.id === value.id ? named(field('left'), 'assignment') : undefined;
    case 'assignment': // Python
      return field('right')?.id === value.id ? named(field('left'), 'assignment') : undefined;
    case 'pair': // JS object, Python dict
      return field('value')?.id === value.id ? named(field('key'), 'key') : undefined;
    case 'keyword_argument': // Python
      return field('value')?.id === value.id ? named(field('name'), 'argument') : undefined;
    case 'literal_element': // Go composite literal: keyed_element(key: literal_element, value: literal_element)
      return parent.parent?.type === 'keyed_element' && parent.parent.childForFieldName('value')?.id === parent.id ? named(parent.parent.childForFieldName('key')?.namedChildren[0], 'key') : undefined;
    case 'expression_list': // Go: positional pairing of names and values
      return goPositional(value, parent, childrenOf);
    case 'argument_list':
    case 'arguments':
      return argumentBinding(value, parent, childrenOf);
  }
  return undefined;
}

/** `a, b := "1", "2"`, `var x = "v"`, `const k = "v"`, `x = "v"` in Go. */
function goPositional(value: Node, list: Node, childrenOf: ChildrenOf): Binding | undefined {
  const statement = list.parent;
  if (!statement) return undefined;
  const index = childrenOf(list).findIndex((c) => c.id === value.id);
  const names = statement.type === 'var_spec' || statement.type === 'const_spec' ? statement.childrenForFieldName('name') : statement.childForFieldName('left')?.namedChildren ?? [];
  if (statement.childForFieldName('value')?.id !== list.id && statement.childForFieldName('right')?.id !== list.id) return undefined;
  const target = names[index];
  if (!target) return undefined;
  const kind: Binding['kind'] = statement.type === 'const_spec' ? 'const' : statement.type === 'assignment_statement' ? 'assignment' : 'declaration';
  const name = target.type === 'selector_expression' ? target.childForFieldName('field') : target;
  return name ? { name: name.text, nameSpan: nodeSpan(name), kind } : undefined;
}

/** `props.put("password", v)` / `setProperty` (the key names the value), or `builder.password(v)` (the setter does). */
function argumentBinding(value: Node, list: Node, childrenOf: ChildrenOf): Binding | undefined {
  const call = list.parent;
  const args = childrenOf(list).filter((c) => c.type !== 'comment');
  const method = call?.childForFieldName('name') ?? call?.childForFieldName('function')?.childForFieldName('property') ?? call?.childForFieldName('function')?.childForFieldName('attribute');
  if (!call || !method) return undefined;
  if (args.length === 2 && args[1].id === value.id && /^(put|setProperty|set|setdefault)$/.test(method.text)) {
    const key = stringLiteral(args[0]);
    return key && { name: key.value, nameSpan: key.contentSpan, kind: 'argument' };
  }
  if (args.length === 1 && args[0].id === value.id && call.childForFieldName('object') !== null) return { name: method.text, nameSpan: nodeSpan(method), kind: 'argument' };
  return undefined;
}

/** A value in code together with the name it is bound to. */
export interface BoundValue {
  value: Node;
  binding: Binding;
}

/** The child fields that hold a value bound to a name, across the grammars. */
const VALUE_FIELDS = ['value', 'right', 'arguments'];

/**
 * The bindings of one syntax tree, each computed once, however many names and rules ask: the values
 * a node holds in its value fields that are bound to a name ({@link bindingOf}), and the named
 * children of each list they read. Asking per value instead reads a call's argument list once per
 * argument, and a dense file asks for the same nodes once per name hit near them: quadratic.
 */
export class BindingIndex {
  private readonly children = new Map<number, Node[]>();
  private readonly bound = new Map<number, BoundValue[]>();
  private readonly childrenOf: ChildrenOf = (node) => {
    let list = this.children.get(node.id);
    if (!list) this.children.set(node.id, (list = namedChildrenOf(node)));
    return list;
  };

  /** {@link bindingOf}, reading lists through the index. */
  bindingOf(value: Node): Binding | undefined {
    return bindingOf(value, this.childrenOf);
  }

  /** The values in `owner`'s value fields (`value`, `right`, `arguments`, and the lists there) that are bound to a name, in order. */
  boundValues(owner: Node): BoundValue[] {
    let values = this.bound.get(owner.id);
    if (!values) {
      values = [];
      for (const value of this.candidateValues(owner)) {
        const binding = this.bindingOf(value);
        if (binding) values.push({ value, binding });
      }
      this.bound.set(owner.id, values);
    }
    return values;
  }

  private candidateValues(owner: Node): Node[] {
    const values: Node[] = [];
    for (const field of VALUE_FIELDS) {
      const child = owner.childForFieldName(field);
      if (!child) continue;
      // Lists of values: Go's `a, b := "1", "2"`, call arguments, a keyed element's value wrapper.
      if (child.type === 'expression_list' || child.type === 'argument_list' || child.type === 'arguments' || child.type === 'literal_element') values.push(...this.childrenOf(child));
      else values.push(child);
    }
    return values;
  }
}

const indexes = new WeakMap<Tree, BindingIndex>();

/** The binding index of a tree, built as it is asked and kept while the tree lives (every rule on one parse shares it). */
export function bindingIndex(tree: Tree): BindingIndex {
  let index = indexes.get(tree);
  if (!index) indexes.set(tree, (index = new BindingIndex()));
  return index;
}
