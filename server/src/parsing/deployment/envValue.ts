import type { Span } from '../sourceFile';
import type { YScalar } from '../yaml/yamlNodes';
import type { EnvValue } from './deploymentModel';

// `${VAR}`, `${VAR:-x}`, `$VAR` (compose interpolation), `((var))` (CF), `$(VAR)` (Kubernetes dependent env).
const PLACEHOLDER = /\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\(\([^)]*\)\)|\$\([A-Za-z_][A-Za-z0-9_]*\)/;

/**
 * Classifies a scalar env value: a template expression or a deploy-time placeholder is never a
 * literal, so no rule can mistake `${DB_PASSWORD}`, `((db-password))` or `{{ .Values.password }}`
 * for a secret written in the manifest.
 */
export function classifyScalar(node: YScalar, text = node.value === null ? '' : String(node.value), span: Span = node.span): EnvValue {
  if (node.templated || PLACEHOLDER.test(text) || text.includes('{{')) return { type: 'placeholder', text, span, node };
  if (node.value === null) return { type: 'empty', span };
  return { type: 'literal', text, span, node };
}

/** True when a text holds a deploy-time placeholder (`${VAR}`, `((var))`, `$(VAR)`). */
export function hasPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text) || text.includes('{{');
}

/**
 * Where a literal's text starts in the file, when it is written character for character (plain, or
 * quoted without escapes): offsets inside the value then map to the file by adding this start.
 * Undefined for a value with escapes or folding, whose parts have no exact span.
 */
export function literalTextStart(source: string, value: { text: string; span: Span }): number | undefined {
  const written = source.slice(value.span.start, value.span.end);
  if (written === value.text) return value.span.start;
  const quote = written[0];
  if ((quote === '"' || quote === "'") && written.length === value.text.length + 2 && written.endsWith(quote) && written.slice(1, -1) === value.text) {
    return value.span.start + 1;
  }
  return undefined;
}
