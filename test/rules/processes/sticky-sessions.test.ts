import rule from '../../../server/src/rules/processes/sticky-sessions';
import { testRule } from '../../helpers/ruleTester';

const lines = (...l: string[]) => l.join('\n') + '\n';

testRule(rule, { kind: 'kubernetes', fileName: 'service.yaml' }, {
  valid: [
    { name: 'sessionAffinity None', code: lines('apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', '  selector: {app: web}', '  sessionAffinity: None', '  ports: [{port: 80}]') },
    { name: 'other nginx annotations, and affinity off', code: lines('apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: web', '  annotations:', '    nginx.ingress.kubernetes.io/rewrite-target: /', '    nginx.ingress.kubernetes.io/affinity-mode: balanced', '    traefik.ingress.kubernetes.io/service.sticky.cookie: "false"', 'spec:', '  rules: [{host: example.com}]') },
    { name: 'pod affinity is scheduling, not sessions', code: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  template:', '    spec:', '      affinity:', '        podAntiAffinity: {}', '      containers: [{name: web, image: nginx:1.27}]') },
    { name: 'consistent hashing on a header (cache locality)', code: lines('apiVersion: networking.istio.io/v1', 'kind: DestinationRule', 'metadata: {name: cache}', 'spec:', '  host: cache', '  trafficPolicy:', '    loadBalancer:', '      consistentHash: {httpHeaderName: x-tenant}') },
  ],
  invalid: [
    {
      name: 'a Service with ClientIP affinity',
      code: lines('apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', '  selector: {app: web}', '  sessionAffinity: «ClientIP»', '  ports: [{port: 80}]'),
      errors: [{ messageId: 'stickySessions', data: { kind: 'Service', name: 'web', what: 'sessionAffinity: ClientIP' } }],
    },
    {
      name: 'ingress annotations: NGINX cookie affinity and ALB stickiness',
      code: lines('apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: shop', '  annotations:', '    nginx.ingress.kubernetes.io/affinity: «"cookie"»', '    alb.ingress.kubernetes.io/target-group-attributes: «stickiness.enabled=true,stickiness.lb_cookie.duration_seconds=60»'),
      errors: [
        { messageId: 'stickySessions', data: { kind: 'Ingress', name: 'shop', what: 'nginx.ingress.kubernetes.io/affinity: cookie' } },
        { messageId: 'stickySessions', data: { kind: 'Ingress', name: 'shop', what: 'alb.ingress.kubernetes.io/target-group-attributes: stickiness.enabled=true,stickiness.lb_cookie.duration_seconds=60' } },
      ],
    },
    {
      name: 'a GKE BackendConfig, an Istio cookie hash and Gateway API session persistence',
      code: lines(
        'apiVersion: cloud.google.com/v1', 'kind: BackendConfig', 'metadata: {name: web}', 'spec:', '  sessionAffinity: {affinityType: «"GENERATED_COOKIE"», affinityCookieTtlSec: 50}',
        '---', 'apiVersion: networking.istio.io/v1', 'kind: DestinationRule', 'metadata: {name: web}', 'spec:', '  host: web', '  trafficPolicy:', '    loadBalancer:', '      consistentHash:', '        httpCookie: «{name: user, ttl: 0s}»',
        '---', 'apiVersion: gateway.networking.k8s.io/v1', 'kind: HTTPRoute', 'metadata: {name: web}', 'spec:', '  rules:', '  - backendRefs: [{name: web, port: 80}]', '    sessionPersistence: «{sessionName: web, type: Cookie}»',
      ),
      errors: [
        { messageId: 'stickySessions', data: { kind: 'BackendConfig', name: 'web', what: 'affinityType: GENERATED_COOKIE' } },
        { messageId: 'stickySessions', data: { kind: 'DestinationRule', name: 'web', what: 'consistentHash.httpCookie' } },
        { messageId: 'stickySessions', data: { kind: 'HTTPRoute', name: 'web', what: 'sessionPersistence' } },
      ],
    },
  ],
});
