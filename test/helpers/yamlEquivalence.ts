import * as assert from 'node:assert/strict';
import { parseFastYaml } from '../../server/src/parsing/yaml/fastYaml';
import { splitDocuments } from '../../server/src/parsing/yaml/yamlDocuments';
import { convertDocument, type YNode } from '../../server/src/parsing/yaml/yamlNodes';
import { parseYaml } from '../../server/src/parsing/yaml/yamlParse';
import { maskTemplates, overlapsTemplate } from '../../server/src/parsing/yaml/yamlTemplates';

/** What the fast path did with one chunk. */
export type ChunkVerdict = 'declined' | 'equal';

/**
 * Parses a document chunk by both paths, as parseYamlFile does for a chunk without template
 * directives, and throws unless the fast path declined or built the very tree of `yaml` +
 * convertDocument (spans, values, styles, order) for a chunk `yaml` reads without any error.
 */
export function compareChunk(text: string, label = ''): ChunkVerdict {
  const fast = parseFastYaml(text, 0);
  if (!fast) return 'declined';
  const doc = parseYaml(text, { prettyErrors: false, uniqueKeys: true, merge: true, strict: false, stringKeys: false });
  assert.deepEqual(doc.errors.map((e) => e.message), [], `the fast path accepts only what yaml reads without error: ${label}\n${text}`);
  const slow: YNode | undefined = doc.contents ? convertDocument(doc, 0, text, []) : undefined;
  assert.deepStrictEqual(fast, slow, `the fast path's tree equals yaml's: ${label}\n${text}`);
  return 'equal';
}

/** The chunks of a file that parseYamlFile parses without templates, in order. */
export function plainChunks(text: string): string[] {
  const masked = maskTemplates(text);
  return splitDocuments(masked.text)
    .filter((chunk) => !overlapsTemplate(chunk, masked.spans))
    .map((chunk) => masked.text.slice(chunk.start, chunk.end));
}

/** Counts of a run over many chunks: how much the fast path takes. */
export interface Acceptance {
  chunks: number;
  accepted: number;
  lines: number;
  acceptedLines: number;
}

/** Compares every template-free chunk of a file, adding to `tally`. */
export function compareFile(text: string, label: string, tally: Acceptance): void {
  for (const chunk of plainChunks(text)) {
    const lines = chunk.split('\n').length;
    tally.chunks++;
    tally.lines += lines;
    if (compareChunk(chunk, label) === 'equal') {
      tally.accepted++;
      tally.acceptedLines += lines;
    }
  }
}
