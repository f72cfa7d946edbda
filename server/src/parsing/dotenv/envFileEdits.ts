import * as path from 'node:path';
import type { FileChange } from '../../engine/types';

/** Reads a file's text, or undefined when it is absent. */
type ReadText = (absolutePath: string) => string | undefined;

/**
 * The change that appends `KEY=` (never a value: the template is committed) at the end of a .env
 * template, on a line of its own, in the file's line-break style; `create` when it does not exist.
 */
export function appendEnvKey(templatePath: string, text: string | undefined, key: string): FileChange {
  const current = text ?? '';
  const eol = current.includes('\r\n') ? '\r\n' : '\n';
  const lead = current !== '' && !current.endsWith('\n') ? eol : '';
  const change: FileChange = { path: templatePath, edits: [{ span: { start: current.length, end: current.length }, text: `${lead}${key}=${eol}` }] };
  if (text === undefined) change.create = true;
  return change;
}

/** True when a .env text sets or documents a key (`KEY=…`, `export KEY=…`, `# KEY=`). */
export function mentionsEnvKey(text: string, key: string): boolean {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^[ \\t]*(#+[ \\t]*)?(export[ \\t]+)?${escaped}[ \\t]*[=:]`, 'm').test(text);
}

/** The nearest `.env.example` in a folder or above it, up to `top`; undefined when there is none. */
export function nearestEnvExample(dir: string, top: string, readText: ReadText): { path: string; text: string } | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const candidate = path.join(current, '.env.example');
    const text = readText(candidate);
    if (text !== undefined) return { path: candidate, text };
    if (current === path.resolve(top) || path.dirname(current) === current) return undefined;
  }
}
