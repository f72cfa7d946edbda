import * as assert from 'node:assert/strict';
import { isBackingServiceImage } from '../../server/src/analysis/backingServiceImages';

describe('isBackingServiceImage', () => {
  for (const image of ['postgres:16', 'docker.io/library/redis:7@sha256:' + 'a'.repeat(64), 'registry.k8s.io/redis:e2e', 'bitnami/mongodb', 'gcr.io/google_samples/gb-redisslave:v1', 'us-docker.pkg.dev/google-samples/containers/gke/gb-redis-follower:v2', 'mysql/mysql-server:8.0', 'localhost:5000/minio']) {
    it(`${image} is a backing service`, () => assert.equal(isBackingServiceImage(image), true));
  }
  for (const image of ['example/api:1.2.3', 'redis-exporter:1.0', 'oliver006/redis_exporter', 'postgres-operator:1.10', 'nginx:1.27', 'registry.example.com:5000/shop/web']) {
    it(`${image} is not`, () => assert.equal(isBackingServiceImage(image), false));
  }
});
