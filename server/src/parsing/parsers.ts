import type { FileKind } from './fileKind';
import { deploymentParser } from './deployment/deploymentParser';
import { procfileParser } from './procfile/procfileParser';
import { dotenvParser } from './dotenv/dotenvParser';
import { springParser } from './spring/springParser';
import type { Position, SourceFile } from './sourceFile';
import { ParseError } from './parseError';
import { codeHeaderEnd, codeStatementStart, editCodeModel, parseCode } from './code/parseCode';
import type { CodeModel } from './code/codeModel';
import { envReadsOf } from './code/env/envRead';
import { registerFactExtractor, type FileFacts } from '../workspace/facts';
import { boundEnvPrefixes, readsWholeEnv } from './code/env/wholeEnv';
import { parseDockerfile, type DockerfileModel } from './dockerfile/dockerfileModel';
import { dockerfileFacts } from './dockerfile/dockerfileFacts';
import { reparseDockerfile } from './dockerfile/editedModel';
import { parseLogConfig } from './logconfig/logConfigModel';

/** How one file kind is parsed into the model its rules read. */
export interface KindParser<Model> {
  /**
   * Parses the text; throws {@link ParseError} for input that cannot be analysed. `previous` is the
   * model of an older version of the same file that {@link KindParser.edit} has kept in step with
   * every change since, for parsers that reparse incrementally.
   */
  parse(file: SourceFile, previous?: Model): Model;
  /**
   * `parse` takes the model of any earlier text of the file as `previous` and finds the edit by
   * comparing the texts (a Dockerfile parses again only the instruction a keystroke changed), so
   * the cache passes its latest model without {@link KindParser.edit}.
   */
  diffsText?: boolean;
  /**
   * Frees a model's native memory (a tree-sitter tree lives in WASM memory, which no garbage
   * collector sees soon enough); the model must not be used afterwards. Only such parsers have it.
   */
  dispose?(model: Model): void;
  /** Tells a model about one text change, so that `parse` can reuse it; only incremental parsers have it. */
  edit?(model: Model, change: TextChange): void;
  /**
   * The offset where the statement containing `offset` starts (a Dockerfile instruction spanning
   * several lines, a YAML block). A `disable-next-line` comment above the statement covers it all.
   */
  statementStart?(model: Model, offset: number): number;
  /** Where a `disable-file` comment may be inserted (after parser directives or a shebang). */
  headerEnd?(model: Model): number;
  /**
   * Parts of a parsed file that could not be analysed (one broken YAML document among several): each
   * becomes a `codebase/unparsable-file` finding while the rules run on the rest.
   */
  problems?(model: Model): readonly ParseError[];
  /**
   * The parts of a model that rules of scope `document` can check one at a time (the documents of a
   * multi-document YAML file), each as a model of its own; none for a model of one part.
   */
  parts?(model: Model, file: SourceFile): readonly ModelPart[];
}

/** One part of a parsed file (a YAML document) as a model of its own, for rules of scope `document`. */
export interface ModelPart {
  /** Equal for two parts only when a `document` rule finds the same in both, relative to {@link start}: the part's text, and what else shapes its model. */
  key: string;
  /** Where the part starts in the file. */
  start: number;
  /** The model of the part alone, of the same type as the file's. */
  model: unknown;
}

export { ParseError };

/**
 * One change of a document's text, in the text as it was before the change (tree-sitter's edit
 * shape): the language server forwards each as it arrives, so that a parser can reuse its old tree.
 */
export interface TextChange {
  startIndex: number;
  oldEndIndex: number;
  newEndIndex: number;
  startPosition: Position;
  oldEndPosition: Position;
  newEndPosition: Position;
}

const dockerfile: KindParser<DockerfileModel> = {
  parse: (file, previous) => (previous && reparseDockerfile(file, previous)) || parseDockerfile(file),
  diffsText: true,
  statementStart: (model, offset) => model.instructions.find((i) => i.span.start <= offset && offset <= i.span.end)?.span.start ?? offset,
  headerEnd: (model) => model.headerEnd,
};

const code: KindParser<CodeModel> = {
  parse: parseCode,
  edit: editCodeModel,
  dispose: (model) => model.tree.delete(),
  statementStart: codeStatementStart,
  headerEnd: codeHeaderEnd,
};

// Code contributes the variables it reads to the workspace's env contract, and a Dockerfile its image's.
registerFactExtractor('code', (model) => {
  const code = model as CodeModel;
  const facts: FileFacts = {
    envReads: envReadsOf(code).map((r) => (r.property ? { name: r.name, span: r.nameSpan, hasDefault: r.hasDefault, property: r.property } : { name: r.name, span: r.nameSpan, hasDefault: r.hasDefault })),
  };
  if (readsWholeEnv(code)) facts.readsWholeEnv = true;
  const prefixes = boundEnvPrefixes(code);
  if (prefixes.length) facts.envPrefixes = prefixes;
  return facts;
});
registerFactExtractor('dockerfile', (model) => dockerfileFacts(model as DockerfileModel));

/** The parser of each kind that has rules. Kinds without an entry are detected but not yet analysed. */
export const PARSERS: Partial<Record<FileKind, KindParser<unknown>>> = {
  dockerfile: dockerfile as KindParser<unknown>,
  kubernetes: deploymentParser('kubernetes') as KindParser<unknown>,
  cloudfoundry: deploymentParser('cloudfoundry') as KindParser<unknown>,
  compose: deploymentParser('compose') as KindParser<unknown>,
  procfile: procfileParser as KindParser<unknown>,
  dotenv: dotenvParser as KindParser<unknown>,
  spring: springParser as KindParser<unknown>,
  code: code as KindParser<unknown>,
  'log-config': { parse: parseLogConfig } as KindParser<unknown>,
};
