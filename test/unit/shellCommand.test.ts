import * as assert from 'node:assert/strict';
import {
  commandWords,
  finalCommand,
  hasAssignments,
  isExeced,
  isPlainCommand,
  isShellBuiltin,
  parseShell,
  programName,
  shellWrapperScriptIndex,
  trapsSignals,
} from '../../server/src/analysis/shellCommand';

const words = (text: string) => parseShell(text).commands.map((c) => c.words.map((w) => w.value));
const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

describe('shellCommand', () => {
  describe('parseShell', () => {
    it('splits at control operators and keeps their order', () => {
      const script = parseShell('cd /app && npm ci; node a.js | tee log || true');
      assert.deepEqual(script.commands.map((c) => c.words.map((w) => w.value).join(' ')), ['cd /app', 'npm ci', 'node a.js', 'tee log', 'true']);
      assert.deepEqual(script.separators, ['&&', ';', '|', '||']);
    });

    it('removes quotes and backslashes from values, and spans point into the file', () => {
      const text = `echo "a b" 'c d' e\\ f`;
      const script = parseShell(text, 100);
      assert.deepEqual(words(text), [['echo', 'a b', 'c d', 'e f']]);
      assert.deepEqual(script.commands[0].words[1].span, { start: 105, end: 110 });
    });

    it('joins line continuations, with the Dockerfile escape character', () => {
      assert.deepEqual(words('node \\\n  server.js'), [['node', 'server.js']]);
      const text = 'node `\n  server.js';
      const script = parseShell(text, 0, '`');
      assert.deepEqual(script.commands[0].words.map((w) => slice(text, w.span)), ['node', 'server.js']);
    });

    it('keeps ${VAR}, $(cmd) and backticks in one word, as variables or substitutions', () => {
      const script = parseShell('java ${JAVA_OPTS:-"-Xmx1g -Xms1g"} -jar $(ls /app/*.jar) `cat args`');
      assert.deepEqual(script.commands[0].words.map((w) => w.value), ['java', '${JAVA_OPTS:-"-Xmx1g -Xms1g"}', '-jar', '$(ls /app/*.jar)', '`cat args`']);
      assert.ok(script.features.has('variable') && script.features.has('substitution'));
      assert.ok(!script.features.has('subshell'), 'braces of ${VAR} are not a subshell');
    });

    it('records redirects and drops a file-descriptor prefix from the words', () => {
      const script = parseShell('node app.js > /dev/null 2>&1');
      assert.deepEqual(script.commands[0].words.map((w) => w.value), ['node', 'app.js', '/dev/null']);
      assert.ok(script.features.has('redirect'));
    });

    it('lists each redirect with its descriptor, operator, target and span', () => {
      const text = 'gunicorn app >> log/app.log 2>&1 &> all.log 2> "err log" < in.txt';
      const redirects = parseShell(text, 10).commands[0].redirects ?? [];
      assert.deepEqual(
        redirects.map((r) => ({ op: r.operator, fd: r.fd, target: r.target?.value, duplicate: r.duplicate, text: text.slice(r.span.start - 10, r.span.end - 10) })),
        [
          { op: '>>', fd: undefined, target: 'log/app.log', duplicate: undefined, text: '>> log/app.log' },
          { op: '>', fd: 2, target: undefined, duplicate: '1', text: '2>&1' },
          { op: '&>', fd: undefined, target: 'all.log', duplicate: undefined, text: '&> all.log' },
          { op: '>', fd: 2, target: 'err log', duplicate: undefined, text: '2> "err log"' },
          { op: '<', fd: undefined, target: 'in.txt', duplicate: undefined, text: '< in.txt' },
        ],
      );
      assert.equal(parseShell('a &> b').commands.length, 1, '&> is a redirect, not a background job');
      assert.equal(parseShell('node app.js | tee out.log').commands[0].redirects, undefined);
    });

    it('marks what the shell would reject', () => {
      for (const text of ['echo "a', "echo 'a", 'echo $(a', 'echo ${A', 'echo `a', 'a &&', 'a |', '&& a', 'a ; && b']) {
        assert.ok(parseShell(text).features.has('syntax'), text);
        assert.equal(finalCommand(parseShell(text)), undefined, text);
      }
      for (const text of ['a ;', 'a &', 'echo "a" \'b\' $(c) ${D}']) assert.ok(!parseShell(text).features.has('syntax'), text);
    });

    it('marks compound commands', () => {
      assert.ok(parseShell('if [ -f x ]; then a; fi').features.has('compound'));
      assert.ok(parseShell('while true; do a; done').features.has('compound'));
      assert.ok(!parseShell('echo if then fi').features.has('compound'), 'reserved words only count first');
      assert.ok(!parseShell('"if" x').features.has('compound'), 'a quoted word is not reserved');
    });
  });

  describe('finalCommand', () => {
    it('is the last command of a && / ; chain', () => {
      assert.deepEqual(finalCommand(parseShell('cd /app && npm ci; exec node a.js'))?.words.map((w) => w.value), ['exec', 'node', 'a.js']);
    });
    it('is undefined with pipes, ||, background jobs, subshells and compound commands', () => {
      for (const text of ['a | b', 'a || b', 'a & b', 'a &', '(cd x && a)', 'if x; then a; fi', 'f() { a; }']) {
        assert.equal(finalCommand(parseShell(text)), undefined, text);
      }
    });
  });

  it('isPlainCommand: one command with no shell features', () => {
    assert.ok(isPlainCommand(parseShell('node -e "console.log(1)" a\\ b')));
    for (const text of ['node $APP', 'node a.js > log', 'a && b', 'node *.js', '~/bin/app', 'node a.js # c']) {
      assert.ok(!isPlainCommand(parseShell(text)), text);
    }
  });

  it('commandWords skips assignments, exec and env', () => {
    const [command] = parseShell('FOO=1 exec env BAR=2 node a.js').commands;
    assert.deepEqual(commandWords(command).map((w) => w.value), ['node', 'a.js']);
  });

  it('isExeced and hasAssignments', () => {
    assert.ok(isExeced(parseShell('FOO=1 exec node a.js').commands[0]));
    assert.ok(!isExeced(parseShell('node exec').commands[0]));
    assert.ok(hasAssignments(parseShell('NODE_ENV=production node a.js').commands[0]));
    assert.ok(!hasAssignments(parseShell('node --x=1 a.js').commands[0]));
    assert.ok(!hasAssignments(parseShell('"A=1" node').commands[0]));
  });

  it('isShellBuiltin and trapsSignals', () => {
    assert.ok(isShellBuiltin('cd') && isShellBuiltin('wait') && isShellBuiltin('fi'));
    assert.ok(!isShellBuiltin('node') && !isShellBuiltin('echo'));
    assert.ok(trapsSignals(parseShell("trap 'kill $p' TERM; a & p=$!; wait")));
    assert.ok(!trapsSignals(parseShell('echo trap')));
  });

  it('programName', () => {
    assert.equal(programName('/usr/local/bin/node'), 'node');
    assert.equal(programName('./mvnw'), 'mvnw');
  });

  it('shellWrapperScriptIndex', () => {
    assert.equal(shellWrapperScriptIndex(['sh', '-c', 'x']), 2);
    assert.equal(shellWrapperScriptIndex(['/bin/bash', '-ec', 'x']), 2);
    assert.equal(shellWrapperScriptIndex(['bash', '-e', '-c', 'x', 'arg0']), 3);
    assert.equal(shellWrapperScriptIndex(['/bin/bash', '-o', 'pipefail', '-c', 'x']), 4);
    assert.equal(shellWrapperScriptIndex(['bash', '--login', '-c', 'x']), 3);
    assert.equal(shellWrapperScriptIndex(['sh', '/start.sh']), -1);
    assert.equal(shellWrapperScriptIndex(['sh', '-c']), -1);
    assert.equal(shellWrapperScriptIndex(['node', '-c', 'x']), -1);
  });

  it('parses a text once: the same text at another offset gets the same script moved there, shared and frozen', () => {
    const text = 'cd /app && FOO=1 exec node server.js > /var/log/app.log 2>&1 | tee x';
    const first = parseShell(text, 100);
    assert.equal(parseShell(text, 100), first);
    const moved = parseShell(text, 7);
    // What a fresh parse at offset 7 gives: a text that differs only where no span reaches.
    const fresh = parseShell(text + ' ', 7);
    assert.deepEqual(moved.commands, fresh.commands);
    assert.equal(moved.commands[0].redirects?.[0]?.target, moved.commands[0].words.find((w) => w.value === '/var/log/app.log'));
    assert.ok(Object.isFrozen(first.commands[0].words[0]) && Object.isFrozen(first.commands[0].words[0].span));
    assert.notEqual(first.commands[0].words[0].span.start, moved.commands[0].words[0].span.start);
  });
});
