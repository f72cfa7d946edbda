import { existsSync, readFileSync } from 'node:fs';
import { asSetup } from '../../engine/limits';
import * as path from 'node:path';
import { Language, Parser, Query } from 'web-tree-sitter';

/** The tree-sitter grammars the code rules use; TSX has its own grammar, JSX is part of JavaScript's. */
export const GRAMMARS = ['typescript', 'tsx', 'javascript', 'python', 'java', 'go'] as const;

/** One of {@link GRAMMARS}. */
export type Grammar = (typeof GRAMMARS)[number];

/** The tree-sitter runtime's own WASM file (from web-tree-sitter, which must match its JavaScript). */
export const RUNTIME_WASM = 'web-tree-sitter.wasm';

/** The file name of a grammar's WASM build in @vscode/tree-sitter-wasm, and next to the bundle. */
export function grammarWasm(grammar: Grammar): string {
  return `tree-sitter-${grammar}.wasm`;
}

/**
 * Where the WASM files are: next to the bundle (`server/out`, where the build copies them), or in
 * node_modules when the sources run unbundled (tests through tsx).
 */
function locateWasm(name: string): string {
  const root = path.resolve(__dirname, '../../../..');
  const candidates = [
    path.join(__dirname, name),
    path.join(root, 'node_modules/web-tree-sitter', name),
    path.join(root, 'node_modules/@vscode/tree-sitter-wasm/wasm', name),
  ];
  return candidates.find((c) => existsSync(c)) ?? candidates[0];
}

// The project compiles against ES2022 without the DOM library, which is where WebAssembly is declared.
declare const WebAssembly: { Module: new (bytes: Uint8Array) => object };

let runtime: Promise<void> | undefined;
let runtimeReady = false;
const languages = new Map<Grammar, Language>();
const parsers = new Map<Grammar, Parser>();
const queries = new Map<string, Query>();

/**
 * Starts the tree-sitter runtime. Its Emscripten module can only start asynchronously, while the
 * engine's `lint()` is synchronous, so every front end (server, CLI, test set-up) awaits this once
 * at start-up. Grammars are not loaded here: each one is compiled synchronously on first use
 * (`new WebAssembly.Module` from its bytes, then `Language.loadSync`), so a workspace without Java
 * never pays for the Java grammar. Safe to call many times.
 */
export function prepareCodeParsing(): Promise<void> {
  runtime ??= Parser.init({ locateFile: (name: string) => locateWasm(name) }).then(() => {
    runtimeReady = true;
  });
  return runtime;
}

/** True once {@link prepareCodeParsing} has finished. */
export function codeParsingReady(): boolean {
  return runtimeReady;
}

/** A grammar's language, loaded synchronously on first use and kept. */
export function languageOf(grammar: Grammar): Language {
  let language = languages.get(grammar);
  if (!language) {
    if (!runtimeReady) throw new Error('the tree-sitter runtime is not started (prepareCodeParsing was not awaited)');
    language = asSetup(() => Language.loadSync(new WebAssembly.Module(readFileSync(locateWasm(grammarWasm(grammar))))));
    languages.set(grammar, language);
  }
  return language;
}

/** The one parser of a grammar; parsing is synchronous, so one per grammar is enough. */
export function parserOf(grammar: Grammar): Parser {
  let parser = parsers.get(grammar);
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(languageOf(grammar));
    parsers.set(grammar, parser);
  }
  return parser;
}

/** A query compiled once per grammar and source text. */
export function queryOf(grammar: Grammar, source: string): Query {
  const key = `${grammar}\u0000${source}`;
  let query = queries.get(key);
  if (!query) {
    const language = languageOf(grammar);
    query = asSetup(() => new Query(language, source));
    queries.set(key, query);
  }
  return query;
}

/** Whether a query is compiled already (running it costs less than checking first whether it can match). */
export function isQueryCompiled(grammar: Grammar, source: string): boolean {
  return queries.has(`${grammar}\u0000${source}`);
}

/** The queries compiled so far, by grammar and source (for tests that check another way of matching against them). */
export function compiledQueries(): { grammar: Grammar; source: string }[] {
  return [...queries.keys()].map((key) => {
    const [grammar, source] = key.split('\u0000');
    return { grammar: grammar as Grammar, source };
  });
}
