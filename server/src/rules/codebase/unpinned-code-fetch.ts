import * as path from 'node:path';
import { branchOfUrl, isMovingRef, movingFetches, type MovingFetch } from '../../analysis/movingFetches';
import { parseShell, type ShellScript } from '../../analysis/shellCommand';
import { defineRule } from '../../engine/defineRule';
import type { RuleContext } from '../../engine/types';
import type { DockerfileModel, DockerInstruction } from '../../parsing/dockerfile/dockerfileModel';
import type { ProcfileModel } from '../../parsing/procfile/procfileModel';

/**
 * Code fetched at build or start time from a branch or `latest`: the image or process no longer
 * follows from one revision of the codebase, so two deploys of one commit can run different code.
 */
export default defineRule<DockerfileModel | ProcfileModel>({
  id: 'codebase/unpinned-code-fetch',
  factor: 'codebase',
  kinds: ['dockerfile', 'procfile'],
  defaultSeverity: 'warning',
  description: 'A Dockerfile or Procfile that fetches code from a moving reference: git clone of a branch, a raw file or archive from a branch URL, go install …@latest, pip install git+… without a tag or commit.',
  rationale: 'A deploy is one revision of one codebase; code pulled from a branch tip at build or start time makes two deploys of the same commit differ.',
  messages: {
    movingFetch: '{{tool}} fetches {{source}} from {{ref}}, which moves: two builds of the same commit can ship different code. Pin a tag or commit (or a released version), or make the code part of this repository.',
  },
  fixable: false,
  check(model, ctx) {
    const fetches = 'processes' in model ? procfileFetches(model) : dockerfileFetches(model, ctx);
    for (const f of fetches) ctx.report({ messageId: 'movingFetch', data: { tool: f.tool, source: f.source, ref: f.ref }, at: f.span });
  },
});

function procfileFetches(model: ProcfileModel): MovingFetch[] {
  if (model.devOnly) return [];
  return movingFetches(model.processes.map((p) => p.script), model.file.text, { goModule: false });
}

function dockerfileFetches(model: DockerfileModel, ctx: RuleContext<Record<string, never>>): MovingFetch[] {
  const scripts: ShellScript[] = [];
  for (const instruction of model.instructions) {
    const command = instruction.command;
    if (!command || instruction.keyword === 'VOLUME') continue;
    scripts.push(command.form === 'shell'
      ? parseShell(command.text, command.span.start, model.escapeChar)
      : { commands: [{ words: command.items.map((i) => ({ ...i, quoted: true })), span: command.span }], separators: [], features: new Set() });
  }
  const goModule = ctx.workspace.readText(path.join(path.dirname(ctx.file.path), 'go.mod')) !== undefined
    || model.instructions.some((i) => i.keyword === 'COPY' && i.sources?.some((s) => path.basename(s.value) === 'go.mod'));
  return [...movingFetches(scripts, model.file.text, { goModule }), ...model.instructions.flatMap(addFetch)];
}

/** `ADD https://…/archive/main.tar.gz` and `ADD https://github.com/o/r.git` (BuildKit's git source) without a fixed `#ref`. */
function addFetch(instruction: DockerInstruction): MovingFetch[] {
  if (instruction.keyword !== 'ADD') return [];
  return (instruction.sources ?? []).flatMap((source): MovingFetch[] => {
    const branch = branchOfUrl(source.value);
    if (branch) return [{ tool: 'ADD', source: source.value, ref: `branch ${branch}`, span: source.span }];
    const git = /^((?:https?|ssh|git):\/\/\S+?\.git|git@[\w.-]+:\S+?\.git)(?:#([^:]*))?(?::.*)?$/.exec(source.value);
    if (!git || (git[2] && (git[2].includes('$') || !isMovingRef(git[2])))) return [];
    return [{ tool: 'ADD', source: git[1], ref: git[2] ? `branch ${git[2]}` : 'the default branch', span: source.span }];
  });
}
