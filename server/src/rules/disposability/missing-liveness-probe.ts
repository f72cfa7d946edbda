import { defineRule } from '../../engine/defineRule';
import type { DeploymentModel } from '../../parsing/deployment/deploymentModel';
import { reportMissingProbes } from '../../parsing/deployment/probeStub';

/**
 * A long-running app container that serves a port without a livenessProbe. Information only: a
 * process that crashes is restarted anyway, and a careless liveness probe does more harm than none.
 * Templated (Helm) documents are skipped, as the probe may be rendered in.
 */
export default defineRule<DeploymentModel>({
  id: 'disposability/missing-liveness-probe',
  factor: 'disposability',
  kinds: ['kubernetes'],
  defaultSeverity: 'info',
  description: 'A long-running container with a port but no livenessProbe.',
  rationale: 'Disposable processes are robust against sudden death; a liveness probe turns a hung process into a restarted one.',
  messages: {
    missingLiveness: 'Container {{container}} of {{kind}} {{workload}} serves port {{port}} but has no livenessProbe: a process that hangs without exiting keeps its pod until someone notices.',
  },
  fixable: true,
  scope: 'document',
  check(model, ctx) {
    reportMissingProbes(model, ctx, 'livenessProbe', 'missingLiveness');
  },
});
