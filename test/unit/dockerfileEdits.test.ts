import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDockerfile, type DockerfileModel } from '../../server/src/parsing/dockerfile/dockerfileModel';
import { reparseDockerfile } from '../../server/src/parsing/dockerfile/editedModel';
import { PARSERS } from '../../server/src/parsing/parsers';
import { SourceFile } from '../../server/src/parsing/sourceFile';
import { longRunDockerfile } from '../bench/inputs';

const ROOT = path.join(__dirname, '../..');
/** The Dockerfiles under a folder of the repository, by relative path. */
function dockerfilesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return dockerfilesUnder(rel);
    return /dockerfile/i.test(e.name) && !/\.(ts|md)$/.test(e.name) ? [rel] : [];
  });
}
const REPO_DOCKERFILES = ['examples', 'test/fixtures', 'test/e2e/workspace'].flatMap(dockerfilesUnder);

const SHAPES = [
  [
    '# syntax=docker/dockerfile:1',
    'ARG BASE=node:20',
    'ARG   VERSION',
    'FROM ${BASE} AS build',
    'ENV A=1 B="two words" C=\'x\' \\',
    '    D=4',
    'RUN apt-get update \\',
    '# a comment inside the continuation',
    '    && apt-get install -y curl \\',
    '',
    '    && curl https://example.com/install.sh | sh',
    'FROM build AS test',
    'FROM builder AS release',
    'COPY --from=build --chown=node:node ["a b", "c", "/dst/"]',
    'ADD https://github.com/o/r/archive/main.tar.gz /src/',
    'RUN <<EOF',
    'echo hi',
    'EOF',
    'FROM build',
    'CMD ["node", "server.js"]',
    'ENTRYPOINT exec node   server.js',
    'VOLUME /data',
    'EXPOSE 8080',
  ].join('\n'),
  '# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir `\n  c:\\\nCMD x\n',
  longRunDockerfile(80),
];

/** A small deterministic random source (tests must fail the same way twice). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

const PIECES = ['x', 'x', 'x', 'er', ' AS build', ' as Test', ' ', '1', '\\', '#', '<<', '"', "'", '[', ']', '=', '$', '-', '--from=a ', 'RUN ', 'FROM a', '\n', '`'];

const strip = (model: DockerfileModel) => ({ ...model, file: model.file.text });
const json = (model: DockerfileModel) => JSON.stringify(strip(model), (_key, value: unknown) => (value === undefined ? null : value));

describe('Dockerfile models after an edit', () => {
  it('reads the repository Dockerfiles', () => {
    assert.ok(REPO_DOCKERFILES.length >= 10, REPO_DOCKERFILES.join());
  });

  it('equal a full parse of the new text after random edits, each model built from the one before', () => {
    let reused = 0;
    let edits = 0;
    const texts = [...SHAPES, ...REPO_DOCKERFILES.map((f) => fs.readFileSync(path.join(ROOT, f), 'utf8'))];
    texts.forEach((start, n) => {
      const next = random(n + 1);
      let model = parseDockerfile(new SourceFile('/w/Dockerfile', start, 1));
      let text = start;
      for (let k = 0; k < 60; k++) {
        const at = Math.floor(next() * (text.length + 1));
        // Typing happens in runs: most edits are one character at the end of a word.
        text = next() < 0.6 ? text.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
        const file = new SourceFile('/w/Dockerfile', text, k + 2);
        if (reparseDockerfile(file, model)) reused++;
        const edited = PARSERS.dockerfile!.parse(file, model) as DockerfileModel;
        const fresh = parseDockerfile(file);
        // Compared as JSON (keys set to undefined kept as null), which is much faster than deepStrictEqual on big models.
        if (json(edited) !== json(fresh)) assert.deepStrictEqual(strip(edited), strip(fresh), `after edit ${k} of text ${n}:\n${text}`);
        model = edited;
        edits++;
      }
    });
    // Most random edits stay in one instruction: the reuse must be taken, or this test proves nothing.
    assert.ok(reused > edits / 4, `${reused} of ${edits} edits reused the model`);
  });

  it('moves the instructions after the edited one, and keeps the ones before', () => {
    const before = 'FROM node:20\nRUN npm ci\nCOPY . .\nCMD ["node", "x.js"]\n';
    const model = parseDockerfile(new SourceFile('/w/Dockerfile', before, 1));
    const file = new SourceFile('/w/Dockerfile', before.replace('npm ci', 'npm ci --omit=dev'), 2);
    const edited = reparseDockerfile(file, model)!;
    assert.ok(edited);
    assert.equal(edited.instructions[0], model.instructions[0]);
    assert.equal(edited.instructions[1].command?.form === 'shell' && edited.instructions[1].command.text, 'npm ci --omit=dev');
    assert.equal(file.slice(edited.instructions[3].span), 'CMD ["node", "x.js"]');
    assert.equal(edited.stages[0].instructions[3], edited.instructions[3]);
    // A FROM's image is read again; a line more, another keyword, or a continuation: the whole text is parsed again.
    const from = reparseDockerfile(new SourceFile('/w/Dockerfile', before.replace('node:20', 'node:22'), 2), model)!;
    assert.equal(from.stages[0].image.tag?.value, '22');
    for (const other of [before.replace('npm ci', 'npm ci\nRUN x'), before.replace('RUN npm ci', 'CMD npm ci'), before.replace('npm ci', 'npm ci \\')]) {
      assert.equal(reparseDockerfile(new SourceFile('/w/Dockerfile', other, 2), model), undefined, other);
    }
  });
});
