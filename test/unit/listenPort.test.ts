import * as assert from 'node:assert/strict';
import { fixedListenPorts } from '../../server/src/analysis/listenPort';
import { isStreamDestination, logFilesOf } from '../../server/src/analysis/logDestinations';
import { parseShell } from '../../server/src/analysis/shellCommand';

const ports = (text: string) => parseShell(text).commands.flatMap((c) => fixedListenPorts(c, text).map((p) => `${p.how} → ${p.port}`));
const logs = (text: string) => parseShell(text).commands.flatMap((c) => logFilesOf(c).map((f) => f.how));

describe('listenPort', () => {
  it('finds the port in each common spelling', () => {
    assert.deepEqual(ports('serve -s build --listen 3000'), ['--listen 3000 → 3000']);
    assert.deepEqual(ports('waitress-serve --listen=*:8080 app:app'), ['--listen=*:8080 → 8080']);
    assert.deepEqual(ports('php -S 0.0.0.0:8000 -t public'), ['-S 0.0.0.0:8000 → 8000']);
    assert.deepEqual(ports('python3 -m http.server 8000'), ['8000 → 8000']);
    assert.deepEqual(ports('target/universal/stage/bin/app -Dhttp.port=9000'), ['-Dhttp.port=9000 → 9000']);
    assert.deepEqual(ports('hypercorn -b [::]:8000 app:app'), ['-b [::]:8000 → 8000']);
    assert.deepEqual(ports('env PORT=3000 npm start'), ['PORT=3000 → 3000']);
  });

  it('ignores references, other flags and values that are no port', () => {
    for (const text of ['node server.js -p $PORT', 'rails s -b 0.0.0.0', 'gunicorn -b unix:/tmp/g.sock app', 'app --port 0', 'app --port 99999', 'java -p lib -m app', 'python -m http.server']) {
      assert.deepEqual(ports(text), [], text);
    }
  });

  it('offers the $PORT edit only where the number stands plainly', () => {
    const text = `node a.js --port "3000" --http-port '4000'`;
    const found = parseShell(text).commands.flatMap((c) => fixedListenPorts(c, text));
    assert.deepEqual(found.map((p) => p.edit?.text), ['$PORT', undefined]);
  });
});

describe('logDestinations', () => {
  it('lists redirects, tee and log-file options that write to files', () => {
    assert.deepEqual(logs('uwsgi --logto /var/log/uwsgi.log --ini app.ini'), ['--logto /var/log/uwsgi.log']);
    assert.deepEqual(logs('puma --redirect-stdout log/puma.out'), ['--redirect-stdout log/puma.out']);
    assert.deepEqual(logs('node a.js 1> out.txt 3> fd3.txt'), ['1> out.txt']);
    assert.deepEqual(logs('java --logging.file.path=/var/log -jar a.jar'), ['--logging.file.path=/var/log']);
  });

  it('treats standard streams and variables as streams', () => {
    for (const t of ['-', '/dev/stdout', '/dev/stderr', '/proc/self/fd/1', 'stdout', '$LOG', '%LOG%', '/dev/null']) assert.ok(isStreamDestination(t), t);
    for (const t of ['app.log', '/var/log/app.log', 'log/production.log']) assert.ok(!isStreamDestination(t), t);
  });
});
