/** Files above this size are reported, not parsed: real manifests and Dockerfiles are far smaller. */
export const MAX_FILE_CHARS = 2 * 1024 * 1024;

/** Files above this many bytes hold more than `MAX_FILE_CHARS` characters whatever their content (UTF-8 spends at most 3 bytes per UTF-16 unit). */
export const MAX_READ_BYTES = 3 * MAX_FILE_CHARS;

/**
 * Why a text is not analysed at all (the engine reports it as `codebase/unparsable-file`), if it is
 * not. Every parse of a workspace text asks this first: linting, the index's facts, configuration
 * files and the other files rules read.
 */
export function unanalysableText(text: string): 'tooLarge' | 'binary' | undefined {
  if (text.length > MAX_FILE_CHARS) return 'tooLarge';
  if (text.slice(0, 8192).includes('\u0000')) return 'binary';
  return undefined;
}
