import type { Span } from './sourceFile';

/** Input that cannot be analysed, with where and why. */
export class ParseError extends Error {
  constructor(
    message: string,
    readonly span: Span = { start: 0, end: 0 },
  ) {
    super(message);
  }
}
