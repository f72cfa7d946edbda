import * as path from 'node:path';
import { shellVariableReads } from '../../analysis/shellVariables';
import { registerFactExtractor, type EnvFact, type FileFacts } from '../../workspace/facts';
import type { KindParser } from '../parsers';
import { parseProcfile, type ProcfileModel } from './procfileModel';

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/**
 * What a Procfile tells other files: the variables its commands set for their process
 * (`web: NODE_ENV=production node server.js` provides NODE_ENV to the app), and the variables they expand.
 */
export function procfileFacts(model: ProcfileModel): FileFacts {
  const envProvided: EnvFact[] = [];
  for (const process of model.processes) {
    for (const command of process.commands) {
      for (const word of command.words) {
        if (word.value === 'env' || word.value === 'exec') continue;
        const name = ASSIGNMENT.exec(word.value)?.[1];
        if (!name || word.quoted) break;
        envProvided.push({ name, span: { start: word.span.start, end: word.span.start + name.length }, form: 'literal', value: word.value.slice(name.length + 1, 200) });
      }
    }
  }
  // The platform that runs a Procfile (Heroku, Dokku, buildpacks) runs the code of its folder, and sets PORT.
  const facts: FileFacts = {
    envServices: [{ platform: 'procfile', name: path.basename(model.file.path), nameSpan: { start: 0, end: 0 }, folders: [path.dirname(model.file.path)], provided: envProvided }],
  };
  const envReads = model.processes.flatMap((p) => shellVariableReads(p.command.value, p.command.span.start));
  if (envReads.length) facts.envReads = envReads;
  if (envProvided.length) facts.envProvided = envProvided;
  return facts;
}

/** The Procfile parser: one process per line; unreadable lines are problems, the rest is analysed. */
export const procfileParser: KindParser<ProcfileModel> = {
  parse: parseProcfile,
  problems: (model) => model.problems,
};

registerFactExtractor('procfile', (model) => procfileFacts(model as ProcfileModel));
