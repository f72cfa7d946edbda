import type { Node } from 'web-tree-sitter';
import { anchoredMatches, type CodeModel } from './codeModel';
import { stringLiteral } from './strings';

/** A port the code binds to, written as a literal: a number (`3000`) or a Go address (`":8080"`). */
export interface ListenPort {
  /** The literal to replace: a number, or a Go address string. */
  literal: Node;
  /** The port argument at the call: the literal itself, or the variable that names it (`app.listen(PORT)`). */
  argument: Node;
  port: number;
  /** For a Go address, the host before the colon (`""` for `":8080"`). */
  host?: string;
  /** The call that listens, for messages (`app.listen`, `http.ListenAndServe`). */
  call: string;
}

type Finder = { anchor: RegExp; query: string };

/** The calls that bind a port, per language; `@port` is the port argument, `@call` names the call. */
const FINDERS: Record<CodeModel['language'], Finder> = {
  javascript: {
    anchor: /\b(listen|serve)\b/g,
    query: `
(call_expression function: (member_expression property: (property_identifier) @m (#eq? @m "listen")) @call arguments: (arguments . [(number) (identifier)] @port))
(call_expression function: (member_expression property: (property_identifier) @m (#eq? @m "listen")) @call arguments: (arguments . (object (pair key: (property_identifier) @k value: [(number) (identifier)] @port (#eq? @k "port")))))
(call_expression function: [(identifier) (member_expression)] @call arguments: (arguments . (object (pair key: (property_identifier) @k value: [(number) (identifier)] @port (#eq? @k "port")))) (#match? @call "(^|\\.)serve$"))`,
  },
  typescript: { anchor: /\blisten\b/g, query: '' },
  python: {
    anchor: /\b(port|HTTPServer|TCPServer|ThreadingHTTPServer|listen|start_server|TCPSite)\b/g,
    query: `
(call function: [(identifier) (attribute)] @call arguments: (argument_list (keyword_argument name: (identifier) @k value: [(integer) (identifier)] @port)) (#eq? @k "port") (#match? @call "(^|\\\\.)(run|run_app|serve|run_simple|start|run_server|listen|start_server|TCPSite)$"))
(call function: (attribute object: (_) @obj attribute: (identifier) @m) @call arguments: (argument_list . [(integer) (identifier)] @port) (#eq? @m "listen") (#match? @obj "(^|_)(app|application)$|http_?server$"))
(call function: [(identifier) (attribute)] @call arguments: (argument_list . (_) . (_) . [(integer) (identifier)] @port) (#match? @call "(^|\\\\.)(start_server|TCPSite)$"))
(call function: [(identifier) (attribute)] @call arguments: (argument_list . (tuple (_) [(integer) (identifier)] @port .)) (#match? @call "(^|\\\\.)(HTTPServer|ThreadingHTTPServer|TCPServer|ThreadingTCPServer)$"))`,
  },
  java: {
    anchor: /\b(ServerSocket|InetSocketAddress|Server|port|start|listen|addHttpListener)\b/g,
    query: `
(object_creation_expression type: (type_identifier) @call arguments: (argument_list . [(decimal_integer_literal) (identifier)] @port) (#match? @call "^(ServerSocket|Server)$"))
(object_creation_expression type: (type_identifier) @call arguments: (argument_list . [(decimal_integer_literal) (identifier)] @port .) (#eq? @call "InetSocketAddress"))
(object_creation_expression type: (type_identifier) @call arguments: (argument_list . (string_literal (string_fragment) @host) . [(decimal_integer_literal) (identifier)] @port .) (#eq? @call "InetSocketAddress") (#match? @host "^(0\\\\.0\\\\.0\\\\.0|localhost|127\\\\.0\\\\.0\\\\.1|::)$"))
(method_invocation name: (identifier) @call arguments: (argument_list . [(decimal_integer_literal) (identifier)] @port) (#eq? @call "addHttpListener"))
(method_invocation name: (identifier) @call arguments: (argument_list . [(decimal_integer_literal) (identifier)] @port .) (#match? @call "^(port|start|listen)$"))`,
  },
  go: {
    anchor: /\b(ListenAndServe|ListenAndServeTLS|Listen|Run|Start|Addr)\b/g,
    query: `
(call_expression function: (selector_expression field: (field_identifier) @m) @call arguments: (argument_list . [(interpreted_string_literal) (identifier)] @port) (#match? @m "^(ListenAndServe|ListenAndServeTLS|Run|Start)$"))
(call_expression function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @m) @call arguments: (argument_list (_) [(interpreted_string_literal) (identifier)] @port .) (#eq? @pkg "net") (#eq? @m "Listen"))
(call_expression function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @m) @call arguments: (argument_list . [(interpreted_string_literal) (identifier)] @port .) (#not-eq? @pkg "net") (#eq? @m "Listen"))
(composite_literal type: (_) @type body: (literal_value (keyed_element key: (literal_element (identifier) @call) value: (literal_element [(interpreted_string_literal) (identifier)] @port))) (#eq? @call "Addr") (#match? @type "Server$"))`,
  },
};
FINDERS.typescript = FINDERS.javascript;

