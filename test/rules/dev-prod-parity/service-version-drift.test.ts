import rule from '../../../server/src/rules/dev-prod-parity/service-version-drift';
import { testRule } from '../../helpers/ruleTester';

const k8sDb = (image: string, name = 'db') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
spec:
  template:
    spec:
      containers:
        - name: postgres
          image: ${image}
`;

testRule(rule, { kind: 'compose', fileName: 'docker-compose.test.yml' }, {
  valid: [
    { name: 'the same major version', code: 'services:\n  db:\n    image: postgres:15.4\n', files: { 'docker-compose.yml': 'services:\n  db:\n    image: postgres:15-alpine\n' } },
    { name: 'MariaDB and MySQL number apart', code: 'services:\n  db:\n    image: mariadb:10.11\n', files: { 'k8s/db.yaml': k8sDb('mysql:8.0') } },
    { name: 'no version in the tag', code: 'services:\n  cache:\n    image: redis:alpine\n', files: { 'docker-compose.yml': 'services:\n  cache:\n    image: redis:7\n' } },
    { name: 'a templated tag', code: 'services:\n  db:\n    image: postgres:${PG_VERSION:-12}\n', files: { 'docker-compose.yml': 'services:\n  db:\n    image: postgres:15\n' } },
    { name: 'a v-tag is the image’s own numbering', code: 'services:\n  cache:\n    image: registry.k8s.io/redis:v1\n', files: { 'docker-compose.yml': 'services:\n  cache:\n    image: redis:7\n' } },
    { name: 'two development files may differ (a test matrix)', code: 'services:\n  db:\n    image: postgres:12\n', files: { 'docker-compose.dev.yml': 'services:\n  db:\n    image: postgres:16\n' } },
    { name: 'a file in a sibling folder is another app', code: 'services:\n  db:\n    image: postgres:12\n', files: { '../other-sample/docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n' } },
    {
      name: 'some production file runs this version too (an app with two databases)',
      code: 'services:\n  db:\n    image: postgres:13\n',
      files: { 'k8s/accounts-db.yaml': k8sDb('postgres:16', 'accounts-db'), 'k8s/ledger-db.yaml': k8sDb('postgres:13', 'ledger-db') },
    },
  ],
  invalid: [
    {
      code: 'services:\n  redis:\n    image: redis:alpine\n  db:\n    image: «postgres:9.4»\n',
      files: { '../docker-compose.images.yml': 'services:\n  db:\n    image: postgres:15-alpine\n' },
      errors: [{ messageId: 'versionDrift', data: { product: 'postgres', major: '9.4', image: 'postgres:9.4', other: '../docker-compose.images.yml', otherMajor: '15', otherImage: 'postgres:15-alpine' } }],
    },
    {
      name: 'against a Kubernetes manifest below, bitnami naming the same product',
      code: 'services:\n  db:\n    image: «bitnami/postgresql:14.10.0»\n',
      files: { 'deploy/k8s/db.yaml': k8sDb('postgres:16.1') },
      errors: [{ messageId: 'versionDrift', data: { product: 'postgres', major: '14', image: 'bitnami/postgresql:14.10.0', other: 'deploy/k8s/db.yaml', otherMajor: '16', otherImage: 'postgres:16.1' } }],
    },
  ],
});

testRule(rule, { kind: 'kubernetes', fileName: 'k8s/db.yaml' }, {
  valid: [
    { name: 'the development compose file is the one reported', code: k8sDb('postgres:16'), files: { '../docker-compose.dev.yml': 'services:\n  db:\n    image: postgres:12\n' } },
    { name: 'a compose file is reported, not the manifest', code: k8sDb('postgres:16'), files: { '../docker-compose.yml': 'services:\n  db:\n    image: postgres:12\n' } },
    { name: 'two Kubernetes databases of other names', code: k8sDb('postgres:16', 'accounts-db'), files: { 'ledger-db.yaml': k8sDb('postgres:13', 'ledger-db') } },
  ],
  invalid: [
    {
      name: 'the same workload at two versions on one platform',
      code: k8sDb('«mongo:7.0»', 'mongo'),
      files: { 'k8s/prod/mongo.yaml': k8sDb('mongo:6.0', 'mongo') },
      errors: [{ messageId: 'versionDrift', data: { product: 'mongo', major: '7', image: 'mongo:7.0', other: 'prod/mongo.yaml', otherMajor: '6', otherImage: 'mongo:6.0' } }],
    },
  ],
});
