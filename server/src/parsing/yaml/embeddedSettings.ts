import type { Span } from '../sourceFile';
import type { YScalar } from './yamlNodes';

/** One `key = value` or `key: value` line of a config file embedded in a YAML block scalar. */
export interface EmbeddedSetting {
  key: string;
  /** The value without quotes, a trailing comma or a trailing comment. */
  value: string;
  /** Where the value is written in the file. */
  span: Span;
}

// Files whose lines are code, not settings: `password = os.environ["X"]` reads a secret, it holds none.
const CODE_FILE = /\.(py|js|mjs|cjs|ts|sh|bash|rb|go|java|kt|lua|php|pl|ps1|sql|tpl|tmpl|j2|html)$/i;
// System files whose keys name databases and sources, not credentials (`passwd: files` in nsswitch.conf).
const SYSTEM_FILE = /(^|\/)(nsswitch\.conf|passwd|group|shadow|hosts|resolv\.conf|host\.conf)$/;
const SETTING_LINE = /^(\s*)(?:export\s+)?["']?([A-Za-z_][\w.-]*)["']?\s*[:=]\s*(.*?)\s*$/;

/**
 * The settings of a config file (properties, .env, INI, TOML, YAML or JSON) written as a literal
 * block scalar (`|`) in a manifest, each with the span of its value in the file. Nested values
 * (`{`, `[`, `|`), code-like values (`f(x)`), files named like code and system files such as
 * `nsswitch.conf` are skipped. Only literal blocks
 * are read: their lines stand in the file as they are, so every span is exact.
 */
export function embeddedSettings(fileName: string, scalar: YScalar, source: string): EmbeddedSetting[] {
  if (scalar.style !== 'BLOCK_LITERAL' || typeof scalar.value !== 'string' || CODE_FILE.test(fileName) || SYSTEM_FILE.test(fileName)) return [];
  const out: EmbeddedSetting[] = [];
  let cursor = scalar.span.start;
  for (const line of scalar.value.split('\n')) {
    if (line.trim() === '') continue;
    const at = source.indexOf(line, cursor);
    if (at === -1 || at >= scalar.span.end) break;
    cursor = at + line.length;
    const match = SETTING_LINE.exec(line);
    if (!match) continue;
    const raw = match[3].replace(/\s+[#;].*$/, '').replace(/,$/, '');
    const value = raw.replace(/^(["'])(.*)\1$/, '$2');
    if (value === '' || /^[{[|>&*!]/.test(value) || /[A-Za-z_]\w*\(/.test(value.replace(/^ENC\(/, ''))) continue;
    const start = at + line.indexOf(raw, match[1].length + match[2].length) + (value === raw ? 0 : 1);
    out.push({ key: match[2], value, span: { start, end: start + value.length } });
  }
  return out;
}
