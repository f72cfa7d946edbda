import { allRules, isCheckedRule } from '../registry';
import { FACTORS, SEVERITY_SETTINGS, type OptionSchema } from '../types';
import { IGNORE_ENTRY_KEYS, TEAM_CONFIG_KEYS } from './teamConfig';

type JsonSchema = Record<string, unknown>;

const severity: JsonSchema = { type: 'string', enum: [...SEVERITY_SETTINGS] };

function optionSchema(option: OptionSchema & { default: unknown }): JsonSchema {
  const schema: JsonSchema = { type: option.type, description: option.description, default: option.default };
  if (option.items) schema.items = { type: option.items.type };
  if (option.enum) schema.enum = [...option.enum];
  if (option.minimum !== undefined) schema.minimum = option.minimum;
  return schema;
}

/**
 * The JSON schema of a `rules` object: one property per rule id and per `factor/*`, each taking a
 * severity or `{ severity, options }` with the rule's own option schema. Used for `.twelve-factor.yaml`
 * and for the `twelveFactor.rules` setting, so both complete the same way.
 */
export function rulesObjectSchema(): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const factor of FACTORS) {
    properties[`${factor}/*`] = { description: `Every rule of the ${factor} factor.`, anyOf: [severity, { type: 'object', properties: { severity }, additionalProperties: false }] };
  }
  for (const rule of allRules()) {
    const options = isCheckedRule(rule) && rule.options ? rule.options : {};
    const optionProps = Object.fromEntries(Object.entries(options).map(([k, o]) => [k, optionSchema(o as OptionSchema & { default: unknown })]));
    properties[rule.id] = {
      description: `${rule.description} (default: ${rule.defaultSeverity})`,
      anyOf: [
        severity,
        {
          type: 'object',
          properties: { severity, options: { type: 'object', properties: optionProps, additionalProperties: false } },
          additionalProperties: false,
        },
      ],
    };
  }
  return { type: 'object', properties, additionalProperties: false };
}

/** The JSON schema of `.twelve-factor.yaml`. */
export function teamConfigSchema(): JsonSchema {
  const patterns = { type: 'array', items: { type: 'string', enum: [...FACTORS.map((f) => `${f}/*`), ...allRules().map((r) => r.id)] } };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Twelve-Factor Guide team configuration (.twelve-factor.yaml)',
    type: 'object',
    properties: {
      rules: { ...rulesObjectSchema(), description: TEAM_CONFIG_KEYS.rules },
      requireReason: { type: 'boolean', default: false, description: TEAM_CONFIG_KEYS.requireReason },
      noInlineSuppress: { ...patterns, description: TEAM_CONFIG_KEYS.noInlineSuppress },
      ignore: {
        type: 'array',
        description: TEAM_CONFIG_KEYS.ignore,
        items: {
          type: 'object',
          required: ['files'],
          properties: {
            files: { type: 'array', items: { type: 'string' }, description: IGNORE_ENTRY_KEYS.files },
            rules: { ...patterns, description: IGNORE_ENTRY_KEYS.rules },
            reason: { type: 'string', description: IGNORE_ENTRY_KEYS.reason },
            expires: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: IGNORE_ENTRY_KEYS.expires },
          },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  };
}
