import { defineRule } from '../../engine/defineRule';
import { hasAutoscaler, webProcess } from '../../parsing/deployment/cloudFoundryProcesses';
import type { DeploymentModel } from '../../parsing/deployment/deploymentModel';
import { num } from '../../parsing/yaml/yamlNodes';

/** A routed Cloud Foundry app that runs one instance of its web process. */
export default defineRule<DeploymentModel>({
  id: 'concurrency/single-instance',
  factor: 'concurrency',
  kinds: ['cloudfoundry'],
  defaultSeverity: 'info',
  description: 'A routed web app with instances: 1, or with no instances (CF starts one).',
  rationale: 'Concurrency comes from running more processes; one instance means downtime whenever its cell restarts.',
  messages: {
    oneInstance: 'The routed app "{{app}}" runs 1 instance, so every restart, crash or platform update takes it offline; run at least 2.',
    defaultInstance: 'The routed app "{{app}}" sets no instances, so CF starts 1, and every restart, crash or platform update takes it offline; set instances: 2 or more (or bind an autoscaler).',
  },
  fixable: false,
  check(model, ctx) {
    for (const app of model.workloads) {
      const web = webProcess(app);
      if (!web.routed || hasAutoscaler(app)) continue;
      const instances = web.setting('instances');
      const label = app.name || 'unnamed';
      if (instances) {
        // `((instances))` and other placeholders are set per deploy.
        if (instances.pair.value && num(instances.pair.value) === 1) ctx.report({ messageId: 'oneInstance', data: { app: label }, at: instances.pair.value.span });
        continue;
      }
      // A template may render the setting in. A manifest without the app's name is a fragment pushed with
      // `cf push NAME -f …` (test assets): whatever it leaves out is set elsewhere.
      if (app.templated || !app.name) continue;
      ctx.report({ messageId: 'defaultInstance', data: { app: app.name }, at: app.nameSpan });
    }
  },
});
