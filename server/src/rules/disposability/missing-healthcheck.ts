import * as path from 'node:path';
import { defineRule } from '../../engine/defineRule';
import type { WorkspaceFiles } from '../../engine/types';
import type { DeploymentModel, Workload } from '../../parsing/deployment/deploymentModel';
import { imageFamily } from '../../parsing/deployment/composeServices';
import { parseDockerfile } from '../../parsing/dockerfile/dockerfileModel';
import { SourceFile } from '../../parsing/sourceFile';
import { get, items, pairs, str } from '../../parsing/yaml/yamlNodes';

/** A compose service that others wait on with `condition: service_healthy`, but that has no healthcheck. */
export default defineRule<DeploymentModel>({
  id: 'disposability/missing-healthcheck',
  factor: 'disposability',
  kinds: ['compose'],
  defaultSeverity: 'warning',
  description: 'Services without a healthcheck that others depends_on with condition: service_healthy.',
  rationale: 'Fast, robust start-up needs a readiness signal; without one, dependents cannot start at all.',
  messages: {
    noHealthcheck: '{{dependents}} wait for "{{service}}" to be healthy (condition: service_healthy), but it has no healthcheck, so Compose refuses to start them; add a healthcheck that tells when it is ready.',
    disabled: '{{dependents}} wait for "{{service}}" to be healthy (condition: service_healthy), but its healthcheck is disabled, so Compose refuses to start them; enable a healthcheck that tells when it is ready.',
  },
  fixable: false,
  check(model, ctx) {
    const waiting = new Map<string, string[]>();
    for (const service of model.workloads) {
      for (const dependency of pairs(get(service.node, 'depends_on'))) {
        if (str(get(dependency.value, 'condition')) !== 'service_healthy') continue;
        waiting.set(dependency.key, [...(waiting.get(dependency.key) ?? []), service.name]);
      }
    }
    for (const service of model.workloads) {
      const dependents = waiting.get(service.name);
      // `extends` may bring the healthcheck from another file; a service merged in by another file may too.
      if (!dependents || get(service.node, 'extends') || service.templated) continue;
      const state = healthcheckState(service);
      if (state === 'present') continue;
      if (state === 'missing' && imageHealthcheck(service, ctx.file.path, ctx.workspace) !== false) continue;
      const list = dependents.map((d) => `"${d}"`).join(', ');
      ctx.report({ messageId: state === 'disabled' ? 'disabled' : 'noHealthcheck', data: { dependents: list, service: service.name }, at: service.nameSpan });
    }
  },
});

/** The service's own healthcheck test: written, switched off (`disable: true`, `test: ["NONE"]`), or not there. */
function healthcheckState(service: Workload): 'present' | 'disabled' | 'missing' {
  const healthcheck = service.containers[0]?.probes.readiness;
  if (!healthcheck) return 'missing';
  if (str(get(healthcheck, 'disable')) === 'true') return 'disabled';
  const test = get(healthcheck, 'test');
  const first = test?.type === 'seq' ? str(items(test)[0]) : str(test);
  if (first?.toUpperCase() === 'NONE') return 'disabled';
  // Without `test`, the timings apply to the image's own HEALTHCHECK, if it has one.
  return test ? 'present' : 'missing';
}

/**
 * Whether the image compose builds for the service defines a HEALTHCHECK: true or false from the
 * Dockerfile of its `build:` (the target stage and the stages it builds on), undefined when that
 * cannot be read (a remote context, a missing file). Of pulled images only the official database,
 * cache and queue images are known to define none; any other image may (piggymetrics' own images do).
 */
function imageHealthcheck(service: Workload, composePath: string, workspace: WorkspaceFiles): boolean | undefined {
  const build = get(service.node, 'build');
  if (!build) return imageFamily(service) !== undefined ? false : undefined;
  const inline = str(get(build, 'dockerfile_inline'));
  const context = str(build.type === 'scalar' ? build : get(build, 'context')) ?? '.';
  if (inline === undefined && /^[a-z]+:\/\/|^git@|\.git(#|$)/.test(context)) return undefined;
  const dockerfilePath = path.resolve(path.dirname(composePath), context, str(get(build, 'dockerfile')) ?? 'Dockerfile');
  const text = inline ?? workspace.readText(dockerfilePath);
  if (text === undefined) return undefined;
  const model = parseDockerfile(new SourceFile(dockerfilePath, text));
  const target = str(get(build, 'target'))?.toLowerCase();
  let stage = target ? model.stages.find((s) => s.name === target) : model.stages[model.stages.length - 1];
  while (stage) {
    const last = stage.instructions.filter((i) => i.keyword === 'HEALTHCHECK').pop();
    if (last) return !/^\s*NONE\b/i.test(text.slice(last.argsSpan?.start ?? last.span.end, last.span.end));
    stage = stage.parent !== undefined ? model.stages[stage.parent] : undefined;
  }
  return false;
}
