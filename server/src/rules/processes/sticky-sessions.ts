import { defineRule } from '../../engine/defineRule';
import { displayName, type DeploymentModel, type KubeObject } from '../../parsing/deployment/deploymentModel';
import { get, getPath, items, pairs, str, type YNode } from '../../parsing/yaml/yamlNodes';

/** One place that pins clients to a pod: what it says, and where. */
interface Affinity {
  what: string;
  at: YNode;
}

// Ingress-controller annotations that turn on cookie affinity, by annotation name: the value test that means "on".
const AFFINITY_ANNOTATIONS: Record<string, (value: string) => boolean> = {
  'nginx.ingress.kubernetes.io/affinity': (v) => v === 'cookie',
  'ingress.kubernetes.io/affinity': (v) => v === 'cookie',
  'haproxy-ingress.github.io/affinity': (v) => v === 'cookie',
  'haproxy.org/cookie-persistence': (v) => v !== '',
  'traefik.ingress.kubernetes.io/affinity': (v) => v === 'true',
  'traefik.ingress.kubernetes.io/service.sticky.cookie': (v) => v === 'true',
  'alb.ingress.kubernetes.io/target-group-attributes': (v) => /stickiness\.enabled=true/.test(v),
};

function annotationAffinities(object: KubeObject): Affinity[] {
  return pairs(getPath(object.node, 'metadata', 'annotations')).flatMap((p) => {
    const value = str(p.value) ?? '';
    const on = AFFINITY_ANNOTATIONS[p.key];
    return on && p.value && on(value.trim().toLowerCase()) ? [{ what: `${p.key}: ${value}`, at: p.value }] : [];
  });
}

/** Affinity settings in the spec of Services, GKE BackendConfigs, Istio DestinationRules, Traefik IngressRoutes and Gateway API routes. */
function specAffinities(object: KubeObject): Affinity[] {
  const spec = get(object.node, 'spec');
  const found: Affinity[] = [];
  const add = (what: string, at: YNode | undefined) => at && found.push({ what, at });
  if (object.kind === 'Service' && str(get(spec, 'sessionAffinity')) === 'ClientIP') add('sessionAffinity: ClientIP', get(spec, 'sessionAffinity'));
  const affinityType = getPath(spec, 'sessionAffinity', 'affinityType');
  if (object.kind === 'BackendConfig' && /^(GENERATED_COOKIE|CLIENT_IP|HTTP_COOKIE)/.test(str(affinityType) ?? '')) add(`affinityType: ${str(affinityType)}`, affinityType);
  if (object.kind === 'DestinationRule') {
    for (const policy of [get(spec, 'trafficPolicy'), ...items(get(spec, 'subsets')).map((s) => get(s, 'trafficPolicy'))]) {
      const hash = getPath(policy, 'loadBalancer', 'consistentHash');
      add('consistentHash.httpCookie', get(hash, 'httpCookie'));
      if (str(get(hash, 'useSourceIp')) === 'true') add('consistentHash.useSourceIp', get(hash, 'useSourceIp'));
    }
  }
  if (object.kind === 'IngressRoute') {
    for (const route of items(get(spec, 'routes'))) for (const service of items(get(route, 'services'))) add('sticky.cookie', getPath(service, 'sticky', 'cookie'));
  }
  if (object.kind === 'HTTPRoute' || object.kind === 'GRPCRoute') {
    for (const rule of items(get(spec, 'rules'))) add('sessionPersistence', get(rule, 'sessionPersistence'));
  }
  return found;
}

/**
 * Settings that pin each client to one pod: a Service's `sessionAffinity: ClientIP`, ingress
 * controllers' affinity-cookie annotations, GKE BackendConfig session affinity, Istio consistent
 * hashing on a cookie or the source IP, Traefik sticky cookies and Gateway API session persistence.
 */
export default defineRule<DeploymentModel>({
  id: 'processes/sticky-sessions',
  factor: 'processes',
  kinds: ['kubernetes'],
  defaultSeverity: 'warning',
  description: 'Session affinity: a Service with sessionAffinity ClientIP, or ingress or mesh settings that pin clients to a pod by cookie.',
  rationale: 'Processes share nothing; sticky sessions hide state kept in one process, which is lost when that process restarts or scales away.',
  messages: {
    stickySessions: '{{kind}} {{name}} pins each client to one pod ({{what}}): sessions kept in a process are lost at every restart, scale-down and rollout; keep session state in a backing service (Redis, a database) instead.',
  },
  fixable: false,
  scope: 'document',
  check(model, ctx) {
    for (const object of model.objects) {
      for (const affinity of [...specAffinities(object), ...annotationAffinities(object)]) {
        ctx.report({ messageId: 'stickySessions', data: { kind: object.kind, name: displayName(object.name), what: affinity.what }, at: affinity.at.span });
      }
    }
  },
});
