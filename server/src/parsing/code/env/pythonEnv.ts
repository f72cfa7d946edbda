import type { Node } from 'web-tree-sitter';
import { anchoredMatches, type CodeModel } from '../codeModel';
import { stringLiteral } from '../strings';
import { readWithDefault, type EnvRead } from './envRead';
import { settingsFieldReads } from './pythonSettings';

const ENVIRON = '[(attribute object: (identifier) @os attribute: (identifier) @environ (#eq? @os "os") (#eq? @environ "environ")) (identifier) @environ (#eq? @environ "environ")]';

/** Names every pattern below needs: the query runs only on statements that contain one. */
const ANCHOR = /\b(environ|getenv)\b/g;

const READS = `
(subscript value: ${ENVIRON} subscript: (string) @key) @read
(call function: (attribute object: ${ENVIRON} attribute: (identifier) @method (#match? @method "^(get|setdefault)$")) arguments: (argument_list . (string) @key)) @read
(call function: [(attribute object: (identifier) @os attribute: (identifier) @getenv (#eq? @os "os")) (identifier) @getenv] arguments: (argument_list . (string) @key) (#eq? @getenv "getenv")) @read
`;

/** `os.environ["X"]`, `os.environ.get("X", d)`, `os.getenv("X", d)`, `… or d`, django-environ calls and pydantic settings fields. */
export function pythonEnvReads(model: CodeModel): EnvRead[] {
  const reads: EnvRead[] = [];
  for (const m of anchoredMatches(model, ANCHOR, READS)) {
    const key = stringLiteral(m.get('key'));
    const read = m.get('read')!;
    if (!key) continue;
    const argument = read.type === 'call' ? defaultArgument(read, 'default') : undefined;
    reads.push(argument ? readWithDefault(key.value, key.contentSpan, read, argument) : withOr(key.value, key.contentSpan, read));
  }
  reads.push(...djangoEnvironReads(model), ...settingsFieldReads(model));
  return reads;
}

/** The second positional argument of a call, or its keyword argument `keyword`. */
export function defaultArgument(call: Node, keyword: string): Node | undefined {
  const args = call.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => a !== null) ?? [];
  const named = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === keyword);
  if (named) return named.childForFieldName('value') ?? undefined;
  const positional = args.filter((a) => a.type !== 'keyword_argument' && a.type !== 'comment');
  return positional[1];
}

/** `os.environ.get("X") or "d"`: the `or` whose left operand is the read supplies the default. */
function withOr(name: string, nameSpan: { start: number; end: number }, read: Node): EnvRead {
  let operand = read;
  while (operand.parent?.type === 'parenthesized_expression') operand = operand.parent;
  const parent = operand.parent;
  const isOr = parent?.type === 'boolean_operator' && parent.childForFieldName('operator')?.text === 'or' && parent.childForFieldName('left')?.id === operand.id;
  return isOr ? readWithDefault(name, nameSpan, parent, parent.childForFieldName('right')) : readWithDefault(name, nameSpan, read, undefined);
}

/** django-environ: `env = environ.Env()`, then `env("X")`, `env.str("X", default=…)`, `env.db("DATABASE_URL")`. */
function djangoEnvironReads(model: CodeModel): EnvRead[] {
  const readers = new Set(
    anchoredMatches(model, /\bEnv\b/g, '(assignment left: (identifier) @reader right: (call function: (attribute object: (identifier) @module attribute: (identifier) @env) (#eq? @module "environ") (#eq? @env "Env")))').map(
      (m) => m.get('reader')!.text,
    ),
  );
  if (readers.size === 0) return [];
  const reads: EnvRead[] = [];
  const anchor = new RegExp(`\\b(${[...readers].join('|')})\\b`, 'g');
  for (const m of anchoredMatches(model, anchor, '(call function: [(identifier) @reader (attribute object: (identifier) @reader)] arguments: (argument_list . (string) @key)) @read')) {
    const key = stringLiteral(m.get('key'));
    if (!key || !readers.has(m.get('reader')!.text)) continue;
    const read = m.get('read')!;
    const fallback = read.childForFieldName('arguments')?.namedChildren.find((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'default');
    reads.push(readWithDefault(key.value, key.contentSpan, read, fallback?.childForFieldName('value')));
  }
  return reads;
}
