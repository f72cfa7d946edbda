import type { Container, DeclaredPort, Workload } from './deploymentModel';

// Images of infrastructure that runs beside the app and ships its own health handling: service-mesh
// proxies, database and auth proxies, log and metrics shippers, config reloaders. Their probes (or the
// lack of them) are the vendor's design, not the app's, so probe rules leave them alone.
const INFRASTRUCTURE_IMAGES = [
  /(^|\/)istio\/proxyv2\b/, /(^|\/)proxyv2:/, /(^|\/)envoyproxy\/envoy\b/, /(^|\/)linkerd[\w-]*\/proxy\b/,
  /cloud-?sql-(proxy|connectors)|gce-proxy/, /(^|\/)oauth2-proxy\b/, /(^|\/)vault(-k8s)?:|hashicorp\/vault\b/,
  /(^|\/)(fluentd|fluent-bit|fluent-bit-plugin-loki|filebeat|promtail|logstash|vector|otel\/opentelemetry-collector[\w-]*|datadog\/agent)(:|@|$)/,
  /config-?reloader|configmap-reload|k8s-sidecar/,
  // Monitoring agents that run as a pod per node, whatever controller runs them.
  /(^|\/)(sysdig\/agent|newrelic\/(infrastructure|nri-[\w-]+)|dynatrace\/oneagent|datadog\/cluster-agent)(:|@|$)/,
];

/** True when a container's image is a known infrastructure sidecar or node agent, not the app. */
export function isInfrastructureContainer(container: Container): boolean {
  const image = container.image?.text.toLowerCase() ?? '';
  return INFRASTRUCTURE_IMAGES.some((pattern) => pattern.test(image));
}

// Ports that only expose diagnostics: a worker with a metrics endpoint still serves no traffic.
const DIAGNOSTIC_PORT_NAMES = /^(metrics|prometheus|prom|http-metrics|[\w-]*-metrics|monitoring|pprof|debug|profiler|admin-metrics)$/;

/**
 * The port a probe stub should check: the first declared TCP port that is not only for
 * diagnostics (a UDP port cannot take a `tcpSocket` probe), or undefined when the container serves
 * nothing a probe could gate.
 */
export function servingPort(container: Container): DeclaredPort | undefined {
  return container.ports.find((p) => (p.protocol ?? 'TCP').toUpperCase() === 'TCP' && !DIAGNOSTIC_PORT_NAMES.test(p.name ?? ''));
}

/**
 * True when a container only keeps the pod alive (`sleep infinity`, `tail -f /dev/null`): a debug or
 * client pod that someone execs into, with nothing to drain or probe.
 */
export function isKeepAliveContainer(container: Container): boolean {
  const words = container.command.flatMap((c) => c.text.trim().split(/\s+/));
  const program = (words[0] ?? '').replace(/^.*\//, '');
  if (program === 'sleep') return true;
  return program === 'tail' && words.includes('/dev/null');
}

/**
 * The long-running app containers of a Kubernetes workload managed by a controller: not init
 * containers, not in Jobs, CronJobs or bare Pods (a bare Pod is never rolled out or replaced, so
 * probes and drain time gate nothing there), not known infrastructure sidecars.
 */
export function appContainers(workload: Workload): Container[] {
  if (workload.platform !== 'kubernetes' || workload.runsToCompletion || workload.kind === 'Pod') return [];
  return workload.containers.filter((c) => !c.init && !isInfrastructureContainer(c));
}
