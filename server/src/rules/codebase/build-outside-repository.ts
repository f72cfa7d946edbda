import * as path from 'node:path';
import { defineRule } from '../../engine/defineRule';
import { buildContext } from '../../parsing/deployment/composeServices';
import { displayName, type DeploymentModel } from '../../parsing/deployment/deploymentModel';
import { get, pairOf } from '../../parsing/yaml/yamlNodes';
import { repositoryRoot } from '../../workspace/gitignore';
import { isInsideFolder } from '../../workspace/paths';

/** A compose build context or a Cloud Foundry app path outside the repository (or, without one, the workspace folder). */
export default defineRule<DeploymentModel>({
  id: 'codebase/build-outside-repository',
  factor: 'codebase',
  kinds: ['compose', 'cloudfoundry'],
  defaultSeverity: 'info',
  description: 'A deployment that builds from outside the repository: a compose build context or a Cloud Foundry path outside it, or a compose build from another git repository.',
  rationale: 'One codebase per app, tracked in one repository; a deploy that builds from a folder beside the checkout depends on whatever revision sits there.',
  messages: {
    outside: '{{app}} builds from {{source}}, outside this repository ({{boundary}}): the deploy depends on whatever revision of that folder sits beside the checkout. Build each app from its own repository, or make the code part of this one.',
    remote: '{{app}} builds from the git repository {{source}}, not from this codebase: the image follows another repository{{ref}}. Build it in that repository\'s own pipeline and deploy the image by tag.',
  },
  fixable: false,
  check(model, ctx) {
    const folder = path.dirname(ctx.file.path);
    const boundary = repositoryRoot(folder, (p) => ctx.workspace.readText(p)) ?? ctx.root;
    for (const workload of model.workloads) {
      const pair = model.platform === 'compose'
        ? (pairOf(get(workload.node, 'build'), 'context') ?? pairOf(workload.node, 'build'))
        : pairOf(workload.node, 'path');
      const source = model.platform === 'compose' ? buildContext(workload) : pair?.value?.type === 'scalar' ? String(pair.value.value ?? '') : undefined;
      if (!pair?.value || pair.value.type !== 'scalar' || !source || pair.value.templated || /\$\{?\w/.test(source)) continue;
      const app = `${model.platform === 'compose' ? 'Service' : 'App'} ${displayName(workload.name)}`;
      const remote = /^(https?|git|ssh):\/\/|^git@/.exec(source) && model.platform === 'compose';
      if (remote) {
        const ref = /#([^:]+)/.exec(source)?.[1];
        ctx.report({ messageId: 'remote', data: { app, source: source.replace(/#.*$/, ''), ref: ref ? ` at ${ref}` : ' at its default branch' }, at: pair.value.span });
        continue;
      }
      if (!boundary || /^[a-z][\w+.-]*:/i.test(source)) continue;
      const resolved = path.resolve(folder, source);
      if (isInsideFolder(path.resolve(boundary), resolved)) continue;
      ctx.report({ messageId: 'outside', data: { app, source, boundary: path.basename(boundary) || boundary }, at: pair.value.span });
    }
  },
});
