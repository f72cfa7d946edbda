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

/**
 * One LSP content change as offsets and positions in the document before it. A change without a
 * range (a client that sends the full text) is narrowed to the part that differs, between the texts'
 * common prefix and suffix, so that tree-sitter reparses only there instead of the whole file.
 */
export function textChange(document: TextDocument, change: TextDocumentContentChangeEvent): TextChange {
  if (!('range' in change)) return differingPart(document, change.text);
  const startIndex = document.offsetAt(change.range.start);
  return changeAt(document, startIndex, document.offsetAt(change.range.end), change.text);
}

function changeAt(document: TextDocument, startIndex: number, oldEndIndex: number, inserted: string): TextChange {
  const startPosition = document.positionAt(startIndex);
  return {
    startIndex,
    oldEndIndex,
    newEndIndex: startIndex + inserted.length,
    startPosition,
    oldEndPosition: document.positionAt(oldEndIndex),
    newEndPosition: endOfInsertedText(startPosition, inserted),
  };
}

/** The change from the document's text to `text`, as the one span that differs (never splitting a `\r\n` or a surrogate pair). */
function differingPart(document: TextDocument, text: string): TextChange {
  const old = document.getText();
  const most = Math.min(old.length, text.length);
  let prefix = 0;
  while (prefix < most && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < most - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  // A boundary inside `\r\n` or inside a surrogate pair moves outward to the whole pair.
  const splits = (s: string, at: number) => at > 0 && at < s.length && ((s[at - 1] === '\r' && s[at] === '\n') || /[\ud800-\udbff]/.test(s[at - 1]));
  while (prefix > 0 && (splits(old, prefix) || splits(text, prefix))) prefix--;
  while (suffix > 0 && (splits(old, old.length - suffix) || splits(text, text.length - suffix))) suffix--;
  return changeAt(document, prefix, old.length - suffix, text.slice(prefix, text.length - suffix));
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
