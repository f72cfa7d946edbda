import type { FileKind } from '../parsing/fileKind';
import { setupTime } from './limits';
import { ParseError, PARSERS, type KindParser, type TextChange } from '../parsing/parsers';
import type { SourceFile } from '../parsing/sourceFile';

/** A parsed model, or why the file could not be parsed. */
export type ParseOutcome = ({ model: unknown; error?: undefined } | { model?: undefined; error: ParseError }) & {
  /** How long the parse took, in milliseconds (counted against the file's time budget whenever it is linted). */
  ms?: number;
};

interface Entry {
  version: number;
  text: string;
  kind: FileKind;
  outcome: ParseOutcome;
  /**
   * True once the language server forwards the document's changes to the model ({@link ModelCache.edit}):
   * its tree then matches the newest text, and the next parse reuses it.
   */
  inStep?: boolean;
  /** The model was reparsed on its edited tree (not parsed from scratch). */
  incremental?: boolean;
  /** The next request parses afresh even for this version ({@link ModelCache.reparseAfresh}). */
  stale?: boolean;
  /**
   * The model this entry replaced, kept for one more parse of the file and then freed: a lint result
   * of the version before may still be read (a code action, a hover) until the next result replaces
   * it, but nothing reaches two versions back.
   */
  replaced?: { kind: FileKind; model: unknown };
}

/** Frees a model's native memory, if its parser has any (tree-sitter trees live in WebAssembly memory). */
function dispose(kind: FileKind, model: unknown): void {
  if (model !== undefined) PARSERS[kind]?.dispose?.(model);
}

/**
 * Parsed models by file path, reused while the document version and text stay the same. The
 * language server keeps one, so that a configuration change or a code-action request re-runs rules
 * without parsing again.
 */
export class ModelCache {
  private readonly entries = new Map<string, Entry>();
  /** The path of the one model with native memory that a cache of many files keeps. */
  private lastNative?: string;

  /**
   * @param options.keepNativeModels false for a cache over many files (the audit): of the models
   *   whose parser has `dispose` (tree-sitter trees, about 35 bytes of WASM memory per byte of
   *   source), it keeps only the latest and frees the one before, so that a large repository does
   *   not exhaust WebAssembly's memory. Such files are parsed again when asked for again.
   */
  constructor(private readonly options: { keepNativeModels?: boolean } = {}) {}

  /** The model of a file version, parsing it only when the cache has no entry for that version. */
  get(file: SourceFile, kind: FileKind, parser: KindParser<unknown>): ParseOutcome {
    const cached = this.entries.get(file.path);
    if (cached && !cached.stale && cached.version === file.version && cached.kind === kind && cached.text === file.text) return cached.outcome;
    let outcome: ParseOutcome;
    const previous = cached && !cached.stale && cached.kind === kind && (cached.inStep || parser.diffsText) ? cached.outcome.model : undefined;
    const started = performance.now() - setupTime();
    try {
      outcome = { model: previous === undefined ? parser.parse(file) : parser.parse(file, previous) };
    } catch (error) {
      outcome = { error: error instanceof ParseError ? error : new ParseError(error instanceof Error ? error.message : String(error)) };
    }
    outcome.ms = performance.now() - setupTime() - started;
    // Each version of an edited file gets a new tree; left to the garbage collector, which does not
    // see WebAssembly memory, a few versions of a large file exhaust it and the parser aborts for good.
    if (cached?.replaced && cached.replaced.model !== cached.outcome.model) dispose(cached.replaced.kind, cached.replaced.model);
    const replaced = cached?.outcome.model !== undefined ? { kind: cached.kind, model: cached.outcome.model } : undefined;
    this.entries.set(file.path, { version: file.version, text: file.text, kind, outcome, replaced, incremental: previous !== undefined });
    if (this.options.keepNativeModels === false && parser.dispose && outcome.model !== undefined) this.keepOnlyNative(file.path);
    return outcome;
  }

  /**
   * Tells the cached model of a file about one change of its text (incremental parsing). Changes
   * must arrive in order, each in the text as the previous one left it; a model that missed one is
   * parsed afresh. Does nothing for kinds whose parser does not reparse incrementally.
   */
  edit(path: string, change: TextChange): void {
    const cached = this.entries.get(path);
    const parser = cached && PARSERS[cached.kind];
    if (!cached || cached.outcome.model === undefined || !parser?.edit) return;
    parser.edit(cached.outcome.model, change);
    cached.inStep = true;
  }

  /**
   * Makes the next parse of a file start from scratch instead of from its edited tree, and says
   * whether that can change anything (its latest model was reparsed incrementally, or edits are
   * pending). On broken code, tree-sitter's error recovery can build a different tree when it
   * reparses an edited tree than when it parses the same text afresh; the language server calls this
   * at a save, so that the saved text is analysed as the CLI analyses it.
   */
  reparseAfresh(path: string): boolean {
    const cached = this.entries.get(path);
    if (!cached || !(cached.incremental || cached.inStep)) return false;
    cached.inStep = false;
    cached.stale = true;
    return true;
  }

  private keepOnlyNative(path: string): void {
    const previous = this.lastNative !== undefined && this.lastNative !== path ? this.entries.get(this.lastNative) : undefined;
    if (previous && previous.outcome.model !== undefined) {
      dispose(previous.kind, previous.outcome.model);
      if (previous.replaced) dispose(previous.replaced.kind, previous.replaced.model);
      this.entries.delete(this.lastNative!);
    }
    this.lastNative = path;
  }

  /** Forgets a file (the document was closed); its latest model is left to the garbage collector, as a result may hold it. */
  delete(path: string): void {
    const entry = this.entries.get(path);
    if (entry?.replaced) dispose(entry.replaced.kind, entry.replaced.model);
    this.entries.delete(path);
  }

  /** How many parses are cached; for tests. */
  get size(): number {
    return this.entries.size;
  }
}
