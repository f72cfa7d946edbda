import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';

const SCHEMA = path.resolve(__dirname, '../fixtures/sarif/sarif-2.1.0-rtm.5.json');

let compiled: ValidateFunction | undefined;

/** The ways a log breaks the official SARIF 2.1.0 schema; empty when it is valid. */
export function sarifErrors(log: unknown): string[] {
  compiled ??= sarifValidator();
  return compiled(log) ? [] : (compiled.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/**
 * A validator for the official SARIF 2.1.0 schema (draft-04, see test/fixtures/sarif/README.md). Its
 * `language` pattern is not valid with the `u` flag, hence `unicodeRegExp: false`; the URI and date
 * formats get small checks of their own, since ajv-formats is not a dependency.
 */
function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8'));
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    unicodeRegExp: false,
    formats: {
      uri: (value: string) => URL.canParse(value),
      'uri-reference': (value: string) => !/\s/.test(value) && URL.canParse(value, 'file:///base/'),
      'date-time': (value: string) => !Number.isNaN(Date.parse(value)),
    },
  });
  return ajv.compile(schema);
}
