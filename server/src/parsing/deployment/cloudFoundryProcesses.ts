import { get, items, pairOf, str, type YMap, type YPair } from '../yaml/yamlNodes';
import type { Workload } from './deploymentModel';

// Commands of processes that take no requests: queue workers, schedulers, consumers, placeholders that sleep.
const WORKER_COMMAND = /\b(worker|celery|sidekiq|resque|rq|jobs:work|queue:work|queue:listen|supercronic|crond?|consumer|scheduler|beat)\b|sleep\s+infinity/i;

/** A setting of the web process, and the map it is written in (for fixes that edit it). */
export interface ProcessSetting {
  pair: YPair;
  map: YMap;
}

/**
 * The web process of a Cloud Foundry application: the only process the router sends requests to.
 * Its settings are those of its `processes:` entry of `type: web`, falling back to the app's own
 * top-level keys (`instances`, `health-check-type`, `command`), which CF applies to the web process.
 */
export interface WebProcess {
  /** Requests reach it: the app is not `no-route: true` and its command is not a worker's. */
  routed: boolean;
  /** The map a new setting of the web process goes into: its `processes:` entry, else the app. */
  node: YMap;
  /** A setting of the web process, where it is written. */
  setting(key: string): ProcessSetting | undefined;
}

/** The web process of a CF application workload. */
export function webProcess(app: Workload): WebProcess {
  const entry = items(get(app.node, 'processes')).find((p): p is YMap => p.type === 'map' && str(get(p, 'type')) === 'web');
  const setting = (key: string): ProcessSetting | undefined => {
    const own = entry && pairOf(entry, key);
    if (own) return { pair: own, map: entry };
    const top = pairOf(app.node, key);
    return top ? { pair: top, map: app.node } : undefined;
  };
  const command = str(setting('command')?.pair.value) ?? '';
  const routed = str(get(app.node, 'no-route')) !== 'true' && !WORKER_COMMAND.test(command);
  return { routed, node: entry ?? app.node, setting };
}

/** True when the app is bound to an autoscaler service, which sets its instance count at run time. */
export function hasAutoscaler(app: Workload): boolean {
  return app.containers[0]?.envSources.some((s) => s.kind === 'services' && /autoscal/i.test(s.name)) ?? false;
}
