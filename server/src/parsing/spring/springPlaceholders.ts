import type { Span } from '../sourceFile';

/** A Spring `${name}` or `${name:default}` placeholder in a property value. */
export interface SpringPlaceholder {
  name: string;
  nameSpan: Span;
  /** The default after the first `:`, when there is one (it may itself hold placeholders). */
  default?: string;
  defaultSpan?: Span;
  /** From `${` to `}`. */
  span: Span;
}

/**
 * The placeholders in a Spring property value or a `@Value("…")` string, nested ones in defaults included (`${DATABASE_URL:jdbc:postgresql://${DB_HOST:localhost}/app}`
 * gives DATABASE_URL and DB_HOST), as Spring's PropertyPlaceholderHelper reads them: the name ends at
 * the first `:` outside nested placeholders, and `\${` is an escaped, literal `${`.
 *
 * @param base the file offset of `text[0]`, so that spans point into the file
 */
export function placeholdersIn(text: string, base = 0): SpringPlaceholder[] {
  const found: SpringPlaceholder[] = [];
  for (let i = text.indexOf('${'); i >= 0; i = text.indexOf('${', i + 2)) {
    if (text[i - 1] === '\\') continue;
    const close = closingBrace(text, i + 2);
    if (close < 0) continue;
    const inner = text.slice(i + 2, close);
    const colon = separatorIndex(inner);
    const written = colon < 0 ? inner : inner.slice(0, colon);
    const name = written.trim();
    const nameStart = base + i + 2 + written.indexOf(name);
    const placeholder: SpringPlaceholder = {
      name,
      nameSpan: { start: nameStart, end: nameStart + name.length },
      span: { start: base + i, end: base + close + 1 },
    };
    if (colon >= 0) {
      placeholder.default = inner.slice(colon + 1);
      placeholder.defaultSpan = { start: base + i + 3 + colon, end: base + close };
    }
    found.push(placeholder);
    // Nested placeholders (in the default, or in the name) are found by the scan going on inside this one.
  }
  return found;
}

/** True when a value holds at least one placeholder, so that its final value is decided at startup. */
export function hasSpringPlaceholder(text: string): boolean {
  return placeholdersIn(text).length > 0;
}

/** The index of the `}` that closes a placeholder whose name starts at `from`, or -1. */
function closingBrace(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    if (text.startsWith('${', i)) {
      depth++;
      i++;
    } else if (text[i] === '{') depth++;
    else if (text[i] === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** The first `:` of a placeholder's body outside nested placeholders. */
function separatorIndex(inner: string): number {
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner.startsWith('${', i)) {
      depth++;
      i++;
    } else if (inner[i] === '}') depth--;
    else if (inner[i] === ':' && depth === 0) return i;
  }
  return -1;
}

/** True for a placeholder name written the way environment variables are (`DB_PASSWORD`), not a property path. */
export function isEnvStyleName(name: string): boolean {
  return /^[A-Z][A-Z0-9_]*$/.test(name);
}

/**
 * The environment variable Spring Boot's relaxed binding reads for a property: dots and list
 * brackets become underscores, dashes go, upper case (`spring.datasource.password` →
 * `SPRING_DATASOURCE_PASSWORD`, `my.list[0].api-key` → `MY_LIST_0_APIKEY`).
 */
export function envNameOf(property: string): string {
  return property
    .replace(/\[(\d+)\]/g, '_$1')
    .replace(/-/g, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}
