import * as assert from 'node:assert/strict';
import { isBackingServiceImage, serviceVersion } from '../../server/src/analysis/backingServiceImages';

describe('isBackingServiceImage', () => {
  for (const image of ['postgres:16', 'docker.io/library/redis:7@sha256:' + 'a'.repeat(64), 'registry.k8s.io/redis:e2e', 'bitnami/mongodb', 'gcr.io/google_samples/gb-redisslave:v1', 'us-docker.pkg.dev/google-samples/containers/gke/gb-redis-follower:v2', 'mysql/mysql-server:8.0', 'localhost:5000/minio']) {
    it(`${image} is a backing service`, () => assert.equal(isBackingServiceImage(image), true));
  }
  for (const image of ['example/api:1.2.3', 'redis-exporter:1.0', 'oliver006/redis_exporter', 'postgres-operator:1.10', 'nginx:1.27', 'registry.example.com:5000/shop/web']) {
    it(`${image} is not`, () => assert.equal(isBackingServiceImage(image), false));
  }
});

describe('serviceVersion', () => {
  const cases: [string, { product: string; major: string } | undefined][] = [
    ['postgres:15-alpine', { product: 'postgres', major: '15' }],
    ['postgres:9.6.24', { product: 'postgres', major: '9.6' }],
    ['bitnami/postgresql:14.10.0-debian-11-r10', { product: 'postgres', major: '14' }],
    ['docker.io/library/mysql:5.7', { product: 'mysql', major: '5' }],
    ['mariadb:10.11', { product: 'mariadb', major: '10' }],
    ['redis:alpine', undefined],
    ['registry.k8s.io/redis:v1', undefined],
    ['postgres:${PG_VERSION:-15}', undefined],
    ['nginx:1.27', undefined],
  ];
  for (const [image, expected] of cases) it(`${image} → ${JSON.stringify(expected)}`, () => assert.deepEqual(serviceVersion(image), expected));
});
