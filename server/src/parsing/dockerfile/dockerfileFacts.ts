import * as path from 'node:path';
import { shellVariableReads } from '../../analysis/shellVariables';
import type { EnvFact, FileFacts } from '../../workspace/facts';
import { effectiveStartup, runtimeStages, type DockerfileModel, type DockerInstruction } from './dockerfileModel';

// A start-up command that runs a script or a program the analysis cannot read, which may read variables itself.
const SCRIPT = /\.(sh|bash|rb|pl|php)\b|(^|[\s/"'[])(docker-entrypoint|entrypoint|start|run|boot)\b/;

/**
 * What a Dockerfile tells the env contract: the image as a service whose code is the Dockerfile's
 * folder, providing its runtime stages' `ENV` (and every `ARG`, marked as build-time only, which the
 * running app never sees); and the variables its CMD and ENTRYPOINT expand, as reads.
 */
export function dockerfileFacts(model: DockerfileModel): FileFacts {
  const file = model.file;
  const provided: EnvFact[] = [];
  const runtime = new Set(runtimeStages(model).map((s) => s.index));
  for (const instruction of model.instructions) {
    if (instruction.keyword === 'ENV' && runtime.has(instruction.stage)) {
      for (const p of instruction.properties ?? []) {
        const value = p.value?.value ?? '';
        provided.push(value.includes('$') ? { name: p.name.value, span: p.name.span, form: 'placeholder' } : { name: p.name.value, span: p.name.span, form: 'literal', value: value.slice(0, 200) });
      }
    } else if (instruction.keyword === 'ARG') {
      for (const p of instruction.properties ?? []) provided.push({ name: p.name.value, span: p.name.span, form: 'build' });
    }
  }
  const { cmd, entrypoint } = effectiveStartup(model);
  const startup = [entrypoint, cmd].filter((i): i is DockerInstruction => i !== undefined);
  const envReads = startup.flatMap((i) => shellVariableReads(file.text.slice(i.argsSpan?.start ?? 0, i.argsSpan?.end ?? 0), i.argsSpan?.start ?? 0));
  const dir = path.dirname(file.path);
  const first = model.stages[0]?.image.span ?? { start: 0, end: 0 };
  const facts: FileFacts = {
    envServices: [{ platform: 'dockerfile', name: path.basename(dir), nameSpan: first, folders: [dir], dockerfiles: [file.path], provided }],
  };
  if (startup.some((i) => SCRIPT.test(file.slice(i.argsSpan ?? i.span)))) facts.envServices![0].runsUnreadCode = true;
  if (envReads.length) facts.envReads = envReads;
  return facts;
}
