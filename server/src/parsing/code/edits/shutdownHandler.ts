import type { Node } from 'web-tree-sitter';
import type { TextEdit } from '../../../engine/types';
import type { CodeModel } from '../codeModel';
import { importEdits } from './imports';

/**
 * The edits that close a server on SIGTERM, after the statement that starts it:
 * - JavaScript/TypeScript: `const server = app.listen(…)` followed by
 *   `process.on('SIGTERM', () => server.close(() => process.exit(0)));` (an expression statement
 *   `app.listen(…)` is given a `server` constant first);
 * - Go: `http.ListenAndServe(addr, handler)` (alone, in `log.Fatal(…)` or assigned to `err`) becomes an
 *   `http.Server` served from a goroutine, with `signal.Notify` and a `Shutdown` that drains it.
 * Undefined for other shapes (an awaited listen, a server built elsewhere): they need a person.
 */
export function shutdownEdits(model: CodeModel, call: Node): TextEdit[] | undefined {
  const statement = call.parent?.type === 'expression_statement' ? call.parent : call.parent?.type === 'variable_declarator' ? call.parent.parent : undefined;
  if (model.language === 'go') return goShutdown(model, call);
  if (!statement || (model.language !== 'javascript' && model.language !== 'typescript')) return undefined;
  const eol = model.file.eol;
  const indent = indentOf(model, statement);
  if (statement.type === 'lexical_declaration' || statement.type === 'variable_declaration') {
    const name = call.parent!.childForFieldName('name');
    if (name?.type !== 'identifier' || statement.namedChildCount !== 1) return undefined;
    return [{ span: { start: statement.endIndex, end: statement.endIndex }, text: `${eol}${indent}${handler(name.text)}` }];
  }
  const name = /\bserver\b/.test(model.file.text) ? 'httpServer' : 'server';
  return [
    { span: { start: statement.startIndex, end: statement.startIndex }, text: `const ${name} = ` },
    { span: { start: statement.endIndex, end: statement.endIndex }, text: `${eol}${indent}${handler(name)}` },
  ];
}

function handler(server: string): string {
  return `process.on('SIGTERM', () => ${server}.close(() => process.exit(0)));`;
}

function indentOf(model: CodeModel, node: Node): string {
  const text = model.file.text;
  const lineStart = text.lastIndexOf('\n', node.startIndex - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, node.startIndex))?.[0] ?? '';
}

function goShutdown(model: CodeModel, call: Node): TextEdit[] | undefined {
  const fn = call.childForFieldName('function');
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  if (fn?.text !== 'http.ListenAndServe' || args.length !== 2) return undefined;
  // The statement: the call alone, `log.Fatal(call)`, or `err := call` / `err = call`.
  let statement: Node | null = call.parent;
  if (statement?.type === 'argument_list' && statement.parent?.childForFieldName('function')?.text === 'log.Fatal') statement = statement.parent.parent;
  else if (statement?.type === 'expression_list') statement = statement.parent;
  if (!statement || !/^(expression_statement|short_var_declaration|assignment_statement)$/.test(statement.type) || statement.parent?.type !== 'statement_list') return undefined;
  const body = statement.parent.parent!.parent;
  if (body && /\b(srv|stop|ctx|cancel)\b/.test(body.text)) return undefined;
  const [addr, handlerArg] = args;
  const eol = model.file.eol;
  const indent = indentOf(model, statement);
  const fields = handlerArg.text === 'nil' ? `Addr: ${addr.text}` : `Addr: ${addr.text}, Handler: ${handlerArg.text}`;
  const lines = [
    `srv := &http.Server{${fields}}`,
    'go func() {',
    '\tif err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {',
    '\t\tlog.Fatal(err)',
    '\t}',
    '}()',
    'stop := make(chan os.Signal, 1)',
    'signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)',
    '<-stop',
    'ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)',
    'defer cancel()',
    'if err := srv.Shutdown(ctx); err != nil {',
    '\tlog.Print(err)',
    '}',
  ];
  return [{ span: { start: statement.startIndex, end: statement.endIndex }, text: lines.join(eol + indent) }, ...importEdits(model, ['context', 'log', 'os', 'os/signal', 'syscall', 'time'])];
}
