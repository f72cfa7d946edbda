import { Edit } from 'web-tree-sitter';
import { detectKind } from '../fileKind';
import { ParseError } from '../parseError';
import type { TextChange } from '../parsers';
import type { SourceFile } from '../sourceFile';
import { enclosingStatement, grammarFor, type CodeModel } from './codeModel';
import { carryStatementFacts, markReparsed } from './statementReuse';
import { carryTextHits, recordEdit, recordedEdits } from './textHits';
import { codeParsingReady, parserOf } from './treeSitter';

/**
 * Parses a code file with tree-sitter. Given the previous model of the same file, whose tree has
 * been told about the edits since (`tree.edit`, see {@link editCodeModel}), it reparses
 * incrementally (the old tree is left to the runtime's finalizer: an old result may still hold it). Tree-sitter recovers from syntax errors, so a file being
 * typed still yields a model: broken statements become ERROR nodes that the rules never match.
 */
export function parseCode(file: SourceFile, previous?: CodeModel): CodeModel {
  const language = detectKind(file.path)?.language;
  if (!language) throw new ParseError('not a JavaScript, TypeScript, Python, Java or Go file');
  if (!codeParsingReady()) throw new ParseError('the code parser is not ready yet');
  const grammar = grammarFor(language, file.path);
  const old = previous && previous.grammar === grammar ? previous.tree : undefined;
  const tree = parserOf(grammar).parse(file.text, old);
  if (!tree) throw new ParseError('the code parser gave up on this file');
  const model = { file, language, grammar, tree };
  // The statements the edits did not touch keep their subtrees, and with them what the rules found there.
  if (old) {
    markReparsed(model);
    const edits = recordedEdits(previous!);
    if (edits.length === 1) carryStatementFacts(model, previous!, edits[0], old.getChangedRanges(tree));
    carryTextHits(model, previous!);
  }
  return model;
}

/** Where the statement around an offset starts: a `disable-next-line` comment above it covers all its lines. */
export function codeStatementStart(model: CodeModel, offset: number): number {
  const node = model.tree.rootNode.descendantForIndex(offset);
  const statement = node && enclosingStatement(node);
  return statement?.parent ? statement.startIndex : offset;
}

/** Where a `disable-file` comment goes: after a shebang line, else at the top. */
export function codeHeaderEnd(model: CodeModel): number {
  const text = model.file.text;
  if (!text.startsWith('#!')) return 0;
  const end = text.indexOf('\n');
  return end < 0 ? text.length : end + 1;
}

/** Tells a model's tree about one text change (tree-sitter's `tree.edit`), so that the next parse reuses it. */
export function editCodeModel(model: CodeModel, change: TextChange): void {
  recordEdit(model, change);
  const point = (p: { line: number; character: number }) => ({ row: p.line, column: p.character });
  model.tree.edit(
    new Edit({
    startIndex: change.startIndex,
    oldEndIndex: change.oldEndIndex,
    newEndIndex: change.newEndIndex,
    startPosition: point(change.startPosition),
    oldEndPosition: point(change.oldEndPosition),
    newEndPosition: point(change.newEndPosition),
    }),
  );
}
