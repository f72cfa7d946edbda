import type { Span } from '../parsing/sourceFile';

/** One `${key:default}` placeholder of a Spring value, with offsets into the text it was found in. */
export interface SpringPlaceholder {
  key: string;
  keySpan: Span;
  /** The whole `${…}`. */
  span: Span;
  /** The text after the first `:`, when there is one (it may hold nested placeholders). */
  default?: string;
  defaultSpan?: Span;
}

/**
 * The `${…}` placeholders of a Spring property value or `@Value` string, nested ones included
 * (`${a:${b:x}}` gives `a` with default `${b:x}`, and `b` with default `x`). `base` is added to every
 * offset, so that spans land in the file. SpEL `#{…}` is not a placeholder. Unclosed ones are skipped.
 */
export function springPlaceholders(text: string, base = 0): SpringPlaceholder[] {
  const out: SpringPlaceholder[] = [];
  for (let i = text.indexOf('${'); i >= 0; i = text.indexOf('${', i + 2)) {
    if (i > 0 && text[i - 1] === '\\') continue;
    const end = closingBrace(text, i + 2);
    if (end < 0) continue;
    const inner = text.slice(i + 2, end);
    const colon = inner.indexOf(':');
    const key = (colon < 0 ? inner : inner.slice(0, colon)).trim();
    if (!key || key.includes('${')) continue;
    const keyStart = i + 2 + inner.indexOf(key);
    const placeholder: SpringPlaceholder = { key, keySpan: { start: base + keyStart, end: base + keyStart + key.length }, span: { start: base + i, end: base + end + 1 } };
    if (colon >= 0) {
      placeholder.default = inner.slice(colon + 1);
      placeholder.defaultSpan = { start: base + i + 3 + colon, end: base + end };
    }
    out.push(placeholder);
  }
  return out;
}

/** The index of the `}` that closes the placeholder whose content starts at `from`, or -1. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text.startsWith('${', i)) {
      depth++;
      i++;
    } else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/**
 * The environment variable that Spring's relaxed binding maps a property key to: `spring.datasource.url`
 * → `SPRING_DATASOURCE_URL`, `app.api-key` → `APP_APIKEY`, `servers[0].host` → `SERVERS_0_HOST`.
 */
export function relaxedEnvName(key: string): string {
  return key
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/-/g, '')
    .replace(/\./g, '_')
    .toUpperCase();
}
