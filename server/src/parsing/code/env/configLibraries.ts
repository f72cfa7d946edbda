import type { Node } from 'web-tree-sitter';
import { envNameOf } from '../../spring/springPlaceholders';
import { anchoredMatches, nodeSpan, type CodeModel } from '../codeModel';
import { stringLiteral } from '../strings';
import { hasTextHit } from '../textHits';
import { readWithDefault, type EnvRead } from './envRead';

/**
 * Env reads through the common config libraries beyond the standard library, whose defaults are
 * fallbacks like any other: python-decouple `config("X", default=…)` and environs `env.str("X", …)`;
 * convict schemas (`env: "X", default: …`), env-var `env.get("X").default(…)` and envalid
 * `cleanEnv(process.env, { X: str({ default: … }) })`; Go viper (`GetString("db.host")` read as
 * `DB_HOST`, `SetDefault`, `BindEnv`); MicroProfile `@ConfigProperty(name = "x", defaultValue = …)`.
 */
export function configLibraryReads(model: CodeModel): EnvRead[] {
  switch (model.language) {
    case 'python':
      return [...(hasTextHit(model, /\bdecouple\b/g) ? decoupleReads(model) : []), ...(hasTextHit(model, /\benvirons\b/g) ? environsReads(model) : [])];
    case 'javascript':
    case 'typescript':
      return [
        ...(hasTextHit(model, /\bconvict\b/g) ? convictReads(model) : []),
        ...(hasTextHit(model, /['"]env-var['"]/g) ? envVarReads(model) : []),
        ...(hasTextHit(model, /\bcleanEnv\b/g) ? envalidReads(model) : []),
      ];
    case 'go':
      return hasTextHit(model, /\bviper\b/g) ? viperReads(model) : [];
    case 'java':
      return hasTextHit(model, /\bConfigProperty\b/g) ? microProfileReads(model) : [];
  }
}

/** A keyword argument's value, or the positional argument at `index` (when given). */
function argument(call: Node, keyword: string, index?: number): Node | undefined {
  const args = call.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => a !== null && a.type !== 'comment') ?? [];
  const named = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === keyword);
  if (named) return named.childForFieldName('value') ?? undefined;
  return index === undefined ? undefined : args.filter((a) => a.type !== 'keyword_argument')[index];
}

/** python-decouple: `config("X", default=…, cast=…)`, also through an `AutoConfig()` or `Config(…)` instance. */
function decoupleReads(model: CodeModel): EnvRead[] {
  const readers = new Set(['config']);
  for (const m of anchoredMatches(model, /\b(AutoConfig|Config)\b/g, '(assignment left: (identifier) @reader right: (call function: [(identifier) (attribute)] @make) (#match? @make "(^|\\\\.)(AutoConfig|Config)$"))')) {
    readers.add(m.get('reader')!.text);
  }
  const anchor = new RegExp(`\\b(${[...readers].join('|')})\\b`, 'g');
  return anchoredMatches(model, anchor, '(call function: (identifier) @reader arguments: (argument_list . (string) @key)) @read').flatMap((m) => {
    const key = stringLiteral(m.get('key'));
    const read = m.get('read')!;
    return key && readers.has(m.get('reader')!.text) ? [readWithDefault(key.value, key.contentSpan, read, argument(read, 'default'))] : [];
  });
}

/** environs: `env = Env()`, then `env("X", d)`, `env.str("X", d)`, `env.int("X", default=d)`. */
function environsReads(model: CodeModel): EnvRead[] {
  const readers = new Set(
    anchoredMatches(model, /\bEnv\b/g, '(assignment left: (identifier) @reader right: (call function: [(identifier) (attribute)] @make) (#match? @make "^(environs\\\\.)?Env$"))').map((m) => m.get('reader')!.text),
  );
  if (readers.size === 0) return [];
  const anchor = new RegExp(`\\b(${[...readers].join('|')})\\b`, 'g');
  return anchoredMatches(model, anchor, '(call function: [(identifier) @reader (attribute object: (identifier) @reader)] arguments: (argument_list . (string) @key)) @read').flatMap((m) => {
    const key = stringLiteral(m.get('key'));
    const read = m.get('read')!;
    return key && readers.has(m.get('reader')!.text) ? [readWithDefault(key.value, key.contentSpan, read, argument(read, 'default', 1))] : [];
  });
}

/** A convict schema entry: an object with `env: "X"`, whose `default` is the fallback. */
function convictReads(model: CodeModel): EnvRead[] {
  return anchoredMatches(model, /\benv\b/g, '(object (pair key: [(property_identifier) (string)] @k value: (string) @key) @entry (#match? @k "^[\'\\"]?env[\'\\"]?$"))').flatMap((m) => {
    const key = stringLiteral(m.get('key'));
    const object = m.get('entry')!.parent!;
    if (!key || !/^[A-Z_][A-Z0-9_]*$/.test(key.value)) return [];
    const fallback = object.namedChildren.find((p) => p?.type === 'pair' && /^['"]?default['"]?$/.test(p.childForFieldName('key')?.text ?? ''));
    return [readWithDefault(key.value, key.contentSpan, object, fallback?.childForFieldName('value'))];
  });
}

/** env-var: `env.get("X")`, with `.default(d)` further along the chain. */
function envVarReads(model: CodeModel): EnvRead[] {
  return anchoredMatches(model, /\bget\b/g, '(call_expression function: (member_expression object: (identifier) @env property: (property_identifier) @get) arguments: (arguments . (string) @key .) (#eq? @get "get")) @read').flatMap((m) => {
    const key = stringLiteral(m.get('key'));
    if (!key || !/^env/i.test(m.get('env')!.text)) return [];
    let whole = m.get('read')!;
    let fallback: Node | undefined;
    // `env.get("X").default("d").asString()`: walk up the chain.
    for (let call = whole.parent?.parent; call?.type === 'call_expression' && call.childForFieldName('function')?.type === 'member_expression'; call = call.parent?.parent) {
      whole = call;
      if (call.childForFieldName('function')?.childForFieldName('property')?.text === 'default') fallback = call.childForFieldName('arguments')?.namedChildren[0] ?? undefined;
    }
    return [readWithDefault(key.value, key.contentSpan, whole, fallback)];
  });
}

/** envalid: the keys of `cleanEnv(process.env, { X: str({ default: d }) })`. */
function envalidReads(model: CodeModel): EnvRead[] {
  return anchoredMatches(model, /\bcleanEnv\b/g, '(call_expression function: (identifier) @clean arguments: (arguments (_) . (object) @spec) (#eq? @clean "cleanEnv"))').flatMap((m) =>
    m.get('spec')!.namedChildren.flatMap((pair) => {
      const key = pair?.type === 'pair' ? pair.childForFieldName('key') : undefined;
      if (!pair || !key) return [];
      const name = key.type === 'property_identifier' ? { value: key.text, span: nodeSpan(key) } : (() => { const s = stringLiteral(key); return s && { value: s.value, span: s.contentSpan }; })();
      if (!name) return [];
      const options = pair.childForFieldName('value')?.childForFieldName('arguments')?.namedChildren[0];
      const fallback = options?.type === 'object' ? options.namedChildren.find((p) => p?.type === 'pair' && p.childForFieldName('key')?.text === 'default') : undefined;
      return [readWithDefault(name.value, name.span, pair, fallback?.childForFieldName('value'))];
    }),
  );
}

/**
 * viper: `GetString("db.host")` reads `DB_HOST` under AutomaticEnv (with the `.`→`_` replacer every
 * project sets, and the `SetEnvPrefix` of the file); `SetDefault("db.host", d)` is its fallback;
 * `BindEnv("db.host", "DATABASE_HOST")` names the variable.
 */
function viperReads(model: CodeModel): EnvRead[] {
  const receivers = new Set(['viper']);
  for (const m of anchoredMatches(model, /\bNew\b/g, '(short_var_declaration left: (expression_list . (identifier) @v) right: (expression_list . (call_expression function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @new))) (#eq? @pkg "viper") (#eq? @new "New"))')) {
    receivers.add(m.get('v')!.text);
  }
  const calls = anchoredMatches(model, /\b(Get\w*|SetDefault|BindEnv|SetEnvPrefix)\b/g, '(call_expression function: (selector_expression operand: (identifier) @v field: (field_identifier) @fn) arguments: (argument_list . (interpreted_string_literal) @key)) @read').filter((m) => receivers.has(m.get('v')!.text));
  const prefix = calls.find((m) => m.get('fn')!.text === 'SetEnvPrefix');
  const prefixText = prefix ? `${stringLiteral(prefix.get('key'))?.value.toUpperCase()}_` : '';
  const reads: EnvRead[] = [];
  for (const m of calls) {
    const fn = m.get('fn')!.text;
    const key = stringLiteral(m.get('key'));
    const read = m.get('read')!;
    if (!key || !/^(Get(String|Int\w*|Bool|Float64|Duration|StringSlice|Uint\w*|Time)?|SetDefault|BindEnv)$/.test(fn)) continue;
    const second = read.childForFieldName('arguments')?.namedChildren[1] ?? undefined;
    const bound = fn === 'BindEnv' ? stringLiteral(second) : undefined;
    if (bound) reads.push(readWithDefault(bound.value, bound.contentSpan, read, undefined));
    else reads.push(readWithDefault(prefixText + key.value.toUpperCase().replace(/[.-]/g, '_'), key.contentSpan, read, fn === 'SetDefault' ? second : undefined));
  }
  return reads;
}

/** MicroProfile Config (Quarkus, Helidon): `@ConfigProperty(name = "db.password", defaultValue = "…")`, read from `DB_PASSWORD`. */
function microProfileReads(model: CodeModel): EnvRead[] {
  return anchoredMatches(model, /\bConfigProperty\b/g, '(annotation name: (_) @a arguments: (annotation_argument_list) @args (#match? @a "(^|\\\\.)ConfigProperty$")) @read').flatMap((m) => {
    const pairs = m.get('args')!.namedChildren.filter((p): p is Node => p?.type === 'element_value_pair');
    const value = (k: string) => pairs.find((p) => p.childForFieldName('key')?.text === k)?.childForFieldName('value') ?? undefined;
    const key = stringLiteral(value('name'));
    if (!key) return [];
    return [readWithDefault(envNameOf(key.value), key.contentSpan, m.get('read')!, value('defaultValue'))];
  });
}
