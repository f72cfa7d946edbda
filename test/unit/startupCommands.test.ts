import * as assert from 'node:assert/strict';
import { parseDockerfile } from '../../server/src/parsing/dockerfile/dockerfileModel';
import { decodedSpan, readExecForm } from '../../server/src/parsing/dockerfile/execForm';
import { isDevDockerfile, skipLaunchers, startupOf } from '../../server/src/parsing/dockerfile/startupCommands';
import { SourceFile } from '../../server/src/parsing/sourceFile';

const startup = (text: string) => startupOf(parseDockerfile(new SourceFile('/w/Dockerfile', text)));
const texts = (text: string) => {
  const s = startup(text);
  return { argv: s?.argv.map((a) => a.value), commands: s?.commands.map((c) => text.slice(c.span.start, c.span.end)), main: s?.main && text.slice(s.main.span.start, s.main.span.end) };
};

describe('execForm', () => {
  it('decodes JSON strings with exact offsets', () => {
    const text = '["sh", "-c", "echo \\"a b\\" \\u0026\\u0026 node x.js"]';
    const items = readExecForm(text, 10, '\\')!;
    assert.deepEqual(items.map((i) => i.value), ['sh', '-c', 'echo "a b" && node x.js']);
    const script = items[2];
    assert.deepEqual(script.span, { start: 10 + text.indexOf('"echo'), end: 10 + text.length - 1 });
    const at = script.value.indexOf('node');
    assert.equal(text.slice(decodedSpan(script, { start: at, end: at + 4 }).start - 10, decodedSpan(script, { start: at, end: at + 4 }).end - 10), 'node');
    const amp = script.value.indexOf('&&');
    const ampSpan = decodedSpan(script, { start: amp, end: amp + 2 });
    assert.equal(text.slice(ampSpan.start - 10, ampSpan.end - 10), '\\u0026\\u0026');
  });

  it('removes line continuations and the comment lines inside them, with either escape character', () => {
    assert.deepEqual(readExecForm('["node", \\\n# note\n\n  "a.js"]', 0, '\\')?.map((i) => i.value), ['node', 'a.js']);
    assert.deepEqual(readExecForm('["node", `\n  "a.js"]', 0, '`')?.map((i) => i.value), ['node', 'a.js']);
    assert.deepEqual(readExecForm('["sh", "-c", "a && \\\n  b"]', 0, '\\')?.map((i) => i.value), ['sh', '-c', 'a &&   b']);
  });

  it('rejects what Docker would run as shell text', () => {
    for (const text of ['["node", "a.js",]', '["node", "a.js"] # comment', "['node']", '["node" "a.js"]', '["a\\x"]', '["a', '[1]']) {
      assert.equal(readExecForm(text, 0, '\\'), undefined, text);
    }
    assert.deepEqual(readExecForm('[ ]', 0, '\\'), []);
  });
});

describe('startupCommands', () => {
  it('shell form runs under /bin/sh -c', () => {
    assert.deepEqual(texts('FROM x\nCMD cd /app && node a.js'), { argv: ['/bin/sh', '-c', 'cd /app && node a.js'], commands: ['cd /app', 'node a.js'], main: 'node a.js' });
  });

  it('exec form is one command whose words are the JSON strings', () => {
    assert.deepEqual(texts('FROM x\nCMD ["node", "a.js"]'), { argv: ['node', 'a.js'], commands: ['"node", "a.js"'], main: '"node", "a.js"' });
  });

  it('ENTRYPOINT and CMD join; launchers are skipped; a sh -c script is parsed with file spans', () => {
    const r = texts('FROM x\nENTRYPOINT ["tini", "--"]\nCMD ["sh", "-c", "npm ci && exec node \\"a b.js\\""]');
    assert.deepEqual(r.commands, ['npm ci', 'exec node \\"a b.js\\"']);
    assert.equal(startup('FROM x\nENTRYPOINT ["tini", "-g", "--"]\nCMD ["node"]')?.mainIndex, 3);
  });

  it('a shell-form CMD behind an exec-form ENTRYPOINT is /bin/sh -c arguments', () => {
    const s = startup('FROM x\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD node a.js')!;
    assert.deepEqual(s.argv.map((a) => a.value), ['docker-entrypoint.sh', '/bin/sh', '-c', 'node a.js']);
    assert.equal(s.script, s.shellForm);
  });

  it('a shell-form ENTRYPOINT ignores CMD', () => {
    assert.deepEqual(texts('FROM x\nENTRYPOINT exec /app\nCMD ["--flag"]').argv, ['/bin/sh', '-c', 'exec /app']);
  });

  it('uses the SHELL in effect, and gives up on non-POSIX shells', () => {
    assert.deepEqual(texts('FROM x\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nCMD a | b').argv, ['/bin/bash', '-o', 'pipefail', '-c', 'a | b']);
    assert.equal(startup('FROM x\nSHELL ["pwsh", "-Command"]\nCMD ./run.ps1')?.shellForm, undefined);
    assert.equal(startup('FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCMD app.exe')?.shellForm, undefined);
    assert.ok(startup('FROM x\nCMD a\nSHELL ["pwsh", "-Command"]')?.shellForm, 'a SHELL after the CMD does not apply to it');
  });

  it('is undefined without CMD or ENTRYPOINT, or with malformed JSON', () => {
    assert.equal(startup('FROM x\nRUN a'), undefined);
    assert.equal(startup('FROM x\nCMD ["node", "a.js",]'), undefined);
  });

  it('an unknown program in front hides what follows', () => {
    const s = startup('FROM x\nENTRYPOINT ["/opt/run"]\nCMD ["sh", "-c", "a && b"]')!;
    assert.equal(s.script, undefined);
    assert.deepEqual(s.commands.map((c) => c.words.map((w) => w.value)), [['/opt/run', 'sh', '-c', 'a && b']]);
  });

  it('skipLaunchers', () => {
    assert.equal(skipLaunchers(['tini', '--', 'node']), 2);
    assert.equal(skipLaunchers(['/sbin/tini', '-s', '-e', '143', '--', 'node']), 5);
    assert.equal(skipLaunchers(['dumb-init', 'gosu', 'app', 'env', 'A=1', 'node']), 5);
    assert.equal(skipLaunchers(['docker-entrypoint.sh', '--port', '80']), 1);
    assert.equal(skipLaunchers(['node', 'a.js']), 0);
  });

  it('isDevDockerfile', () => {
    for (const p of ['/w/Dockerfile.dev', '/w/dev.Dockerfile', '/w/Dockerfile-development', '/w/.devcontainer/Dockerfile', '/w/Dockerfile.local']) assert.ok(isDevDockerfile(p), p);
    for (const p of ['/w/Dockerfile', '/w/Dockerfile.prod', '/w/devtools/Dockerfile', '/w/Dockerfile.debian']) assert.ok(!isDevDockerfile(p), p);
  });
});
