import { defineRule } from '../../engine/defineRule';
import type { DeploymentModel } from '../../parsing/deployment/deploymentModel';
import { isBuiltFromProject, isNonProductionComposeFile } from '../../parsing/deployment/composeServices';
import { removePair } from '../../parsing/yaml/yamlEdits';
import { pairOf, str } from '../../parsing/yaml/yamlNodes';

/** `container_name` on a service built from the project: container names are unique, so it can run only once. */
export default defineRule<DeploymentModel>({
  id: 'concurrency/container-name-blocks-scaling',
  factor: 'concurrency',
  kinds: ['compose'],
  defaultSeverity: 'info',
  description: 'container_name on a service that is built from the project.',
  rationale: 'Processes scale out by running more of them; a fixed container name allows exactly one.',
  messages: {
    fixedName: 'container_name "{{containerName}}" fixes the name of the "{{service}}" container, so `docker compose up --scale {{service}}=2` fails; other services reach it by its service name anyway.',
  },
  fixable: true,
  check(model, ctx) {
    if (isNonProductionComposeFile(ctx.file.path)) return;
    const source = ctx.file.text;
    for (const service of model.workloads) {
      const pair = pairOf(service.node, 'container_name');
      const containerName = str(pair?.value);
      if (!pair?.value || containerName === undefined || !isBuiltFromProject(service)) continue;
      // Another part of the file may use the name as a host name (`DB_HOST=my-db`): then removing it breaks that.
      const skip = [pair.span, ...model.workloads.flatMap((w) => w.containers.flatMap((c) => (c.image ? [c.image.span] : [])))];
      const usedElsewhere = containerName !== service.name && mentions(source, containerName, skip);
      ctx.report({
        messageId: 'fixedName',
        data: { containerName, service: service.name },
        at: pair.value.span,
        fix: usedElsewhere
          ? undefined
          : {
              title: `Remove container_name from "${service.name}"`,
              edits: [removePair(source, service.node, pair)],
              // Scripts outside the file (`docker exec my-app …`) may use the name: a person's choice.
              automatic: false,
            },
      });
    }
  },
});

/** True when the name appears as a word outside the given spans (its own pair, image names). */
function mentions(source: string, name: string, skip: { start: number; end: number }[]): boolean {
  const pattern = new RegExp(`(?<![\\w.-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g');
  for (const match of source.matchAll(pattern)) if (!skip.some((s) => match.index >= s.start && match.index < s.end)) return true;
  return false;
}
