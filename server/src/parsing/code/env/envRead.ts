import type { Node } from 'web-tree-sitter';
import type { Span } from '../../sourceFile';
import { nodeSpan, type CodeModel } from '../codeModel';
import { configLibraryReads } from './configLibraries';
import { goEnvReads } from './goEnv';
import { javaEnvReads } from './javaEnv';
import { javascriptEnvReads } from './javascriptEnv';
import { pythonEnvReads } from './pythonEnv';

/**
 * One read of an environment variable in code, in any of the languages: `process.env.PORT ?? 3000`,
 * `os.environ.get("PORT", "5000")`, `System.getenv("PORT")`, `os.Getenv("PORT")`, a Spring
 * `@Value("${server.port:8080}")`, a Go `env:"PORT"` struct tag, a pydantic settings field.
 */
export interface EnvRead {
  /** The environment variable's name (for a Spring property, its relaxed-binding form: `server.port` → `SERVER_PORT`). */
  name: string;
  /** Where the name is written (inside the quotes, the identifier, the placeholder key). */
  nameSpan: Span;
  /** The whole read, its default included: `process.env.PORT || 3000`, `os.getenv("X", "d")`. */
  span: Span;
  /** True when the code supplies a value for a missing variable. */
  hasDefault: boolean;
  /** The default as written in the source (`3000`, `"dev"`, `False`), when there is one. */
  default?: string;
  /** Where the default is written. */
  defaultSpan?: Span;
  /** For a Spring placeholder: the property key as written (`server.port`). */
  property?: string;
}

const cache = new WeakMap<CodeModel, EnvRead[]>();

/** Every environment read of a code file, in source order; computed once per model. */
export function envReadsOf(model: CodeModel): EnvRead[] {
  let reads = cache.get(model);
  if (!reads) {
    reads = [...readsByLanguage(model), ...configLibraryReads(model)].sort((a, b) => a.nameSpan.start - b.nameSpan.start);
    cache.set(model, reads);
  }
  return reads;
}

function readsByLanguage(model: CodeModel): EnvRead[] {
  switch (model.language) {
    case 'javascript':
    case 'typescript':
      return javascriptEnvReads(model);
    case 'python':
      return pythonEnvReads(model);
    case 'java':
      return javaEnvReads(model);
    case 'go':
      return goEnvReads(model);
  }
}

/** A read whose default is a node (or none): the fields every language fills the same way. */
export function readWithDefault(name: string, nameSpan: Span, whole: Node, fallback: Node | undefined | null, end: Node = whole): EnvRead {
  const read: EnvRead = { name, nameSpan, span: { start: whole.startIndex, end: end.endIndex }, hasDefault: !!fallback };
  if (fallback) {
    read.default = fallback.text;
    read.defaultSpan = nodeSpan(fallback);
  }
  return read;
}
