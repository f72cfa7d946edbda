import type { Document } from 'yaml';
import { ParseError } from '../parseError';
import type { SourceFile, Span } from '../sourceFile';
import { parseFastYaml } from './fastYaml';
import { convertDocument, shiftNode, type YNode } from './yamlNodes';
import { parseYaml } from './yamlParse';
import { maskTemplates, overlapsTemplate } from './yamlTemplates';

/** One document of a YAML file, with spans absolute in the file. */
export interface YamlDocument {
  /** Position among the file's documents, from 0. */
  index: number;
  /** The document's text in the file, from its `---` line. */
  span: Span;
  /** Its root node; undefined for an empty document or one too broken to read. */
  root?: YNode;
  /** The first syntax error, when the document is broken; the other documents are still analysed. */
  error?: ParseError;
  /** The document contains Helm / Go-template directives; it is analysed as far as they allow. */
  templated: boolean;
}

/** A YAML file as documents. */
export interface YamlFile {
  documents: YamlDocument[];
  /** The spans of every `{{ … }}` template directive in the file. */
  templates: Span[];
}

/** A parsed document chunk, before its spans are placed in the file; cached by its text. */
interface ParsedChunk {
  /** `yaml`'s document; none when the fast path (fastYaml.ts) read the chunk and built `converted` itself. */
  doc?: Document;
  /** The syntax error, offsets relative to the chunk. */
  error?: { message: string; start: number; end: number };
  /** The error leaves the tree whole (a repeated key), so the document is still analysed. */
  readable: boolean;
  /** The last conversion of the tree, and the offset it was placed at. */
  converted?: { root: YNode | undefined; start: number };
}

/** Counts of document parses (by either path), for the test that one edit reparses one document; how many the fast path read. */
export const yamlParseStats = { documentsParsed: 0, fastParsed: 0 };

const MAX_CACHED_FILES = 32;
/** Per file path, the chunks of its last parse by text: an edit to one document reparses only that one. */
const chunkCache = new Map<string, Map<string, ParsedChunk[]>>();

/**
 * Splits a YAML file into its documents at `---` / `...` lines and parses each one, reusing the parse
 * of every document whose text did not change since the last parse of this path. The split is sound:
 * YAML forbids a column-0 document marker inside any scalar, so a marker line always starts a new
 * document. Template directives are masked first, so a Helm chart's `{{ }}` never causes a syntax
 * error; a templated document that still does not parse is analysed as far as it goes, without a
 * syntax error (its branches are only valid YAML once rendered).
 */
export function parseYamlFile(file: SourceFile): YamlFile {
  const masked = maskTemplates(file.text);
  const previous = chunkCache.get(file.path);
  const next = new Map<string, ParsedChunk[]>();
  const documents: YamlDocument[] = [];
  for (const chunk of splitDocuments(masked.text)) {
    const text = masked.text.slice(chunk.start, chunk.end);
    const templated = overlapsTemplate(chunk, masked.spans);
    // A tree is placed at one document per parse: the n-th document of the same text gets the n-th tree.
    const same = next.get(text) ?? [];
    const parsed = previous?.get(text)?.[same.length] ?? parseChunk(text, templated, chunk.start);
    if (same.push(parsed) === 1) next.set(text, same);
    const index = documents.length;
    const document: YamlDocument = { index, span: chunk, templated };
    if (parsed.error && !templated) {
      document.error = new ParseError(`YAML syntax error in document ${index + 1}: ${parsed.error.message}`, {
        start: chunk.start + parsed.error.start,
        end: chunk.start + parsed.error.end,
      }, parsed.readable);
    }
    if (!document.error || parsed.readable) document.root = placeRoot(parsed, chunk.start, file.text, masked.spans, templated);
    documents.push(document);
  }
  chunkCache.delete(file.path);
  chunkCache.set(file.path, next);
  if (chunkCache.size > MAX_CACHED_FILES) chunkCache.delete(chunkCache.keys().next().value as string);
  return { documents, templates: masked.spans };
}

/**
 * The document's tree at its place in the file: the cached conversion, moved when the document
 * moved, or a fresh conversion. Templated documents are always
 * converted, since their values are read from the file text around them.
 */
function placeRoot(parsed: ParsedChunk, start: number, text: string, templates: Span[], templated: boolean): YNode | undefined {
  const cached = parsed.converted;
  if (cached && !templated) {
    if (cached.start !== start && cached.root) shiftNode(cached.root, start - cached.start);
    cached.start = start;
    return cached.root;
  }
  const root = parsed.doc ? convertDocument(parsed.doc, start, text, templates) : undefined;
  parsed.converted = { root, start };
  return root;
}

/**
 * Parses one chunk: by the fast path when it reads it (its tree is then placed at `at` already),
 * else by `yaml`. Templated chunks always go to `yaml`: their values are read from the file around them.
 */
function parseChunk(text: string, templated: boolean, at: number): ParsedChunk {
  yamlParseStats.documentsParsed++;
  const fast = templated ? undefined : parseFastYaml(text, at);
  if (fast) {
    yamlParseStats.fastParsed++;
    return { readable: true, converted: { root: fast, start: at } };
  }
  const doc = parseYaml(text, { prettyErrors: false, uniqueKeys: !templated, merge: true, strict: false, stringKeys: false });
  const first = doc.errors[0];
  if (!first) return { doc, readable: true };
  // yaml marks an error at the end of the text one character past it.
  const [start, end] = first.pos.map((p) => Math.min(p, text.length));
  const readable = doc.errors.every((e) => e.code === 'DUPLICATE_KEY');
  // yaml's messages carry a code and sometimes a source excerpt; the first line says it.
  return { doc, readable, error: { message: first.message.split('\n')[0], start, end: Math.max(end, start) } };
}

/** The spans of the documents in a text: each starts at its `---` line (or the file's start). */
export function splitDocuments(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const marker = /^(---|\.\.\.)(?=[ \t\r]|$)/gm;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    if (m.index === 0) continue;
    if (m[1] === '---') {
      spans.push({ start, end: m.index });
      start = m.index;
    }
  }
  spans.push({ start, end: text.length });
  // Chunks holding only markers and comments (a leading licence header, a trailing `---`) are no documents.
  const kept = spans.filter((s) => hasContent(text.slice(s.start, s.end)));
  return kept.length > 0 ? kept : [{ start: 0, end: text.length }];
}

// A line that is not blank, a comment, a bare document marker or a directive (or a marker with content
// after it, `--- {a: 1}`): the chunk holds a document.
const CONTENT_LINE = /^(?:---[ \t]+[^\s#]|(?!(?:---|\.\.\.)(?:[ \t\r]|$))[ \t]*[^\s#%])/m;

function hasContent(chunk: string): boolean {
  return CONTENT_LINE.test(chunk);
}
