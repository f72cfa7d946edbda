import type { Node } from 'web-tree-sitter';
import { anchoredMatches, matches, nodeSpan, type CodeModel } from '../codeModel';
import { stringLiteral } from '../strings';
import type { EnvRead } from './envRead';

/**
 * pydantic settings: each annotated field of a `BaseSettings` subclass reads the variable of its
 * name (matched case-insensitively by pydantic, so the upper-case form is the name), after the
 * class's `env_prefix`; `Field(env="X")` (v1) and `Field(validation_alias="X")` (v2) name it
 * directly. A value, a `Field(default)` or a `default_factory` is its default.
 */
export function settingsFieldReads(model: CodeModel): EnvRead[] {
  const reads: EnvRead[] = [];
  const classes = anchoredMatches(model, /\bBaseSettings\b/g, '(class_definition superclasses: (argument_list [(identifier) @base (attribute attribute: (identifier) @base)]) body: (block) @body (#eq? @base "BaseSettings"))');
  for (const m of classes) {
    const body = m.get('body')!;
    const prefix = envPrefix(model, body);
    for (const statement of body.namedChildren) {
      const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
      if (assignment?.type !== 'assignment' || !assignment.childForFieldName('type')) continue;
      const field = assignment.childForFieldName('left');
      if (field?.type !== 'identifier' || field.text === 'model_config') continue;
      reads.push(fieldRead(field, assignment.childForFieldName('right'), prefix));
    }
  }
  return reads;
}

function fieldRead(field: Node, value: Node | null, prefix: string): EnvRead {
  const isField = value?.type === 'call' && /^(Field|pydantic\.Field)$/.test(value.childForFieldName('function')?.text ?? '');
  const args = isField ? (value!.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => a !== null) ?? []) : [];
  const keyword = (name: string) => args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name)?.childForFieldName('value');
  const alias = stringLiteral(keyword('env') ?? keyword('validation_alias') ?? keyword('alias'));
  const read: EnvRead = alias
    ? { name: alias.value, nameSpan: alias.contentSpan, span: nodeSpan(field.parent!), hasDefault: false }
    : { name: (prefix + field.text).toUpperCase(), nameSpan: nodeSpan(field), span: nodeSpan(field.parent!), hasDefault: false };
  const fallback = isField ? (keyword('default') ?? keyword('default_factory') ?? args.find((a) => a.type !== 'keyword_argument')) : value;
  if (fallback && fallback.type !== 'ellipsis') Object.assign(read, { hasDefault: true, default: fallback.text, defaultSpan: nodeSpan(fallback) });
  return read;
}

/** `model_config = SettingsConfigDict(env_prefix="APP_")` or `class Config: env_prefix = "APP_"`. */
function envPrefix(model: CodeModel, body: Node): string {
  const found = matches(model, '(keyword_argument name: (identifier) @key value: (string) @value (#eq? @key "env_prefix")) (assignment left: (identifier) @key right: (string) @value (#eq? @key "env_prefix"))', body);
  return stringLiteral(found[0]?.get('value'))?.value ?? '';
}

