import type { FileKind } from './fileKind';
import type { SourceFile } from './sourceFile';
import { ParseError } from './parseError';
import { deploymentParser } from './deployment/deploymentParser';
import { procfileParser } from './procfile/procfileParser';
import { dotenvParser } from './dotenv/dotenvParser';
import { springParser } from './spring/springParser';

export { ParseError };
import { parseDockerfile, type DockerfileModel } from './dockerfile/dockerfileModel';

/** How one file kind is parsed into the model its rules read. */
export interface KindParser<Model> {
  /** Parses the text; throws {@link ParseError} for input that cannot be analysed. */
  parse(file: SourceFile): Model;
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
}

const dockerfile: KindParser<DockerfileModel> = {
  parse: parseDockerfile,
  statementStart: (model, offset) => model.instructions.find((i) => i.span.start <= offset && offset <= i.span.end)?.span.start ?? offset,
  headerEnd: (model) => model.headerEnd,
};

/** The parser of each kind that has rules. Kinds without an entry are detected but not yet analysed. */
export const PARSERS: Partial<Record<FileKind, KindParser<unknown>>> = {
  dockerfile: dockerfile as KindParser<unknown>,
  kubernetes: deploymentParser('kubernetes') as KindParser<unknown>,
  cloudfoundry: deploymentParser('cloudfoundry') as KindParser<unknown>,
  compose: deploymentParser('compose') as KindParser<unknown>,
  procfile: procfileParser as KindParser<unknown>,
  dotenv: dotenvParser as KindParser<unknown>,
  spring: springParser as KindParser<unknown>,
};
