import type { Node } from 'web-tree-sitter';
import type { TextEdit } from '../../../engine/types';
import type { CodeModel } from '../codeModel';

/**
 * Go's idiom for an env var with a default, inserted before the statement that holds `inside`:
 *
 *     port := os.Getenv("PORT")
 *     if port == "" {
 *         port = "8080"
 *     }
 *
 * Returns the edit and the variable's name (`port`, or `name` + `Value` when the function already
 * uses that name), or undefined outside a function body, where Go allows no statements.
 */
export function goEnvDefault(model: CodeModel, inside: Node, envName: string, variable: string, fallback: string): { edit: TextEdit; variable: string } | undefined {
  let statement: Node | null = inside;
  while (statement?.parent && statement.parent.type !== 'statement_list') statement = statement.parent;
  const body = statement?.parent?.parent;
  if (!statement?.parent || body?.type !== 'block') return undefined;
  const fn = body.parent;
  const name = fn && new RegExp(`\\b${variable}\\b`).test(fn.text) ? `${variable}Value` : variable;
  const text = model.file.text;
  const lineStart = text.lastIndexOf('\n', statement.startIndex - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, statement.startIndex))?.[0] ?? '\t';
  const eol = model.file.eol;
  const lines = [`${name} := os.Getenv("${envName}")`, `if ${name} == "" {`, `\t${name} = ${fallback}`, '}'];
  return { edit: { span: { start: statement.startIndex, end: statement.startIndex }, text: lines.map((l) => l + eol + indent).join('') }, variable: name };
}
