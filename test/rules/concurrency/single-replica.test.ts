import rule from '../../../server/src/rules/concurrency/single-replica';
import { testRule } from '../../helpers/ruleTester';

const lines = (...l: string[]) => l.join('\n') + '\n';
const deployment = (name: string, replicas: string, image = 'example/api:1.2.3', ...extra: string[]) =>
  lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${name}`, '  namespace: shop', 'spec:', `  replicas: ${replicas}`, ...extra, '  template:', '    spec:', '      containers:', `      - {name: app, image: ${image}}`);
const hpa = (target: string, kind = 'HorizontalPodAutoscaler') =>
  lines(`apiVersion: ${kind === 'ScaledObject' ? 'keda.sh/v1alpha1' : 'autoscaling/v2'}`, `kind: ${kind}`, 'metadata: {name: scaler, namespace: shop}', 'spec:', `  scaleTargetRef: {${kind === 'ScaledObject' ? '' : 'apiVersion: apps/v1, kind: Deployment, '}name: ${target}}`, '  minReplicas: 1');

testRule(rule, { kind: 'kubernetes', fileName: 'deployment.yaml' }, {
  valid: [
    { name: 'several replicas, and no replicas line', code: deployment('api', '3') + '---\n' + lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  template:', '    spec:', '      containers: [{name: web, image: example/web:1.0.0}]') },
    { name: 'an HPA in the same file', code: deployment('api', '1') + '---\n' + hpa('api') },
    { name: 'an HPA in another file of the workspace', code: deployment('api', '1'), files: { '../autoscaling/hpa.yaml': hpa('api') } },
    { name: 'a KEDA ScaledObject elsewhere (Deployment is its default target kind)', code: deployment('api', '1'), files: { 'keda.yaml': hpa('api', 'ScaledObject') } },
    {
      name: 'a Kustomize base whose overlay patches the replicas up',
      code: deployment('api', '1'),
      files: { '../overlays/prod/replicas.yaml': lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: api}', 'spec:', '  replicas: 4') },
    },
    {
      name: "a Kustomize overlay's replicas field",
      code: deployment('api', '1'),
      files: { '../overlays/prod/kustomization.yaml': lines('apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', 'resources: [../../base]', 'replicas:', '- {name: api, count: 3}') },
    },
    { name: 'a deliberate singleton with the Recreate strategy', code: deployment('api', '1', 'example/api:1.2.3', '  strategy: {type: Recreate}') },
    { name: 'a backing service', code: deployment('redis-leader', '1', 'registry.k8s.io/redis:e2e') + '---\n' + deployment('follower', '1', 'us-docker.pkg.dev/google-samples/containers/gke/gb-redis-follower:v2') },
    { name: 'a templated replicas line and a Helm document', code: deployment('api', '{{ .Values.replicaCount }}') + '---\n' + deployment('{{ include "app.fullname" . }}', '1') },
    { name: 'a StatefulSet', code: lines('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata: {name: db}', 'spec:', '  replicas: 1', '  template:', '    spec:', '      containers: [{name: app, image: example/api:1.2.3}]') },
  ],
  invalid: [
    {
      name: 'one replica, and the HPA in the workspace targets another Deployment',
      code: deployment('api', '«1»'),
      files: { 'hpa.yaml': hpa('web') },
      errors: [{ messageId: 'singleReplica', data: { workload: 'api' } }],
    },
    {
      name: 'an overlay that keeps one replica does not count',
      code: deployment('api', '«1»'),
      files: { '../overlays/dev/kustomization.yaml': lines('apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', 'replicas: [{name: api, count: 1}]') },
      errors: [{ messageId: 'singleReplica', data: { workload: 'api' } }],
    },
    {
      name: 'an HPA of the same name in another namespace does not count',
      code: deployment('api', '«1»'),
      files: { 'hpa.yaml': hpa('api').replace('namespace: shop', 'namespace: billing') },
      errors: [{ messageId: 'singleReplica', data: { workload: 'api' } }],
    },
  ],
});
