import { registerFactExtractor, type FileFacts } from '../../workspace/facts';
import type { KindParser } from '../parsers';
import { parseDotenv, type DotenvModel } from './dotenvModel';

/**
 * What a .env file tells other files: a template (`.env.example`) documents the variables the app
 * expects, so its keys count as provided for the env contract. A real `.env` is one developer's
 * local copy, usually not committed, and provides nothing a deploy can rely on.
 */
export function dotenvFacts(model: DotenvModel): FileFacts {
  if (!model.template || model.entries.length === 0) return {};
  return { envProvided: model.entries.map((e) => ({ name: e.key.value, span: e.key.span })) };
}

/** The .env parser: dotenv's grammar with spans; lines dotenv ignores are problems. */
export const dotenvParser: KindParser<DotenvModel> = {
  parse: parseDotenv,
  // A quoted value may span lines: a suppression comment above the entry covers all of them.
  statementStart: (model, offset) => model.entries.find((e) => e.span.start <= offset && offset <= e.span.end)?.span.start ?? offset,
  problems: (model) => model.problems,
};

registerFactExtractor('dotenv', (model) => dotenvFacts(model as DotenvModel));
