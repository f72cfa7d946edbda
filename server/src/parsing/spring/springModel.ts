import * as path from 'node:path';
import type { ParseError } from '../parseError';
import type { SourceFile, Span } from '../sourceFile';
import type { YScalar } from '../yaml/yamlNodes';

/**
 * How a property's value is written, which decides how a fix may rewrite it: any text in a
 * `.properties` file; a YAML scalar (its node, for its quoting) that sits in block or in flow context;
 * or nothing to rewrite (`key:` with no value, a block scalar).
 */
export type ValueSyntax =
  | { kind: 'properties' }
  | { kind: 'yaml'; node: YScalar; flow: boolean }
  | { kind: 'none' };

/** One property of a Spring configuration file, flattened: `spring.datasource.url` whatever the format. */
export interface SpringProperty {
  /** The flattened name as written (`spring.datasource.url`, `my.list[0]`). */
  name: string;
  /** The value as Spring reads it; empty for `key=` and YAML null. */
  value: string;
  /** The key as written (for YAML, the innermost key of the path). */
  keySpan: Span;
  /** The value as written (quotes and continuations included); empty after the key when there is none. */
  valueSpan: Span;
  syntax: ValueSyntax;
  /** Index of the document (`---` in YAML, `#---` in .properties). */
  document: number;
  /** The profile the document is active in: its `spring.config.activate.on-profile` (or legacy `spring.profiles`), else the file's. */
  profile?: string;
}

/** A parsed Spring configuration file (`application*.properties`, `application*.yml`, `bootstrap*.yml`). */
export interface SpringModel {
  file: SourceFile;
  format: 'properties' | 'yaml';
  /** The profile the file name gives (`application-prod.yml` → `prod`). */
  fileProfile?: string;
  properties: SpringProperty[];
  problems: ParseError[];
  /** Under `src/test/` (or another test source set): configuration of tests, not of a deployed app. */
  testResource: boolean;
}

/** The properties that activate a document for a profile. */
const ACTIVATION = ['spring.config.activate.on-profile', 'spring.profiles'];

/** The profile a file name gives: `application-prod.properties` → `prod`, `bootstrap-dev.yml` → `dev`. */
export function profileOfFile(filePath: string): string | undefined {
  return /^(?:application|bootstrap)-(.+)\.(?:properties|ya?ml)$/i.exec(path.basename(filePath.replace(/\\/g, '/')))?.[1];
}

/** True for a file under a test source set (`src/test/resources`, `src/integrationTest/…`). */
export function isTestResource(filePath: string): boolean {
  return /(^|\/)src\/(test|it|integrationTest|testFixtures)[A-Za-z]*\//.test(filePath.replace(/\\/g, '/'));
}

/** Sets each property's profile from its document's activation property, or the file's profile. */
export function assignProfiles(properties: SpringProperty[], fileProfile: string | undefined): void {
  const byDocument = new Map<number, string>();
  for (const p of properties) if (ACTIVATION.includes(p.name) && p.value) byDocument.set(p.document, p.value);
  for (const p of properties) {
    const profile = byDocument.get(p.document) ?? fileProfile;
    if (profile) p.profile = profile;
  }
}

/** The property whose key or value contains an offset: a `disable-next-line` comment above its key covers it. */
export function propertyAt(model: SpringModel, offset: number): SpringProperty | undefined {
  return model.properties.find((p) => p.keySpan.start <= offset && offset <= Math.max(p.valueSpan.end, p.keySpan.end));
}
