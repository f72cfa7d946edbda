import { defineRule } from '../../engine/defineRule';
import type { TextEdit } from '../../engine/types';
import { webProcess } from '../../parsing/deployment/cloudFoundryProcesses';
import type { DeploymentModel, Workload } from '../../parsing/deployment/deploymentModel';
import { insertPairs, replaceScalar } from '../../parsing/yaml/yamlEdits';
import { get, items, str } from '../../parsing/yaml/yamlNodes';

/** A routed Cloud Foundry app whose health check only checks that the process is alive. */
export default defineRule<DeploymentModel>({
  id: 'disposability/process-health-check',
  factor: 'disposability',
  kinds: ['cloudfoundry'],
  defaultSeverity: 'warning',
  description: 'A routed app with health-check-type: process (or none).',
  rationale: 'Disposable processes start fast and are replaced when unhealthy; a process check routes requests to an app that is not ready.',
  messages: {
    processCheck: 'The routed app "{{app}}" uses health-check-type: {{type}}, so CF routes requests to it as soon as the process starts and keeps a hung instance running; use an http health check on an endpoint that reports readiness.',
  },
  fixable: true,
  check(model, ctx) {
    for (const app of model.workloads) {
      const web = webProcess(app);
      const type = web.setting('health-check-type');
      const value = type?.pair.value;
      const text = str(value)?.toLowerCase();
      if (!web.routed || !type || value?.type !== 'scalar' || (text !== 'process' && text !== 'none') || hasTcpRoute(app)) continue;
      const edits: TextEdit[] = [replaceScalar(value, 'http')];
      const endpoint = healthEndpoint(app);
      if (!web.setting('health-check-http-endpoint')) {
        edits.push(insertPairs(ctx.file.text, type.map, [['health-check-http-endpoint', endpoint]], ctx.file.eol));
      }
      ctx.report({
        messageId: 'processCheck',
        data: { app: app.name || 'unnamed', type: text },
        at: value.span,
        fix: {
          title: `Use an http health check on ${endpoint}`,
          edits,
          // The app has to serve the endpoint, or CF restarts every instance: a person checks it first.
          automatic: false,
        },
      });
    }
  },
});

/** A TCP route (`tcp.example.com:1234`, `protocol: tcp`): the app speaks TCP, and an http check cannot reach it. */
function hasTcpRoute(app: Workload): boolean {
  return items(get(app.node, 'routes')).some((r) => /:\d+$/.test(str(get(r, 'route')) ?? '') || str(get(r, 'protocol')) === 'tcp');
}

/**
 * The endpoint the fix suggests: Spring Boot Actuator's `/actuator/health` when the app's env
 * configures Spring (`SPRING_*`, `MANAGEMENT_*`, `JBP_CONFIG_SPRING_*`), else the common `/health`.
 */
function healthEndpoint(app: Workload): string {
  const spring = app.containers[0]?.env.some((e) => /^(SPRING_|MANAGEMENT_|JBP_CONFIG_SPRING)/i.test(e.name));
  return spring ? '/actuator/health' : '/health';
}
