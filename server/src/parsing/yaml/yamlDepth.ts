/**
 * How deep block and flow collections may nest in a YAML document. Real manifests stay below 20;
 * deep CRD schemas reach about 60. The limit is a parser limit, checked on the text before the `yaml`
 * package sees it: its composer recurses, so without the limit the depth at which it overflows the
 * stack decides the verdict, and a worker thread (a larger stack) would disagree with the main thread.
 * Its CST parser is also quadratic in the depth of flow collections.
 */
export const MAX_YAML_DEPTH = 200;

/** Where a text first nests deeper than the limit. */
export interface NestingOverflow {
  offset: number;
  limit: number;
}

/**
 * Finds the first place where collections nest deeper than `limit`, in one linear pass over the text:
 * block levels by indentation (each `- ` and `? ` indicator opens one more), flow levels by brackets
 * outside quotes and comments, block scalars skipped. It may count a level too many (a plain scalar
 * continued on a deeper line), never one too few for YAML that parses.
 */
export function yamlNestingOverflow(text: string, limit = MAX_YAML_DEPTH): NestingOverflow | undefined {
  // The open block collections: their columns, and whether each is a sequence.
  const indents: number[] = [];
  const seqs: boolean[] = [];
  let flow = 0;
  let quote = '';
  let blockScalarParent: number | undefined;
  const tooDeep = (offset: number) => (indents.length + flow > limit ? { offset, limit } : undefined);

  for (let lineStart = 0; lineStart < text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    let pos = lineStart;
    if (!quote && flow === 0) {
      let indent = 0;
      while (text[pos] === ' ') pos++, indent++;
      const first = text[pos];
      const blank = pos >= lineEnd || first === '\r' || first === '#' || (first === '\t' && text.slice(pos, lineEnd).trim() === '');
      if (blank || (blockScalarParent !== undefined && indent > blockScalarParent)) {
        lineStart = lineEnd + 1;
        continue;
      }
      blockScalarParent = undefined;
      if (indent === 0 && /^(---|\.\.\.)(\s|$)/.test(text.slice(pos, pos + 4))) {
        indents.length = 0;
        seqs.length = 0;
        pos += 3;
      } else {
        const seq = (text[pos] === '-' || text[pos] === '?') && isSpaceOrEnd(text, pos + 1, lineEnd);
        while (indents.length > 0 && indents[indents.length - 1] > indent) indents.pop(), seqs.pop();
        // A sequence may sit at its parent key's column (`ports:` / `- name: …`): one level more all the same.
        if (indents[indents.length - 1] === indent && seqs[seqs.length - 1] && !seq) indents.pop(), seqs.pop();
        if (!(indents[indents.length - 1] === indent && seqs[seqs.length - 1] === seq)) indents.push(indent), seqs.push(seq);
        // `- - key: value`: each further indicator opens a collection at the column of what follows it.
        while ((text[pos] === '-' || text[pos] === '?') && isSpaceOrEnd(text, pos + 1, lineEnd)) {
          pos++;
          while (text[pos] === ' ') pos++;
          if (pos >= lineEnd || text[pos] === '#') break;
          const nested = (text[pos] === '-' || text[pos] === '?') && isSpaceOrEnd(text, pos + 1, lineEnd);
          indents.push(pos - lineStart);
          seqs.push(nested);
          const overflow = tooDeep(pos);
          if (overflow) return overflow;
        }
      }
      const overflow = tooDeep(pos);
      if (overflow) return overflow;
    }
    // The rest of the line: quotes, brackets, comments and a block scalar header.
    let tokenStart = true;
    for (; pos < lineEnd; pos++) {
      const c = text[pos];
      if (quote) {
        if (quote === '"' && c === '\\') pos++;
        else if (c === quote) {
          if (quote === "'" && text[pos + 1] === "'") pos++;
          else quote = '';
        }
        continue;
      }
      if (c === ' ' || c === '\t') {
        tokenStart = flow > 0 || tokenStart;
        continue;
      }
      if (c === '#' && (pos === lineStart || /\s/.test(text[pos - 1]))) break;
      if (tokenStart && (c === '"' || c === "'")) {
        quote = c;
        tokenStart = false;
      } else if ((c === '[' || c === '{') && (tokenStart || flow > 0)) {
        flow++;
        const overflow = tooDeep(pos);
        if (overflow) return overflow;
        tokenStart = true;
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
        tokenStart = false;
      } else if (c === ',' && flow > 0) {
        tokenStart = true;
      } else if (c === ':' && isSpaceOrEnd(text, pos + 1, lineEnd)) {
        tokenStart = true;
      } else if (tokenStart && flow === 0 && (c === '|' || c === '>') && /^[|>][-+0-9]*\s*(#.*)?\r?$/.test(text.slice(pos, lineEnd))) {
        // `- |`: the scalar belongs to the sequence item, not to a collection at its own column.
        const own = pos - lineStart === indents[indents.length - 1] && indents.length > 1;
        blockScalarParent = indents[indents.length - (own ? 2 : 1)] ?? 0;
        break;
      } else if (tokenStart && (c === '&' || c === '!')) {
        // An anchor or a tag: the node itself comes after it.
        while (pos + 1 < lineEnd && !/\s/.test(text[pos + 1])) pos++;
      } else {
        // Inside a plain scalar brackets and quotes are text; only `: ` or, in flow, `,` ends it.
        tokenStart = false;
      }
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

function isSpaceOrEnd(text: string, at: number, lineEnd: number): boolean {
  return at >= lineEnd || text[at] === ' ' || text[at] === '\t' || text[at] === '\r';
}

/**
 * The same limit for JSON with comments (`.vscode/settings.json`): `jsonc-parser` recurses per level
 * too. Brackets count outside strings and comments.
 */
export function jsoncNestingOverflow(text: string, limit = MAX_YAML_DEPTH): NestingOverflow | undefined {
  let depth = 0;
  for (let pos = 0; pos < text.length; pos++) {
    const c = text[pos];
    if (c === '"') {
      for (pos++; pos < text.length && text[pos] !== '"' && text[pos] !== '\n'; pos++) if (text[pos] === '\\') pos++;
    } else if (c === '/' && text[pos + 1] === '/') {
      const end = text.indexOf('\n', pos);
      pos = end === -1 ? text.length : end;
    } else if (c === '/' && text[pos + 1] === '*') {
      const end = text.indexOf('*/', pos + 2);
      pos = end === -1 ? text.length : end + 1;
    } else if (c === '[' || c === '{') {
      if (++depth > limit) return { offset: pos, limit };
    } else if ((c === ']' || c === '}') && depth > 0) {
      depth--;
    }
  }
  return undefined;
}
