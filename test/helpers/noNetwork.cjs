// Preloaded with --require by the isolation test: every way out of the process (sockets, HTTP, DNS,
// child processes) throws, so that a run that still works provably needs none of them.
const net = require('node:net');
const tls = require('node:tls');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
const childProcess = require('node:child_process');

function forbidden(what) {
  return function () {
    throw new Error(`isolation test: ${what} is forbidden`);
  };
}
net.Socket.prototype.connect = forbidden('net.Socket.connect');
for (const name of ['connect', 'createConnection', 'createServer']) net[name] = forbidden(`net.${name}`);
tls.connect = forbidden('tls.connect');
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) dns[name] = forbidden(`dns.${name}`);
for (const mod of [http, https]) for (const name of ['request', 'get', 'createServer']) mod[name] = forbidden(`http.${name}`);
globalThis.fetch = forbidden('fetch');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) childProcess[name] = forbidden(`child_process.${name}`);
