/**
 * Messages quote workspace content (image names, keys): flattens line breaks and replaces control
 * characters and bidi overrides, so that a crafted file cannot move the cursor, recolour the terminal
 * or reorder what is shown.
 */
export function printable(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\uFFFD');
}

/**
 * Makes text inert inside a Markdown list item or table cell (never at a line start): the characters
 * that could open emphasis, code, a link, raw HTML, an entity, a cell boundary, strikethrough or
 * GitHub's `$…$` math are backslash-escaped (CommonMark allows escaping any ASCII punctuation).
 */
export function escapeMarkdown(text: string): string {
  return printable(text).replace(/[\\`*_[\]<>|~&$]/g, '\\$&');
}
