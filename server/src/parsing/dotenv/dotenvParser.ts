import * as path from 'node:path';
import { registerFactExtractor, type EnvFact, type EnvService, type FileFacts } from '../../workspace/facts';
import type { KindParser } from '../parsers';
import { parseDotenv, type DotenvModel } from './dotenvModel';

/**
 * What a .env file tells other files: a template (`.env.example`) documents the variables the app
 * expects, so its keys count as provided (`documented`) for the env contract. A real `.env` is one
 * developer's local copy: it provides locally (`local`), but `envProvided`, what documents the app's
 * config, leaves it out.
 */
export function dotenvFacts(model: DotenvModel): FileFacts {
  if (model.entries.length === 0) return {};
  const form = model.template ? 'documented' : 'local';
  const provided = model.entries.map((e): EnvFact => (form === 'local' ? { name: e.key.value, span: e.key.span, form, value: e.value.slice(0, 200) } : { name: e.key.value, span: e.key.span, form }));
  const service: EnvService = { platform: 'dotenv', name: path.basename(model.file.path), nameSpan: { start: 0, end: 0 }, folders: [path.dirname(model.file.path)], provided };
  return model.template ? { envProvided: provided.map(({ name, span }) => ({ name, span })), envServices: [service] } : { envServices: [service] };
}

/** The .env parser: dotenv's grammar with spans; lines dotenv ignores are problems. */
export const dotenvParser: KindParser<DotenvModel> = {
  parse: parseDotenv,
  // A quoted value may span lines: a suppression comment above the entry covers all of them.
  statementStart: (model, offset) => model.entries.find((e) => e.span.start <= offset && offset <= e.span.end)?.span.start ?? offset,
  problems: (model) => model.problems,
};

registerFactExtractor('dotenv', (model) => dotenvFacts(model as DotenvModel));
