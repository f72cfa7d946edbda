import type { Fix, RuleContext } from '../../engine/types';
import type { SourceFile } from '../sourceFile';
import { insertPairs, type YamlValue } from '../yaml/yamlEdits';
import { pairOf } from '../yaml/yamlNodes';
import { appContainers, isKeepAliveContainer, servingPort } from './containerRoles';
import { displayName, type Container, type DeclaredPort, type DeploymentModel } from './deploymentModel';

/** The probes a stub can be inserted for. */
export type ProbeKey = 'readinessProbe' | 'livenessProbe';

// A `tcpSocket` check on the serving port: it cannot point at a path the app does not serve (an
// `httpGet` on a guessed `/healthz` that answers 404 would keep every pod unready, or restart it).
// The timings are the Kubernetes documentation's TCP example; liveness waits longer and checks less
// often, so that a slow start is not mistaken for a hang.
const STUB_TIMINGS: Record<ProbeKey, Record<string, number>> = {
  readinessProbe: { periodSeconds: 10 },
  livenessProbe: { initialDelaySeconds: 15, periodSeconds: 20 },
};

/** True when the container declares the probe, even an empty one. */
export function hasProbe(container: Container, key: ProbeKey | 'startupProbe'): boolean {
  return pairOf(container.node, key) !== undefined;
}

/**
 * A fix that inserts a probe stub at the end of the container's map, in its style (block or flow):
 * `tcpSocket` on the port's name when it has one (it survives a port number change), else its number.
 * Not automatic: a person checks that the port answers as soon as the app is ready.
 */
export function probeStubFix(file: SourceFile, container: Container, key: ProbeKey, port: DeclaredPort): Fix {
  const stub: Record<string, YamlValue> = { tcpSocket: { port: port.name ?? port.port }, ...STUB_TIMINGS[key] };
  return {
    title: `Add a ${key} (tcpSocket on port ${port.name ?? port.port}) to container ${container.name}`,
    edits: [insertPairs(file.text, container.node, [[key, stub]], file.eol)],
    automatic: false,
  };
}

/**
 * Reports each long-running app container that serves a port without the probe, with a stub fix:
 * the shared check of the readiness and liveness rules. Templated (Helm) documents are skipped, since
 * the probe may be rendered in by an `include` or a `toYaml` of values; so are keep-alive containers
 * (`sleep infinity`), which serve nothing.
 */
export function reportMissingProbes(model: DeploymentModel, ctx: Pick<RuleContext<unknown>, 'file' | 'report'>, key: ProbeKey, messageId: string): void {
  for (const workload of model.workloads) {
    if (workload.templated) continue;
    for (const container of appContainers(workload)) {
      const port = servingPort(container);
      if (!port || hasProbe(container, key) || isKeepAliveContainer(container)) continue;
      ctx.report({
        messageId,
        data: { container: displayName(container.name), kind: workload.kind, workload: displayName(workload.name), port: port.name ?? port.port },
        at: container.nameSpan,
        fix: probeStubFix(ctx.file, container, key, port),
      });
    }
  }
}
