import { developmentSetting, isDevelopmentName } from '../../analysis/developmentMode';
import { hasNameWord } from '../../analysis/nonProduction';
import { defineRule } from '../../engine/defineRule';
import type { Fix, RuleContext } from '../../engine/types';
import type { SpringModel } from '../../parsing/spring/springModel';
import { isDevelopmentService } from '../../parsing/deployment/composeServices';
import { isNonProductionManifest } from '../../parsing/deployment/nonProductionManifest';
import { displayName, type DeploymentModel, type EnvEntry, type ManifestObject } from '../../parsing/deployment/deploymentModel';
import { replaceScalar } from '../../parsing/yaml/yamlEdits';
import { get, getPath, pairs, str, type YScalar } from '../../parsing/yaml/yamlNodes';

/** Label keys whose value names the environment a manifest is for. */
const ENVIRONMENT_LABELS = ['environment', 'env', 'stage', 'tier'];

/**
 * A deployment manifest that runs the app in development mode: `NODE_ENV=development`,
 * `DEBUG=true`, `SPRING_PROFILES_ACTIVE=dev` in a Kubernetes workload or ConfigMap, a Cloud
 * Foundry app, or a compose file that is not named for development.
 */
export default defineRule<DeploymentModel | SpringModel>({
  id: 'dev-prod-parity/development-mode',
  factor: 'dev-prod-parity',
  kinds: ['kubernetes', 'cloudfoundry', 'compose', 'spring'],
  defaultSeverity: 'warning',
  description: 'Development mode set in a deployment manifest (NODE_ENV, FLASK_ENV or RAILS_ENV=development, DEBUG=true, GIN_MODE=debug, SPRING_PROFILES_ACTIVE=dev) or as the packaged Spring default (spring.profiles.active: dev).',
  rationale: 'Development and production should run the same code paths; a deploy in development mode runs with debug pages, reloaders and dev-only defaults that production never tested.',
  messages: {
    defaultProfile: '{{name}}: {{value}} in the packaged configuration makes a development profile the default, so every deploy runs it unless its environment says otherwise. Keep the packaged default fit for production and activate the dev profile where development runs (SPRING_PROFILES_ACTIVE in a dev compose file or the IDE).',
    developmentMode: '{{name}}={{value}} runs {{workload}} in development mode, in a manifest that deploys it: it gets debug pages, reloaders and dev-only defaults that production does not have. Set {{name}} for production here and keep the development value in a dev-only file.',
  },
  fixable: true,
  scope: 'document',
  check(model, ctx) {
    if ('properties' in model) return checkSpring(model, ctx);
    if (isNonProductionManifest(ctx.file.path, model.platform)) return;
    for (const workload of model.workloads) {
      if (isLabelledDevelopment(workload) || (model.platform === 'compose' && isDevelopmentService(workload))) continue;
      for (const entry of workload.containers.flatMap((c) => c.env)) {
        if (entry.value.type !== 'literal') continue;
        const setting = developmentSetting(entry.name, entry.value.text);
        if (!setting) continue;
        const fix = setting.production === undefined ? undefined : productionFix(entry, setting.production);
        ctx.report({ messageId: 'developmentMode', data: { name: entry.name, value: entry.value.text, workload: displayName(workload.name) }, at: entry.value.span, fix });
      }
    }
    // A ConfigMap that the workloads load with envFrom sets the same variables.
    for (const map of model.objects.filter((o) => o.kind === 'ConfigMap' && !isLabelledDevelopment(o) && !hasNameWord(o.name))) {
      for (const pair of pairs(get(map.node, 'data'))) {
        const name = pair.key;
        const value = pair.value?.type === 'scalar' ? pair.value : undefined;
        const setting = value && !value.templated ? developmentSetting(name, String(value.value ?? '')) : undefined;
        if (!value || !setting) continue;
        const fix = setting.production === undefined ? undefined : { title: `Set ${name} to ${setting.production}`, edits: [replaceScalar(value, setting.production)], automatic: false };
        ctx.report({ messageId: 'developmentMode', data: { name, value: String(value.value), workload: `ConfigMap ${displayName(map.name)}` }, at: value.span, fix });
      }
    }
  },
});

/**
 * `spring.profiles.active: dev` in the packaged default configuration (`application.yml`, not a
 * profile's own file, not a test resource): every deploy runs the dev profile unless told otherwise.
 */
function checkSpring(model: SpringModel, ctx: RuleContext<Record<string, never>>): void {
  if (model.testResource || model.fileProfile !== undefined || hasNameWord(ctx.file.path)) return;
  for (const property of model.properties) {
    if (property.profile !== undefined || (property.name !== 'spring.profiles.active' && property.name !== 'spring.profiles.default')) continue;
    // `${SPRING_PROFILES_ACTIVE:dev}` defaults to dev as surely as a plain `dev`.
    const value = /^\$\{[\w.-]+:([^}]*)\}$/.exec(property.value.trim())?.[1] ?? property.value;
    if (developmentSetting('SPRING_PROFILES_ACTIVE', value)) {
      ctx.report({ messageId: 'defaultProfile', data: { name: property.name, value: property.value }, at: property.valueSpan });
    }
  }
}

/** A Kubernetes object or its pod template labelled for a development environment (`environment: development`). */
function isLabelledDevelopment(object: ManifestObject): boolean {
  const labels = [getPath(object.node, 'metadata', 'labels'), getPath(object.node, 'spec', 'template', 'metadata', 'labels')];
  return labels.some((l) => ENVIRONMENT_LABELS.some((key) => isDevelopmentName(str(get(l, key)))));
}

/** Sets the production value in place, keeping the quoting; offered, never applied unattended, since the app behaves differently. */
function productionFix(entry: EnvEntry, production: string): Fix | undefined {
  if (entry.value.type !== 'literal') return undefined;
  const edit = entry.syntax.form === 'list-item' ? { span: entry.value.span, text: production } : replaceScalar(entry.value.node as YScalar, production);
  return { title: `Set ${entry.name} to ${production}`, edits: [edit], automatic: false };
}
