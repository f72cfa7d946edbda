import { defineRule } from '../../engine/defineRule';
import { servingPort } from '../../parsing/deployment/containerRoles';
import { displayName, type DeploymentModel } from '../../parsing/deployment/deploymentModel';
import { replaceScalar } from '../../parsing/yaml/yamlEdits';

// The variables that tell an app where to listen: PORT (Heroku, Cloud Run, most frameworks) and
// SERVER_PORT (Spring Boot's server.port); other *_PORT variables usually name another service's port.
const LISTEN_PORT_NAMES = new Set(['PORT', 'SERVER_PORT']);

/**
 * A container whose PORT env value is none of the ports it declares. Templated documents are
 * skipped, since a templated containerPort is unknown.
 */
export default defineRule<DeploymentModel>({
  id: 'port-binding/port-env-mismatch',
  factor: 'port-binding',
  kinds: ['kubernetes'],
  defaultSeverity: 'warning',
  description: 'A PORT (or SERVER_PORT) env value that differs from every containerPort the container declares.',
  rationale: 'The app exports its service by binding the port it is given; a PORT that no declared port matches sends Services and probes to a port nobody listens on.',
  messages: {
    mismatch: '{{name}} is {{value}}, but container {{container}} declares containerPort {{ports}}: the app listens where no Service, probe or port-forward sends traffic; set {{name}} to {{port}}.',
  },
  fixable: true,
  scope: 'document',
  check(model, ctx) {
    for (const workload of model.workloads) {
      if (workload.templated) continue;
      for (const container of workload.containers) {
        const declared = container.ports.map((p) => p.port);
        const target = servingPort(container) ?? container.ports[0];
        if (!target) continue;
        for (const entry of container.env) {
          if (!LISTEN_PORT_NAMES.has(entry.name) || entry.value.type !== 'literal' || !/^\d+$/.test(entry.value.text.trim())) continue;
          if (declared.includes(Number(entry.value.text))) continue;
          ctx.report({
            messageId: 'mismatch',
            data: { name: entry.name, value: entry.value.text.trim(), container: displayName(container.name), ports: declared.join(', '), port: target.port },
            at: entry.value.span,
            fix: {
              title: `Set ${entry.name} to ${target.port}, the containerPort`,
              // Kubernetes env values are strings: an unquoted number is written quoted.
              edits: [replaceScalar(entry.value.node, String(target.port))],
              automatic: false,
            },
          });
        }
      }
    }
  },
});
