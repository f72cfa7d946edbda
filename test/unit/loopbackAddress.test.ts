import * as assert from 'node:assert/strict';
import { addressRole, loopbackMentions } from '../../server/src/analysis/serviceAddress';

describe('loopback addresses in values', () => {
  const hosts = (value: string) => loopbackMentions(value).map((m) => ({ host: value.slice(m.start, m.end), scheme: m.scheme, port: m.port }));

  it('finds localhost, 127.x and [::1] with their scheme and port', () => {
    assert.deepEqual(hosts('postgres://app:pw@localhost:5432/app'), [{ host: 'localhost', scheme: 'postgres', port: 5432 }]);
    assert.deepEqual(hosts('jdbc:mysql://127.0.0.1/app'), [{ host: '127.0.0.1', scheme: 'jdbc:mysql', port: undefined }]);
    assert.deepEqual(hosts('[::1]:8080'), [{ host: '[::1]', scheme: undefined, port: 8080 }]);
    assert.deepEqual(hosts('LOCALHOST'), [{ host: 'LOCALHOST', scheme: undefined, port: undefined }]);
  });

  it('finds each address of a list, and inside JSON', () => {
    assert.deepEqual(hosts('kafka:9092,localhost:9093,127.0.0.1:9094').map((h) => h.port), [9093, 9094]);
    assert.deepEqual(hosts('{"url":"redis://localhost:6379"}'), [{ host: 'localhost', scheme: 'redis', port: 6379 }]);
  });

  it('ignores hosts that only contain the word', () => {
    for (const value of ['mylocalhost:1', 'localhost.example.com', 'localhost-db', '127.0.0.10.example', 'db.localhost2', '']) assert.deepEqual(hosts(value), [], value);
  });
});

describe('what an address variable is for', () => {
  it('tells the process’s own address', () => {
    for (const name of ['HOST', 'BIND_ADDRESS', 'KAFKA_LISTENERS', 'server_host', 'LISTEN_ADDR']) assert.equal(addressRole(name), 'self', name);
  });
  it('tells addresses for browsers and outside clients', () => {
    for (const name of ['REACT_APP_API_URL', 'VITE_BACKEND', 'NEXT_PUBLIC_API', 'CORS_ORIGIN', 'KAFKA_ADVERTISED_LISTENERS', 'OAUTH_REDIRECT_URI', 'EXTERNAL_DB_URL']) {
      assert.equal(addressRole(name), 'outside', name);
    }
  });
  it('tells backing services, and leaves neutral names alone', () => {
    for (const name of ['DATABASE_URL', 'DB_HOST', 'REDIS_HOST', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'SPRING_RABBITMQ_HOST', 'mongo_uri']) assert.equal(addressRole(name), 'backing', name);
    for (const name of ['API_URL', 'CATALOGUE_URL', 'DBX_TOKEN', 'REDISTRIBUTE']) assert.equal(addressRole(name), undefined, name);
  });
});
