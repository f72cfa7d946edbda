import type { Node } from 'web-tree-sitter';
import { anchoredMatches, type CodeModel } from '../codeModel';
import { stringLiteral } from '../strings';
import { readWithDefault, type EnvRead } from './envRead';

/** Names every pattern below needs: the query runs only on statements that contain one. */
const ANCHOR = /\b(Getenv|LookupEnv)\b|\benv(config)?:"/g;

const READS = `
(call_expression function: (selector_expression operand: (identifier) @os field: (field_identifier) @fn) arguments: (argument_list . [(interpreted_string_literal) (raw_string_literal)] @key .) (#eq? @os "os") (#match? @fn "^(Getenv|LookupEnv)$")) @read
(field_declaration tag: (raw_string_literal) @tag)
`;

/** `os.Getenv("X")` and `os.LookupEnv("X")` (with the `if v == "" { v = d }` idiom as default), and `env:"X"` / `envconfig:"X"` struct tags. */
export function goEnvReads(model: CodeModel): EnvRead[] {
  const reads: EnvRead[] = [];
  for (const m of anchoredMatches(model, ANCHOR, READS)) {
    const tag = m.get('tag');
    if (tag) {
      reads.push(...tagReads(tag));
      continue;
    }
    const key = stringLiteral(m.get('key'));
    const read = m.get('read')!;
    if (key) reads.push(readWithDefault(key.value, key.contentSpan, read, idiomaticDefault(read, m.get('fn')!.text === 'LookupEnv')));
  }
  return reads;
}

/**
 * The default of Go's idiom: the read assigned to a variable, then `if v == "" { v = d }` (Getenv)
 * or `if !ok { v = d }` (LookupEnv) in the next statement.
 */
function idiomaticDefault(read: Node, lookup: boolean): Node | undefined {
  const values = read.parent;
  const statement = values?.parent;
  if (values?.type !== 'expression_list' || !statement || !/^(short_var_declaration|assignment_statement)$/.test(statement.type)) return undefined;
  if (values.namedChildren.length !== 1) return undefined;
  const targets = statement.childForFieldName('left')?.namedChildren ?? [];
  const variable = targets[0]?.text;
  const ok = targets[1]?.text;
  const next = statement.nextNamedSibling;
  if (!variable || next?.type !== 'if_statement') return undefined;
  const condition = next.childForFieldName('condition')?.text.replace(/\s+/g, '');
  const expected = lookup ? [`!${ok}`] : [`${variable}==""`, `""==${variable}`, `len(${variable})==0`];
  if (!condition || !expected.includes(condition)) return undefined;
  const body = next.childForFieldName('consequence');
  const assignment = body?.descendantsOfType('assignment_statement')[0];
  if (!assignment || assignment.childForFieldName('left')?.text !== variable) return undefined;
  return assignment.childForFieldName('right')?.namedChildren[0] ?? undefined;
}

/** caarlos0/env `env:"X" envDefault:"d"`, sethvargo/go-envconfig `env:"X,default=d"` and kelseyhightower/envconfig `envconfig:"X" default:"d"`. */
function tagReads(tag: Node): EnvRead[] {
  const literal = stringLiteral(tag);
  if (!literal) return [];
  const pairs = new Map<string, { value: string; start: number }>();
  const pair = /([A-Za-z_][\w-]*):"((?:[^"\\]|\\.)*)"/g;
  for (let m = pair.exec(literal.value); m; m = pair.exec(literal.value)) {
    pairs.set(m[1], { value: m[2], start: literal.contentSpan.start + m.index + m[1].length + 2 });
  }
  const reads: EnvRead[] = [];
  for (const [key, defaultKey] of [['env', 'envDefault'], ['envconfig', 'default']] as const) {
    const found = pairs.get(key);
    const name = found?.value.split(',')[0];
    if (!found || !name || name === '-') continue;
    // sethvargo/go-envconfig writes the default as an option: `env:"PORT,default=8080"`.
    const option = /,default=(.*)$/.exec(found.value);
    const fallback = pairs.get(defaultKey) ?? (option ? { value: option[1], start: found.start + option.index + ',default='.length } : undefined);
    const read: EnvRead = { name, nameSpan: { start: found.start, end: found.start + name.length }, span: { start: tag.startIndex, end: tag.endIndex }, hasDefault: !!fallback };
    if (fallback) Object.assign(read, { default: fallback.value, defaultSpan: { start: fallback.start, end: fallback.start + fallback.value.length } });
    reads.push(read);
  }
  return reads;
}
