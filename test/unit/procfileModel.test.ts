import * as assert from 'node:assert/strict';
import { isDevProcfile, parseProcfile, processNamed } from '../../server/src/parsing/procfile/procfileModel';
import { procfileFacts } from '../../server/src/parsing/procfile/procfileParser';
import { SourceFile } from '../../server/src/parsing/sourceFile';

const parse = (text: string, name = '/app/Procfile') => parseProcfile(new SourceFile(name, text));

describe('procfileModel', () => {
  it('reads process lines with spans for the name, the command and each word', () => {
    const text = '# processes\r\nweb:   bundle exec puma -C config/puma.rb  \r\n\r\nworker: sidekiq\r\n';
    const model = parse(text);
    assert.deepEqual(model.processes.map((p) => [text.slice(p.name.span.start, p.name.span.end), text.slice(p.command.span.start, p.command.span.end)]), [
      ['web', 'bundle exec puma -C config/puma.rb'],
      ['worker', 'sidekiq'],
    ]);
    assert.deepEqual(model.processes[0].script.commands[0].words.map((w) => text.slice(w.span.start, w.span.end)), ['bundle', 'exec', 'puma', '-C', 'config/puma.rb']);
    assert.deepEqual(model.comments.map((c) => text.slice(c.start, c.end)), ['# processes']);
    assert.deepEqual(model.problems, []);
    assert.equal(processNamed(model, 'worker')?.command.value, 'sidekiq');
  });

  it('reports lines that are not process lines, empty commands and repeated types, and keeps the rest', () => {
    const text = 'web: node a.js\nthis is not a process\nworker:\nweb: node b.js\n';
    const model = parse(text);
    assert.deepEqual(model.problems.map((p) => [p.message, text.slice(p.span.start, p.span.end)]), [
      ['line 2 is not a "name: command" process line, so it is ignored.', 'this is not a process'],
      ['process type "worker" has no command.', 'worker'],
      ['process type "web" is declared again on line 4; only one of the two runs.', 'web'],
    ]);
    assert.equal(processNamed(model, 'web')?.command.value, 'node b.js', 'the last declaration is the one that runs');
  });

  it('expands sh -c wrappers with spans into the file', () => {
    const text = `web: bash -c "cd app && exec node server.js --port 5000"`;
    const process = parse(text).processes[0];
    assert.deepEqual(process.commands.map((c) => text.slice(c.span.start, c.span.end)), ['cd app', 'exec node server.js --port 5000']);
  });

  it('tells local-only Procfiles from deployed ones', () => {
    for (const name of ['Procfile.dev', '/x/Procfile.windows', 'Procfile.local', 'Procfile.development']) assert.ok(isDevProcfile(name), name);
    for (const name of ['Procfile', '/x/Procfile.prod', 'Procfile.staging', 'Procfile.devops']) assert.ok(!isDevProcfile(name), name);
  });

  it('provides the variables its commands set to the index', () => {
    const text = 'web: NODE_ENV=production env LOG_LEVEL=info node server.js FOO=bar\n';
    const facts = procfileFacts(parse(text));
    assert.deepEqual(facts.envProvided?.map((f) => [f.name, text.slice(f.span.start, f.span.end)]), [['NODE_ENV', 'NODE_ENV'], ['LOG_LEVEL', 'LOG_LEVEL']]);
    assert.equal(procfileFacts(parse('web: node server.js\n')).envProvided, undefined);
    // The Procfile is a provider of the env contract for the code of its folder, and expands $PORT itself.
    const facts2 = procfileFacts(parse('web: gunicorn -b :$PORT app:app\n'));
    assert.deepEqual(facts2.envServices?.map((s) => [s.platform, s.provided.length]), [['procfile', 0]]);
    assert.deepEqual(facts2.envReads?.map((r) => r.name), ['PORT']);
  });
});
