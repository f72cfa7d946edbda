import { envNameOf } from '../../spring/springPlaceholders';
import type { CodeModel } from '../codeModel';
import { textHits } from '../textHits';

/**
 * Code that hands the environment as a whole to something else (a schema validator, a config
 * library, a child process): `cleanEnv(process.env, …)`, `{ ...process.env }`, `dict(os.environ)`,
 * `environ.Env()`, `os.Environ()`, `viper.AutomaticEnv()`, `System.getenv()` as a map, Spring's
 * `Environment.getProperty`. Any variable may be read there, by a name no read in the code spells.
 */
const WHOLE_ENV: Record<CodeModel['language'], RegExp> = {
  javascript: /\bprocess\.env\b(?!\s*(?:\?\.|\.|\[))|\bconvict\s*\(/,
  typescript: /\bprocess\.env\b(?!\s*(?:\?\.|\.|\[))|\bconvict\s*\(/,
  python: /\bos\.environ\b(?!\s*(?:\.get\b|\[|\.setdefault\b|\.pop\b))|\benviron\.Env\s*\(|\bEnv\.read_env\b|\bconfig\s*\(\s*['"]|\bdecouple\b/,
  go: /\bos\.Environ\s*\(|\bAutomaticEnv\s*\(|\benvconfig\.(?:Process|MustProcess)\s*\(|\bkoanf\b/,
  java: /\bSystem\.getenv\s*\(\s*\)(?!\s*\.\s*(?:get|getOrDefault)\s*\()|\.getProperty\s*\(|\bgetRequiredProperty\s*\(|\bBinder\b/,
};

/**
 * Where a JavaScript or TypeScript match can start: at a hit of `process.env` or of the word
 * `convict` (the two never overlap, so every such place is a hit). Unlike the whole expression, whose
 * `\s*` may cross lines, these read one line, so their hits are carried over an edit.
 */
const JS_STARTS = /\bprocess\.env\b|\bconvict\b/g;
const JS_AT = new RegExp(WHOLE_ENV.javascript.source, 'y');

/** True when the code may read variables by names the env-read model cannot see. */
export function readsWholeEnv(model: CodeModel): boolean {
  const text = model.file.text;
  if (model.language !== 'javascript' && model.language !== 'typescript') return WHOLE_ENV[model.language].test(text);
  return textHits(model, JS_STARTS).some((hit) => {
    JS_AT.lastIndex = hit.index;
    return JS_AT.test(text);
  });
}

const CONFIGURATION_PROPERTIES = /@ConfigurationProperties\s*\(\s*(?:(?:prefix|value)\s*=\s*)?"([^"]+)"/g;

/**
 * The env-name prefixes a Spring `@ConfigurationProperties("order.destinations")` class binds: every
 * variable that starts with `ORDER_DESTINATIONS_` sets one of its fields by relaxed binding.
 */
export function boundEnvPrefixes(model: CodeModel): string[] {
  if (model.language !== 'java') return [];
  return [...model.file.text.matchAll(CONFIGURATION_PROPERTIES)].map((m) => `${envNameOf(m[1])}_`);
}
