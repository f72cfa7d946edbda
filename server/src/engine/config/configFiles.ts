import * as jsonc from 'jsonc-parser';
import { echoSafe } from '../../analysis/secrets';
import { MAX_FILE_CHARS, unanalysableText } from '../limits';
import { jsoncNestingOverflow } from '../../parsing/yaml/yamlDepth';
import { parseYaml } from '../../parsing/yaml/yamlParse';
import { fromJsonc, fromPlain, fromYaml, describeType, type Located } from './locatedValue';
import { emptyTeamConfig, validateRules, validateTeamConfig, type ConfigProblem, type RuleSetting, type TeamConfig, type Validated } from './teamConfig';

/** Reads `.twelve-factor.yaml` text. Syntax errors are problems; the defaults then apply. */
export function readTeamConfig(text: string): Validated<TeamConfig> {
  if (unanalysableText(text)) return unreadConfig('.twelve-factor.yaml', text, emptyTeamConfig());
  const doc = parseYaml(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => ({
      // yaml marks an error at the end of the text one character past it.
      span: { start: Math.min(e.pos[0], text.length), end: Math.min(Math.max(e.pos[1], e.pos[0]), text.length) },
      message: `.twelve-factor.yaml is not valid YAML (${echoWords(e.message.split('\n')[0])}); the defaults apply until it is fixed.`,
    }));
    return { value: emptyTeamConfig(), problems };
  }
  return validateTeamConfig(fromYaml(doc.contents));
}

/** A parser's message with any secret it quotes from the file masked, word by word. */
function echoWords(message: string): string {
  return message.replace(/[^\s"'`(),]+/g, echoSafe);
}

/** A configuration file too large (or binary) to read: it is not applied, and says so at its top. */
function unreadConfig<T>(name: string, text: string, value: T): Validated<T> {
  const why = unanalysableText(text) === 'tooLarge' ? `is larger than ${MAX_FILE_CHARS / 1024} KiB` : 'holds binary content';
  return { value, problems: [{ span: { start: 0, end: 0 }, message: `${name} ${why}, so it is not read; the defaults apply until it is fixed.` }] };
}

/** The `twelveFactor.*` settings this tool reads, as found in one settings source. */
export interface EditorSettings {
  enable?: boolean;
  rules?: Map<string, RuleSetting>;
  baselineFindings?: BaselineFindings;
}

/** How the editor shows findings the baseline accepted: as hints marked "(baseline)", or not at all. */
export type BaselineFindings = 'hint' | 'hide';

const BASELINE_FINDINGS: readonly BaselineFindings[] = ['hint', 'hide'];

/** The settings contributed by the extension, with descriptions (also used by package.json generation). */
export const SETTING_KEYS = ['twelveFactor.enable', 'twelveFactor.rules', 'twelveFactor.baselineFindings', 'twelveFactor.trace.server'] as const;

const TRACE_VALUES = ['off', 'messages', 'verbose'];

/**
 * Reads the `twelveFactor.*` keys of a VS Code settings file (JSON with comments), flat
 * (`"twelveFactor.rules"`) or nested (`"twelveFactor": { "rules" }`). Other keys are not ours.
 */
export function readSettingsJson(text: string): Validated<EditorSettings> {
  if (unanalysableText(text)) return unreadConfig('settings.json', text, {});
  const tooDeep = jsoncNestingOverflow(text);
  if (tooDeep) {
    return { value: {}, problems: [{ span: { start: tooDeep.offset, end: tooDeep.offset + 1 }, message: `settings.json cannot be read (nested deeper than ${tooDeep.limit} levels); twelveFactor settings in it are ignored.` }] };
  }
  const errors: jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !tree) {
    const first = errors[0];
    const span = first ? { start: first.offset, end: first.offset + first.length } : { start: 0, end: 0 };
    const detail = first ? jsonc.printParseErrorCode(first.error) : 'empty document';
    return { value: {}, problems: [{ span, message: `settings.json cannot be read (${detail}); twelveFactor settings in it are ignored.` }] };
  }
  return validateSettings(fromJsonc(tree));
}

/** Validates settings pulled from the editor as a plain object (`{ enable, rules, trace }`). */
export function validateSettingsObject(section: unknown): Validated<EditorSettings> {
  const located = fromPlain(section);
  if (located.type !== 'map') return { value: {}, problems: [] };
  return validateSettings({ ...located, entries: located.entries.map((e) => ({ ...e, key: `twelveFactor.${e.key}` })) });
}

function validateSettings(root: Located): Validated<EditorSettings> {
  const settings: EditorSettings = {};
  const problems: ConfigProblem[] = [];
  if (root.type !== 'map') return { value: settings, problems };
  for (const entry of flattenTwelveFactor(root)) {
    const { key, value } = entry;
    if (key === 'twelveFactor.enable') {
      if (value.type === 'scalar' && typeof value.value === 'boolean') settings.enable = value.value;
      else problems.push({ span: value.span, message: `"twelveFactor.enable" must be true or false, not ${describeType(value)}.` });
    } else if (key === 'twelveFactor.rules') {
      const rules = validateRules(value, 'twelveFactor.rules');
      settings.rules = rules.value;
      problems.push(...rules.problems);
    } else if (key === 'twelveFactor.baselineFindings') {
      if (value.type === 'scalar' && (BASELINE_FINDINGS as readonly unknown[]).includes(value.value)) settings.baselineFindings = value.value as BaselineFindings;
      else problems.push({ span: value.span, message: `"twelveFactor.baselineFindings" must be one of ${BASELINE_FINDINGS.join(', ')}.` });
    } else if (key === 'twelveFactor.trace.server') {
      if (!(value.type === 'scalar' && TRACE_VALUES.includes(String(value.value)))) {
        problems.push({ span: value.span, message: `"twelveFactor.trace.server" must be one of ${TRACE_VALUES.join(', ')}.` });
      }
    } else {
      problems.push({ span: entry.keySpan, message: `Unknown setting "${echoSafe(key)}". Known settings: ${SETTING_KEYS.join(', ')}.` });
    }
  }
  return { value: settings, problems };
}

function flattenTwelveFactor(root: Extract<Located, { type: 'map' }>): { key: string; keySpan: { start: number; end: number }; value: Located }[] {
  const out: { key: string; keySpan: { start: number; end: number }; value: Located }[] = [];
  for (const entry of root.entries) {
    if (entry.key === 'twelveFactor' && entry.value.type === 'map') {
      for (const inner of entry.value.entries) {
        if (inner.key === 'trace' && inner.value.type === 'map') {
          for (const t of inner.value.entries) out.push({ key: `twelveFactor.trace.${t.key}`, keySpan: t.keySpan, value: t.value });
        } else {
          out.push({ key: `twelveFactor.${inner.key}`, keySpan: inner.keySpan, value: inner.value });
        }
      }
    } else if (entry.key.startsWith('twelveFactor.')) {
      out.push(entry);
    }
  }
  return out;
}
