import rule from '../../../server/src/rules/build-release-run/mutable-image-tag';
import { testRule } from '../../helpers/ruleTester';

const pod = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: ${image}\n`;
const deployment = (image: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: frontend\nspec:\n  template:\n    spec:\n      containers:\n        - name: server\n          image: ${image}\n`;

const SKAFFOLD = 'apiVersion: skaffold/v3\nkind: Config\nbuild:\n  artifacts:\n  - image: frontend\n    context: src/frontend\nprofiles:\n- name: gcb\n  build:\n    artifacts:\n    - image: cartservice\n';

describe('kubernetes', () => {
  testRule(rule, { kind: 'kubernetes', fileName: 'kubernetes-manifests/frontend.yaml' }, {
    valid: [
      pod('nginx:1.27.0'),
      pod('registry.local:5000/team/app:2.3.1'),
      { name: 'a digest pins the image', code: pod('nginx@sha256:4a8e0824201e50fc44ee8d208a2b3e44f2e2b8a6e1b4e1a7e4e2f1c3b5d6e7f8') },
      { name: 'a digest pins even the latest tag', code: pod('nginx:latest@sha256:4a8e0824201e50fc44ee8d208a2b3e44f2e2b8a6e1b4e1a7e4e2f1c3b5d6e7f8') },
      { name: 'envsubst placeholders', code: pod('${IMAGE_URI}') + '---\n' + pod('$IMAGE') + '---\n' + pod('gcr.io/app:${TAG}') },
      { name: 'Helm templates', code: pod('"{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"') },
      { name: 'names a person fills in', code: pod('us-central1-docker.pkg.dev/PROJECT_ID/repo/app') + '---\n' + pod('IMAGE_NAME') },
      { name: 'ko resolves its build references to digests', code: pod('ko://github.com/example/app/cmd/server') },
      { name: 'a Skaffold artifact name, in skaffold.yaml one folder up', code: deployment('frontend'), files: { 'skaffold.yaml': SKAFFOLD } },
      { name: 'a Skaffold artifact of a profile', code: deployment('cartservice'), files: { 'skaffold.yaml': SKAFFOLD } },
      {
        name: 'a Kustomize images override',
        code: deployment('example/frontend'),
        files: { 'kustomization.yaml': 'resources:\n- frontend.yaml\nimages:\n- name: example/frontend\n  newTag: 1.4.2\n' },
      },
      { name: 'a bare name in a Kustomize base is the overlays’ placeholder', code: deployment('hello'), files: { 'kubernetes-manifests/kustomization.yaml': 'resources:\n- frontend.yaml\n' } },
      { name: 'a Tilt build', code: deployment('frontend'), files: { 'Tiltfile': "docker_build('frontend', 'src/frontend')\n" } },
      { name: 'allowed by option', code: pod('internal/base'), options: { allow: ['internal/base'] } },
      { name: 'a version with a variant, and a release codename', code: pod('redis:7.2-alpine') + '---\n' + pod('debian:bookworm-slim') },
      { name: 'a name to fill in with no written tag', code: pod('<LOCATION>-docker.pkg.dev/<PROJECT_ID>/repo/app') + '---\n' + pod('${REGISTRY}/app:${TAG}') },
    ],
    invalid: [
      { code: pod('«nginx»'), errors: [{ messageId: 'noTag', data: { image: 'nginx' } }] },
      { code: pod('redis:«latest»'), errors: [{ messageId: 'latestTag', data: { image: 'redis:latest' } }] },
      { name: 'quoted', code: pod('"busybox:«latest»"'), errors: [{ messageId: 'latestTag', data: { image: 'busybox:latest' } }] },
      { name: 'a tag that names no version', code: pod('redis:«alpine»'), errors: [{ messageId: 'versionlessTag', data: { image: 'redis:alpine' } }] },
      {
        name: 'a name to fill in still floats on a written latest tag',
        code: pod('<LOCATION>-docker.pkg.dev/<PROJECT_ID>/repo/app:«latest»') + '---\n' + pod('us-central1-docker.pkg.dev/PROJECT_ID/repo/agent:«latest»'),
        errors: [
          { messageId: 'latestTag', data: { image: '<LOCATION>-docker.pkg.dev/<PROJECT_ID>/repo/app:latest' } },
          { messageId: 'latestTag', data: { image: 'us-central1-docker.pkg.dev/PROJECT_ID/repo/agent:latest' } },
        ],
      },
      { name: 'a registry port is not a tag', code: pod('«registry.local:5000/team/app»'), errors: [{ messageId: 'noTag', data: { image: 'registry.local:5000/team/app' } }] },
      {
        name: 'init containers and CronJobs count',
        code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers:\n            - name: wait\n              image: «busybox»\n          containers:\n            - name: report\n              image: example/report:«latest»\n',
        errors: [{ messageId: 'noTag' }, { messageId: 'latestTag' }],
      },
      {
        name: 'a skaffold.yaml that builds other images does not cover this one',
        code: deployment('«nginx»'),
        files: { 'skaffold.yaml': SKAFFOLD },
        errors: [{ messageId: 'noTag', data: { image: 'nginx' } }],
      },
      {
        name: 'a Kustomize folder does not cover an explicit latest, nor a name with a path',
        code: deployment('nginx:«latest»') + '---\n' + deployment('«example/frontend»'),
        files: { 'kubernetes-manifests/kustomization.yaml': 'resources:\n- frontend.yaml\n' },
        errors: [{ messageId: 'latestTag' }, { messageId: 'noTag' }],
      },
      {
        name: 'an image shared through an anchor is reported once, where it is written',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: a\n      image: &img «nginx»\n    - name: b\n      image: *img\n',
        errors: [{ messageId: 'noTag' }],
      },
    ],
  });
});

describe('compose', () => {
  testRule(rule, { kind: 'compose', fileName: 'compose.yaml' }, {
    valid: [
      'services:\n  db:\n    image: postgres:16-alpine\n',
      { name: 'placeholders', code: 'services:\n  web:\n    image: ${REPO}/rs-web:${TAG}\n  api:\n    image: "${IMAGE_NAME}:${DEMO_VERSION}-api"\n' },
      { name: 'compose builds the image itself', code: 'services:\n  web:\n    build: .\n    image: example/web\n  api:\n    build: ./api\n    image: example/api:latest\n' },
    ],
    invalid: [
      { code: 'services:\n  cache:\n    image: «redis»\n', errors: [{ messageId: 'noTag', data: { image: 'redis' } }] },
      { code: "services:\n  db:\n    image: 'postgres:«latest»'\n", errors: [{ messageId: 'latestTag', data: { image: 'postgres:latest' } }] },
      { name: 'flow style', code: 'services: { proxy: { image: «nginx» } }\n', errors: [{ messageId: 'noTag' }] },
    ],
  });
  for (const fileName of ['docker-compose.dev.yml', 'compose.override.yaml', 'docker-compose.local.yml', 'dev/compose.yaml', 'docker-compose.test.yml']) {
    testRule(rule, { kind: 'compose', fileName }, {
      valid: [{ name: `${fileName} is not a release`, code: 'services:\n  db:\n    image: postgres\n  cache:\n    image: redis:latest\n' }],
      invalid: [],
    });
  }
});
