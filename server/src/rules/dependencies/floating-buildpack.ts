import { floatingTag, parseImageReference } from '../../analysis/imageReference';
import { defineRule } from '../../engine/defineRule';
import type { RuleContext } from '../../engine/types';
import type { DeploymentModel } from '../../parsing/deployment/deploymentModel';
import { get, items, type YNode } from '../../parsing/yaml/yamlNodes';

// Branch names that move: a buildpack fetched at one of them changes under the app between two pushes.
const BRANCHES = new Set(['main', 'master', 'develop', 'dev', 'head', 'trunk', 'latest']);
// Env variables buildpacks read to choose a runtime (`GOVERSION`, Paketo's `BP_NODE_VERSION`); not an app's own `APP_VERSION`.
const RUNTIME_VERSION = /^(BP_)?(GO|GOLANG|NODE|NODEJS|NPM|YARN|PYTHON|PIP|RUBY|BUNDLER|JAVA|JDK|JVM|JRE|PHP|COMPOSER|DOTNET|DOTNET_SDK|DOTNET_CORE|RUST)_?VERSION$/i;

/** A Cloud Foundry buildpack or runtime version that floats: a git URL without a tag, a CNB image without one, `*_VERSION: latest`. */
export default defineRule<DeploymentModel>({
  id: 'dependencies/floating-buildpack',
  factor: 'dependencies',
  kinds: ['cloudfoundry'],
  defaultSeverity: 'warning',
  description: 'A buildpack given as a git URL without a tag, or a runtime version env of latest.',
  rationale: 'Dependencies are declared exactly; a floating buildpack or runtime makes two pushes of one commit differ.',
  messages: {
    gitNoRef: 'Buildpack {{buildpack}} is fetched from the tip of its default branch, so each push may stage with different code; pin a release tag (…#v1.2.3).',
    gitBranch: 'Buildpack {{buildpack}} follows the branch "{{ref}}", so each push may stage with different code; pin a release tag (…#v1.2.3).',
    imageFloating: 'Buildpack image {{buildpack}} has no version tag (or uses latest), so each push may stage with a different buildpack; pin a version or a digest.',
    runtimeLatest: '{{name}}: latest lets the buildpack pick the newest runtime at each push; pin the version the app is tested with.',
  },
  fixable: false,
  check(model, ctx) {
    for (const app of model.workloads) {
      const buildpacks = [get(app.node, 'buildpack'), ...items(get(app.node, 'buildpacks'))];
      for (const node of buildpacks) checkBuildpack(node, ctx.report);
      for (const entry of app.containers[0]?.env ?? []) {
        if (entry.value.type !== 'literal' || !RUNTIME_VERSION.test(entry.name)) continue;
        if (entry.value.text.trim().toLowerCase() === 'latest') ctx.report({ messageId: 'runtimeLatest', data: { name: entry.name }, at: entry.value.span });
      }
    }
  },
});

function checkBuildpack(node: YNode | undefined, report: RuleContext<unknown>['report']): void {
  if (node?.type !== 'scalar' || node.templated || typeof node.value !== 'string') return;
  const text = node.value.trim();
  if (/^(cnb|docker):\/\//i.test(text)) {
    if (floatingTag(parseImageReference(text.replace(/^\w+:\/\//, '')))) report({ messageId: 'imageFloating', data: { buildpack: text }, at: node.span });
    return;
  }
  if (!isGitUrl(text)) return;
  const hash = text.indexOf('#');
  const ref = hash === -1 ? '' : text.slice(hash + 1);
  if (!ref) report({ messageId: 'gitNoRef', data: { buildpack: text }, at: node.span });
  else if (BRANCHES.has(ref.toLowerCase())) report({ messageId: 'gitBranch', data: { buildpack: text, ref }, at: node.span });
}

/**
 * A git repository rather than a released archive: `….git`, `git@…`, `git://…`, or a bare
 * `https://github.com/org/repo` (a `…/releases/download/v1/x.zip` URL is a pinned file).
 */
function isGitUrl(text: string): boolean {
  const url = text.split('#')[0];
  if (/^(git@|git:\/\/|git\+)/i.test(url) || /\.git\/?$/i.test(url)) return true;
  return /^https?:\/\/(www\.)?(github\.com|gitlab\.com|bitbucket\.org)\/[^/\s]+\/[^/\s]+\/?$/i.test(url);
}
