import * as assert from 'node:assert/strict';
import { environmentLabel, isServiceScheme, parseAddress } from '../../server/src/analysis/serviceAddress';

describe('serviceAddress', () => {
  it('splits URLs, JDBC URLs and bare host:port into scheme and host', () => {
    assert.deepEqual(parseAddress('postgres://app:pw@db.internal:5432/orders'), { scheme: 'postgres', host: 'db.internal' });
    assert.deepEqual(parseAddress('jdbc:mysql://mysql:3306/app'), { scheme: 'jdbc:mysql', host: 'mysql' });
    assert.deepEqual(parseAddress('cache.prod.internal:6379'), { scheme: undefined, host: 'cache.prod.internal' });
    assert.deepEqual(parseAddress('r2dbc:pool:postgresql://db:5432/app'), { scheme: 'r2dbc:pool:postgresql', host: 'db' });
    assert.deepEqual(parseAddress('jdbc:oracle:thin:@//ora.internal:1521/ORCLPDB'), { scheme: 'jdbc:oracle', host: 'ora.internal' });
    assert.deepEqual(parseAddress('jdbc:oracle:thin:scott/tiger@ora:1521:XE'), { scheme: 'jdbc:oracle', host: 'ora' });
    assert.equal(parseAddress('jdbc:h2:mem:testdb'), undefined);
    assert.equal(parseAddress('not an address'), undefined);
    assert.equal(parseAddress(''), undefined);
  });

  it('knows which schemes are backing services, and that embedded JDBC databases are not', () => {
    for (const s of ['postgresql', 'mongodb+srv', 'rediss', 'amqp', 'jdbc:postgresql', 'r2dbc:pool:mysql', 'jdbc:oracle']) assert.equal(isServiceScheme(s), true, s);
    for (const s of ['https', 'file', 'jdbc:h2', 'jdbc:sqlite', 'r2dbc:h2']) assert.equal(isServiceScheme(s), false, s);
  });

  it('finds an environment label in a host, not in a longer word', () => {
    assert.equal(environmentLabel('api.PROD.example.com'), 'prod');
    assert.equal(environmentLabel('db-staging'), 'staging');
    assert.equal(environmentLabel('product-catalog.internal'), undefined);
  });
});
