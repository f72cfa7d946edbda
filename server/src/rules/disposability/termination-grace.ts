import { defineRule } from '../../engine/defineRule';
import { isKeepAliveContainer } from '../../parsing/deployment/containerRoles';
import { displayName, type Container, type DeploymentModel } from '../../parsing/deployment/deploymentModel';
import { getPath, items, num, pairOf, str, type YNode } from '../../parsing/yaml/yamlNodes';

/** Kubernetes' default grace period, when the pod spec sets none. */
const DEFAULT_GRACE_SECONDS = 30;

/** How long a container's preStop hook sleeps (`sleep 15` in an exec hook, or the native `sleep` action), with where. */
function preStopSleep(container: Container): { seconds: number; at: YNode } | undefined {
  const preStop = getPath(container.node, 'lifecycle', 'preStop');
  const native = getPath(preStop, 'sleep', 'seconds');
  if (num(native) !== undefined) return { seconds: num(native)!, at: native! };
  const command = getPath(preStop, 'exec', 'command');
  const text = items(command).map((n) => str(n) ?? '').join(' ') || (str(command) ?? '');
  const match = /(?:^|[\s;&|(])sleep\s+(\d+)\b/.exec(text);
  return match && command ? { seconds: Number(match[1]), at: command } : undefined;
}

/**
 * A long-running workload whose pods get no time to shut down: `terminationGracePeriodSeconds` below
 * the minimum (0 by default), or a preStop hook that sleeps through the whole grace period, so the app
 * gets SIGTERM and SIGKILL together. Pods that only keep a shell alive (`sleep infinity`) are skipped.
 */
export default defineRule<DeploymentModel, { minimumSeconds: number }>({
  id: 'disposability/termination-grace',
  factor: 'disposability',
  kinds: ['kubernetes'],
  defaultSeverity: 'warning',
  description: 'terminationGracePeriodSeconds of 0 (or below a minimum), or shorter than the preStop hook sleeps.',
  rationale: 'Disposable processes shut down gracefully on SIGTERM; without a grace period they are killed in the middle of requests and jobs.',
  messages: {
    tooShort: 'terminationGracePeriodSeconds: {{seconds}} on {{kind}} {{workload}} leaves its processes {{seconds}}s between SIGTERM and SIGKILL, too little to finish in-flight requests or jobs; remove it for the default of 30s, or set the time the app needs to drain.',
    preStopSleep: 'The preStop hook of container {{container}} sleeps {{sleep}}s, but {{kind}} {{workload}} has a grace period of {{grace}}s, which the hook uses up before the app even gets SIGTERM; set terminationGracePeriodSeconds above {{sleep}}s plus the app\'s own shutdown time.',
  },
  options: {
    minimumSeconds: { type: 'number', minimum: 0, default: 1, description: 'Grace periods below this many seconds are flagged (the default flags only 0).' },
  },
  fixable: false,
  scope: 'document',
  check(model, ctx) {
    for (const workload of model.workloads) {
      const containers = workload.containers.filter((c) => !c.init);
      if (workload.runsToCompletion || !workload.podSpec || containers.every(isKeepAliveContainer)) continue;
      const gracePair = pairOf(workload.podSpec, 'terminationGracePeriodSeconds');
      const written = num(gracePair?.value);
      if (gracePair?.value && written === undefined) continue;
      const grace = written ?? DEFAULT_GRACE_SECONDS;
      const names = { kind: workload.kind, workload: displayName(workload.name) };
      if (written !== undefined && written < ctx.options.minimumSeconds) {
        ctx.report({ messageId: 'tooShort', data: { ...names, seconds: written }, at: gracePair!.value!.span });
        continue;
      }
      for (const container of containers) {
        const sleep = preStopSleep(container);
        if (sleep && sleep.seconds >= grace) {
          ctx.report({ messageId: 'preStopSleep', data: { ...names, container: displayName(container.name), sleep: sleep.seconds, grace }, at: sleep.at.span });
        }
      }
    }
  },
});