/**
 * Every listen call of a file whose port is a literal, directly or through a variable declared
 * with a literal in the same file (`const PORT = 3000; app.listen(PORT)`). A port read from the
 * environment is no literal, and port 0 (any free port) is not fixed.
 */
export function literalListenPorts(model: CodeModel): ListenPort[] {
  const finder = FINDERS[model.language];
  const out: ListenPort[] = [];
  const seen = new Set<number>();
  for (const m of anchoredMatches(model, finder.anchor, finder.query)) {
    const argument = m.get('port')!;
    const literal = argument.type === 'identifier' ? declaredLiteral(model, argument) : argument;
    if (!literal || seen.has(literal.id)) continue;
    const port = portOf(model, literal);
    if (!port || port.port <= 0 || port.port > 65535) continue;
    seen.add(literal.id);
    out.push({ literal, argument, ...port, call: m.get('call')!.text.replace(/\s+/g, '') });
  }
  return out;
}

function portOf(model: CodeModel, literal: Node): { port: number; host?: string } | undefined {
  if (model.language !== 'go') return /^\d+$/.test(literal.text) ? { port: Number(literal.text) } : undefined;
  const address = /^([\w.-]*|\[[\w:]*\]):(\d+)$/.exec(stringLiteral(literal)?.value ?? '');
  return address ? { port: Number(address[2]), host: address[1] } : undefined;
}

const DECLARATIONS: Record<CodeModel['language'], string> = {
  javascript: '(variable_declarator name: (identifier) @name value: [(number) (string)] @value)',
  typescript: '(variable_declarator name: (identifier) @name value: [(number) (string)] @value)',
  python: '(module (expression_statement (assignment left: (identifier) @name right: [(integer) (string)] @value)))',
  java: '(variable_declarator name: (identifier) @name value: (decimal_integer_literal) @value)',
  go: '[(const_spec name: (identifier) @name value: (expression_list . (_) @value .)) (var_spec name: (identifier) @name value: (expression_list . (_) @value .)) (short_var_declaration left: (expression_list . (identifier) @name .) right: (expression_list . (_) @value .))]',
};

/** The literal a variable is declared with in the file, when it is declared exactly once. */
export function declaredLiteral(model: CodeModel, identifier: Node): Node | undefined {
  const name = identifier.text;
  const found = anchoredMatches(model, new RegExp(`\\b${name}\\b`, 'g'), DECLARATIONS[model.language]).filter((m) => m.get('name')!.text === name);
  const value = found.length === 1 ? found[0].get('value')! : undefined;
  return value && /(number|integer|integer_literal|string|string_literal)$/.test(value.type) ? value : undefined;
}
