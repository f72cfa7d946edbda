/**
 * The scalar half of the fast YAML path (fastYaml.ts): values resolved exactly as the `yaml` package
 * resolves them with the YAML 1.2 core schema, for the forms the fast path accepts. Anything else
 * throws {@link DECLINED}, and the chunk goes to `yaml`.
 */

import type { YScalar } from './yamlNodes';

/** Thrown to give a chunk up; the one instance is reused, so giving up costs no stack trace. */
export const DECLINED: unique symbol = Symbol('declined');

/** Gives the chunk up to the `yaml` package. */
export function decline(): never {
  throw DECLINED;
}

// The core schema's tests, in the order `yaml` tries them (schema/core/schema.js).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** A plain scalar's value in the core schema: null, boolean, number or the text itself. */
export function resolvePlain(s: string): string | number | boolean | null {
  if (s === '') return null;
  const c = s.charCodeAt(0);
  // Only `~`, `n`, `N`, `t`, `T`, `f`, `F` can begin a null or a boolean, and only digits, signs and
  // dots a number: other plain scalars are strings at once, as most are.
  if (c === 0x7e || c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46) {
    if (s.length > 5) return s;
    if (NULL.test(s)) return null;
    return BOOL.test(s) ? s[0] === 't' || s[0] === 'T' : s;
  }
  if (!((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e)) return s;
  if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}

/** A quoted scalar that closes on its line: its value and the offset after its closing quote. */
export interface Quoted {
  value: string;
  end: number;
}

/** `'…'` from `start` (the quote), closing before `eol`; `''` is a quote. */
export function singleQuoted(text: string, start: number, eol: number): Quoted {
  let value = '';
  let from = start + 1;
  for (let i = text.indexOf("'", from); i !== -1 && i < eol; i = text.indexOf("'", i + 1)) {
    if (text.charCodeAt(i + 1) === 0x27 && i + 1 < eol) {
      value += text.slice(from, i + 1);
      from = ++i + 1;
      continue;
    }
    return { value: value + text.slice(from, i), end: i + 1 };
  }
  return decline();
}

// The escapes of `yaml`'s double-quoted scalars (compose/resolve-flow-scalar.js), but for line breaks.
const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};
const HEX = /^[0-9a-fA-F]+$/;
const QUOTE_OR_ESCAPE = /["\\]/g;

/** `"…"` from `start` (the quote), closing before `eol`, with `yaml`'s escapes. */
export function doubleQuoted(text: string, start: number, eol: number): Quoted {
  let value = '';
  let from = start + 1;
  for (let i = from; i < eol; i++) {
    QUOTE_OR_ESCAPE.lastIndex = i;
    i = QUOTE_OR_ESCAPE.exec(text)?.index ?? eol;
    if (i >= eol) break;
    if (text.charCodeAt(i) === 0x22) return { value: value + text.slice(from, i), end: i + 1 };
    value += text.slice(from, i);
    const next = text[i + 1];
    const length = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
    if (length > 0) {
      const hex = text.slice(i + 2, i + 2 + length);
      const code = hex.length === length && i + 2 + length <= eol && HEX.test(hex) ? parseInt(hex, 16) : -1;
      if (code < 0 || code > 0x10ffff) decline();
      value += String.fromCodePoint(code);
      i += 1 + length;
    } else {
      const escaped = i + 1 < eol && Object.prototype.hasOwnProperty.call(ESCAPES, next) ? ESCAPES[next] : decline();
      value += escaped;
      i++;
    }
    from = i + 1;
  }
  return decline();
}

/**
 * A block scalar's value from its lines, indentation removed (`''` for an empty line), as `yaml`
 * folds and chomps it. `last` is the index of the last line with content (-1: none). Folded
 * scalars with more-indented lines never get here (the caller declines them), nor `+` chomping.
 */
export function blockValue(lines: readonly string[], last: number, folded: boolean, strip: boolean): string {
  if (last < 0) return '';
  let out = '';
  if (!folded) out = lines.slice(0, last + 1).join('\n');
  else {
    let empties = 0;
    let started = false;
    for (let i = 0; i <= last; i++) {
      const line = lines[i];
      if (line === '') {
        empties++;
        continue;
      }
      if (started) out += empties === 0 ? ' ' : '\n'.repeat(empties);
      else out += '\n'.repeat(empties);
      out += line;
      started = true;
      empties = 0;
    }
  }
  return strip ? out : out + '\n';
}

/** A scalar node of the model, its span at `base` + the offsets. */
export function scalarNode(base: number, start: number, end: number, value: string | number | boolean | null, style: string): YScalar {
  return { type: 'scalar', span: { start: base + start, end: base + end }, value, style, templated: false };
}

/** A first character that no plain scalar or plain key of the fast path starts with. */
export function isIndicator(c: number): boolean {
  // , [ ] { } # & * ! | > ' " % @ ` ? :
  return c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x23 || c === 0x26 || c === 0x2a || c === 0x21 || c === 0x7c
    || c === 0x3e || c === 0x27 || c === 0x22 || c === 0x25 || c === 0x40 || c === 0x60 || c === 0x3f || c === 0x3a;
}
