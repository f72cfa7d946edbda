import { pathToFileURL } from 'node:url';
import type { Location, Position } from 'vscode-languageserver/node';
import * as path from 'node:path';
import { detectSecret, isSecretName, maskSecret } from '../analysis/secrets';
import type { EnvProvider } from '../workspace/envContract';
import { EnvNavigation, type EnvLocation } from '../workspace/envNavigation';
import { extractFacts } from '../workspace/facts';
import type { WorkspaceIndexView } from '../workspace/workspaceIndex';
import { SourceFile } from '../parsing/sourceFile';
import type { DocumentResult } from './documentLinter';

/** Reads a workspace file's text (open documents first). */
type ReadText = (filePath: string) => string | undefined;

/** The env contract's navigation for a linted document, or undefined when its kind has no env facts. */
function navigation(result: DocumentResult | undefined, index: WorkspaceIndexView, readText: ReadText): EnvNavigation | undefined {
  const kind = result?.output.kind?.kind;
  if (!result || !kind || result.output.model === undefined) return undefined;
  const facts = extractFacts(kind, result.output.model, result.file);
  return facts && new EnvNavigation(index, result.file.path, kind, facts, readText);
}

/** Turns spans in any file into LSP locations, reading each file once. */
function locator(result: DocumentResult, readText: ReadText): (at: EnvLocation) => Location {
  const files = new Map<string, SourceFile>([[result.file.path, result.file]]);
  return ({ file, span }) => {
    let source = files.get(file);
    if (!source) files.set(file, (source = new SourceFile(file, readText(file) ?? '')));
    return { uri: pathToFileURL(file).href, range: source.rangeOf(span) };
  };
}

/**
 * The hover section of a variable read: each provider in scope with its file, line and form (a
 * literal value masked when it looks like a secret), or why it counts as provided without one.
 */
export function envHover(result: DocumentResult | undefined, position: Position, index: WorkspaceIndexView, readText: ReadText): string | undefined {
  const nav = navigation(result, index, readText);
  const symbol = nav?.symbolAt(result!.file.offsetAt(position));
  if (!nav || !result || symbol?.kind !== 'read') return undefined;
  const verdict = nav.verdict(symbol.fact);
  const locate = locator(result, readText);
  const base = path.dirname(result.file.path);
  const line = (p: EnvProvider) => {
    const where = locate(p);
    const rel = path.relative(base, p.file).split(path.sep).join('/');
    const value = p.value === undefined ? '' : `: \`${shown(p.name, p.value)}\``;
    return `- [${rel}:${where.range.start.line + 1}](${where.uri}#L${where.range.start.line + 1}) — ${p.form}${value} (${p.via ?? p.service.name})`;
  };
  const parts = [`**${symbol.fact.property ?? symbol.fact.name}**${symbol.fact.hasDefault ? ' (read with a default)' : ''}`];
  if (verdict.providers.length) parts.push(`Provided by:\n${verdict.providers.map(line).join('\n')}`);
  if (verdict.platform) parts.push('Set by the platform the app runs on.');
  if (verdict.anything) parts.push('A source in scope may provide it (an `envFrom` or `env_file` not in the workspace, a template, or a manifest that may run this code among other apps).');
  if (verdict.buildOnly.length) parts.push(`Only a build argument:\n${verdict.buildOnly.map(line).join('\n')}`);
  if (!verdict.providers.length && !verdict.platform && !verdict.anything) {
    parts.push(verdict.services.length ? `Not provided by ${verdict.services.map((s) => path.basename(s.file)).join(', ')}.` : 'No deployment file in the workspace covers this file.');
  }
  return parts.join('\n\n');
}

/** A literal value as a hover may show it: masked when the name or the value looks like a secret. */
function shown(name: string, value: string): string {
  const verdict = detectSecret(name, value);
  if (verdict) return verdict.masked;
  return isSecretName(name) ? maskSecret(value) : value.length > 60 ? `${value.slice(0, 57)}...` : value;
}

/** Go to Definition on a read: the places that provide it. */
export function envDefinition(result: DocumentResult | undefined, position: Position, index: WorkspaceIndexView, readText: ReadText): Location[] {
  const nav = navigation(result, index, readText);
  const symbol = nav?.symbolAt(result!.file.offsetAt(position));
  if (!nav || !result || symbol?.kind !== 'read') return [];
  const verdict = nav.verdict(symbol.fact);
  return [...verdict.providers, ...verdict.buildOnly].map(locator(result, readText));
}

/** Find References: on a provider, the reads it serves; on a read, the other reads of the name and its providers. */
export function envReferences(result: DocumentResult | undefined, position: Position, index: WorkspaceIndexView, readText: ReadText, includeDeclaration: boolean): Location[] {
  const nav = navigation(result, index, readText);
  const symbol = nav?.symbolAt(result!.file.offsetAt(position));
  if (!nav || !result || !symbol) return [];
  const locate = locator(result, readText);
  if (symbol.kind === 'provider') {
    const reads = nav.readsServedBy(symbol).map(locate);
    return includeDeclaration ? [locate({ file: result.file.path, span: symbol.fact.span }), ...reads] : reads;
  }
  const reads = nav.readsOf(symbol.fact.name).filter((r) => includeDeclaration || r.file !== result.file.path || r.span.start !== symbol.fact.span.start);
  return [...reads.map(locate), ...nav.verdict(symbol.fact).providers.map(locate)];
}
