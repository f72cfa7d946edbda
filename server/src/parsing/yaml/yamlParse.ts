import { Document, isMap, isScalar, isSeq, parseAllDocuments, parseDocument, YAMLParseError, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

import { yamlNestingOverflow, type NestingOverflow } from './yamlDepth';

/** Options of {@link parseYaml}; `uniqueKeys` only switches the duplicate-key check on or off. */
export type YamlParseOptions = Omit<ParseOptions & DocumentOptions & SchemaOptions, 'uniqueKeys'> & { uniqueKeys?: boolean };

/**
 * Every YAML text the tool reads goes through here. Two guards make the `yaml` package safe on
 * hostile input: nesting deeper than `MAX_YAML_DEPTH` is refused before the parser sees it (see
 * yamlDepth.ts: the same verdict on the main thread and in a worker), and the duplicate-key check is
 * ours, with a set per map, because `yaml`'s compares each key with every earlier one (quadratic in
 * the keys of one map).
 * The duplicate-key errors are `yaml`'s own (code, message, position), so callers see no difference.
 */
export function parseYaml(text: string, options: YamlParseOptions = {}): Document {
  const tooDeep = yamlNestingOverflow(text);
  if (tooDeep) return refused(tooDeep);
  const doc = parseDocument(text, { ...options, uniqueKeys: false });
  if (options.uniqueKeys !== false) addDuplicateKeyErrors(doc);
  return doc;
}

/** {@link parseYaml} for a text of several documents (`---`): an empty list when it is nested too deep. */
export function parseYamlDocuments(text: string, options: YamlParseOptions = {}): Document[] {
  if (yamlNestingOverflow(text)) return [];
  const docs = parseAllDocuments(text, { ...options, uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [];
  if (options.uniqueKeys !== false) list.forEach(addDuplicateKeyErrors);
  return list as Document[];
}

/** An empty document whose one error says where the text nests too deep. */
function refused(overflow: NestingOverflow): Document {
  const doc = new Document(null);
  doc.errors.push(new YAMLParseError([overflow.offset, overflow.offset + 1], 'BAD_INDENT', `Collections are nested deeper than ${overflow.limit} levels`));
  return doc;
}

/** Adds a DUPLICATE_KEY error at each scalar key that repeats an earlier key of its map, as `yaml` would. */
function addDuplicateKeyErrors(doc: Document): void {
  const found: YAMLParseError[] = [];
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const value = pair.key.value;
          if (seen.has(value)) {
            const at = pair.key.range?.[0] ?? 0;
            found.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
          }
          seen.add(value);
        } else if (pair.key) {
          pending.push(pair.key);
        }
        pending.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) pending.push(item);
    }
  }
  if (found.length === 0) return;
  doc.errors.push(...found);
  doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
}
