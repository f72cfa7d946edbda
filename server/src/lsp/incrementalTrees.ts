import type { TextDocumentsConfiguration } from 'vscode-languageserver/node';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextChange } from '../parsing/parsers';
import type { Position } from '../parsing/sourceFile';

/**
 * A `TextDocuments` configuration that reports every change of an open document, one at a time, in
 * the text as the previous change left it (tree-sitter's edit shape). `TextDocuments` applies the
 * client's incremental changes and hides their ranges; the language server forwards them to the
 * model cache, so that code files reparse incrementally on the old tree (`tree.edit`).
 */
export function changeReportingDocuments(onChange: (document: TextDocument, change: TextChange) => void): TextDocumentsConfiguration<TextDocument> {
  return {
    create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, content),
    update(document, changes, version) {
      for (const change of changes) {
        onChange(document, textChange(document, change));
        TextDocument.update(document, [change], version);
      }
      return document;
    },
  };
}

/** One LSP content change as offsets and positions in the document before it; a change without a range replaces everything. */
export function textChange(document: TextDocument, change: TextDocumentContentChangeEvent): TextChange {
  const startIndex = 'range' in change ? document.offsetAt(change.range.start) : 0;
  const oldEndIndex = 'range' in change ? document.offsetAt(change.range.end) : document.getText().length;
  const startPosition = document.positionAt(startIndex);
  return {
    startIndex,
    oldEndIndex,
    newEndIndex: startIndex + change.text.length,
    startPosition,
    oldEndPosition: document.positionAt(oldEndIndex),
    newEndPosition: endOfInsertedText(startPosition, change.text),
  };
}

/**
 * Where inserted text ends. Rows count `\n` only, as tree-sitter counts them (a `\r\n` ends one row;
 * tree-sitter reads its spans by offset, and rows serve only its node positions).
 */
function endOfInsertedText(start: Position, text: string): Position {
  const lastBreak = text.lastIndexOf('\n');
  if (lastBreak < 0) return { line: start.line, character: start.character + text.length };
  let rows = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) rows++;
  return { line: start.line + rows, character: text.length - lastBreak - 1 };
}
