import { defineRule } from '../../engine/defineRule';
import type { DeploymentModel } from '../../parsing/deployment/deploymentModel';
import { reportMissingProbes } from '../../parsing/deployment/probeStub';

/**
 * A long-running app container that serves a port without a readinessProbe. Templated (Helm)
 * documents are skipped: the probe may be rendered in by an `include` or a `toYaml` of values.
 */
export default defineRule<DeploymentModel>({
  id: 'disposability/missing-readiness-probe',
  factor: 'disposability',
  kinds: ['kubernetes'],
  defaultSeverity: 'warning',
  description: 'A long-running container with a port but no readinessProbe.',
  rationale: 'Disposable processes start and stop often; without a readiness probe a starting pod gets traffic before it can serve it.',
  messages: {
    missingReadiness: 'Container {{container}} of {{kind}} {{workload}} serves port {{port}} but has no readinessProbe: at every rollout, restart and scale-up it receives traffic before it can answer.',
  },
  fixable: true,
  scope: 'document',
  check(model, ctx) {
    reportMissingProbes(model, ctx, 'readinessProbe', 'missingReadiness');
  },
});
