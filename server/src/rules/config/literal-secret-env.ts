import { isNonProductionFile, reportsSecret } from '../../analysis/nonProduction';
import { detectSecret } from '../../analysis/secrets';
import { defineRule } from '../../engine/defineRule';
import type { DeploymentModel } from '../../parsing/deployment/deploymentModel';
import { secretDestination, secretEnvFix, type LiteralEnvEntry } from '../../parsing/deployment/secretEnvFix';

const MESSAGE_IDS = { kubernetes: 'kubernetes', cloudfoundry: 'cloudFoundry', compose: 'compose' } as const;

/**
 * An env entry of a Kubernetes container, a Cloud Foundry app or a compose service whose literal
 * value is a secret. References (`secretKeyRef`, `env_file`, bound services) and placeholders
 * (`${VAR}`, `((var))`, `{{ … }}`, `$(VAR)`) are never literals in the deployment model, so they
 * cannot be flagged; the secret detector decides the rest.
 */
export default defineRule<DeploymentModel>({
  id: 'config/literal-secret-env',
  factor: 'config',
  kinds: ['kubernetes', 'cloudfoundry', 'compose'],
  defaultSeverity: 'error',
  description: 'An environment variable of a workload whose literal value in the manifest is a secret.',
  rationale: 'Credentials are config that varies per deploy and must stay out of the repository; the manifest should only name where they come from.',
  messages: {
    kubernetes: '{{name}} holds a literal {{label}} ({{masked}}) in the manifest; read it from a Secret with valueFrom.secretKeyRef instead.',
    cloudFoundry: '{{name}} holds a literal {{label}} ({{masked}}) in the manifest; use a (({{variable}})) variable and keep "{{variable}}: …" in a vars file that is not committed (cf push --vars-file).',
    compose: '{{name}} holds a literal {{label}} ({{masked}}) in the compose file; use ${{{variable}}}, set it in an uncommitted .env file, and list {{variable}}= in .env.example.',
  },
  fixable: true,
  scope: 'document',
  check(model, ctx) {
    // A dev or test file's throwaway database password is no leak; a provider token still is.
    const nonProduction = isNonProductionFile(ctx.file.path);
    for (const workload of model.workloads) {
      for (const container of workload.containers) {
        for (const entry of container.env) {
          if (entry.value.type !== 'literal') continue;
          const verdict = detectSecret(entry.name, entry.value.text);
          if (!verdict || !reportsSecret(verdict, nonProduction)) continue;
          const destination = secretDestination(model.platform, workload, container.name, entry);
          ctx.report({
            messageId: MESSAGE_IDS[model.platform],
            data: { name: entry.name, label: verdict.label, masked: verdict.masked, variable: destination.name },
            at: entry.value.span,
            fix: secretEnvFix(model.platform, entry as LiteralEnvEntry, destination, ctx.file, ctx.workspace),
          });
        }
      }
    }
  },
});
