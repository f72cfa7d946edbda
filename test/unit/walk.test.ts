import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { walkWorkspace } from '../../server/src/audit/walk';
import { memoryFs } from '../helpers/memoryFs';

const K8S = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';

describe('walkWorkspace', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'twelve-factor-walk-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  function write(files: Record<string, string>, base = tmp) {
    for (const [rel, text] of Object.entries(files)) {
      const abs = path.join(base, ...rel.split('/'));
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
  }
  const walked = (root = tmp) => [...walkWorkspace(root)].map((f) => f.relativePath);

  it('yields recognised files only, in name order, with their kinds', () => {
    write({
      'b/Dockerfile': 'FROM node\n',
      'a/app.py': 'print(1)\n',
      'README.md': '# hi\n',
      'k8s/web.yaml': K8S,
      'k8s/notes.yaml': 'title: not a manifest\n',
      'docker-compose.yml': 'services:\n  web:\n    image: x\n',
      '.env': 'A=1\n',
      '.vscode/settings.json': '{}',
      '.vscode/extensions.json': '{}',
      '.twelve-factor.yaml': 'rules: {}\n',
      'index.d.ts': 'export {};\n',
    });
    const files = [...walkWorkspace(tmp)];
    assert.deepEqual(
      files.map((f) => [f.relativePath, f.kind.kind]),
      [
        ['.env', 'dotenv'],
        ['.twelve-factor.yaml', 'twelve-factor-config'],
        ['.vscode/settings.json', 'vscode-settings'],
        ['a/app.py', 'code'],
        ['b/Dockerfile', 'dockerfile'],
        ['docker-compose.yml', 'compose'],
        ['k8s/web.yaml', 'kubernetes'],
      ],
    );
    assert.equal(files.find((f) => f.relativePath === 'k8s/web.yaml')?.text, K8S, 'the text read to sniff the kind is handed on');
    assert.equal(files.find((f) => f.relativePath === 'b/Dockerfile')?.text, undefined, 'a name-decided file is not read');
    assert.equal(files[0].path, path.join(tmp, '.env'));
  });

  it('skips node_modules, .git and vendored folders at any depth', () => {
    const skipped = ['node_modules', '.git', 'vendor', 'third_party', 'bower_components', '.venv', 'venv', '__pycache__', '.tox', 'target', '.gradle'];
    write(Object.fromEntries([...skipped.map((d) => [`${d}/Dockerfile`, '']), ...skipped.map((d) => [`svc/${d}/x/Dockerfile`, '']), ['svc/Dockerfile', '']]));
    assert.deepEqual(walked(), ['svc/Dockerfile']);
  });

  it('honours the root .gitignore, nested ones, negations and folder-only patterns', () => {
    write({
      '.gitignore': 'dist/\n*.local.Dockerfile\nbuild\nDockerfile.ci/\n',
      Dockerfile: '',
      'dist/Dockerfile': '',
      'build/Dockerfile': '',
      'x.local.Dockerfile': '',
      'svc/.gitignore': '!keep.local.Dockerfile\ntmp/\n/Procfile\n',
      'svc/keep.local.Dockerfile': '',
      'svc/other.local.Dockerfile': '',
      'svc/tmp/Dockerfile': '',
      'svc/Procfile': '',
      'svc/deep/Procfile': '',
      'svc/Dockerfile.ci': 'a file named like an ignored folder',
    });
    assert.deepEqual(walked(), ['Dockerfile', 'svc/Dockerfile.ci', 'svc/deep/Procfile', 'svc/keep.local.Dockerfile']);
  });

  it('applies .gitignore files above the root up to the repository, unless they ignore the root itself', () => {
    write({ '.git/HEAD': '', '.gitignore': 'generated/\nscratch/\n', 'services/api/Dockerfile': '', 'services/api/generated/Dockerfile': '', 'scratch/Dockerfile': '' });
    assert.deepEqual(walked(path.join(tmp, 'services', 'api')), ['Dockerfile']);
    assert.deepEqual(walked(path.join(tmp, 'scratch')), ['Dockerfile'], 'the folder was asked for by name');
  });

  it('never follows links out of the tree, nor linked folders at all', function () {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'twelve-factor-outside-'));
    try {
      write({ Dockerfile: '', 'secret/Dockerfile': '' }, outside);
      write({ 'app/Dockerfile': '' });
      try {
        symlinkSync(path.join(outside, 'secret'), path.join(tmp, 'linked-out'), 'dir');
      } catch {
        this.skip(); // no symlink permission (Windows without developer mode)
      }
      symlinkSync(path.join(outside, 'Dockerfile'), path.join(tmp, 'Containerfile'));
      symlinkSync(path.join(tmp, 'app', 'Dockerfile'), path.join(tmp, 'Dockerfile.prod'));
      symlinkSync(tmp, path.join(tmp, 'app', 'loop'), 'dir');
      symlinkSync(path.join(tmp, 'missing'), path.join(tmp, 'Dockerfile.dangling'));
      assert.deepEqual(walked(), ['Dockerfile.prod', 'app/Dockerfile']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('passes over folders and YAML files it cannot read', () => {
    const fs = memoryFs('/ws', { 'ok/Dockerfile': '', 'locked/Dockerfile': '', 'k8s/web.yaml': new Error('EIO'), 'k8s/ok.yaml': K8S }, ['locked']);
    assert.deepEqual([...walkWorkspace('/ws', fs)].map((f) => f.relativePath), ['k8s/ok.yaml', 'ok/Dockerfile']);
  });

  it('reports what it leaves out and why, and applies the caller\'s exclusions', () => {
    const fs = memoryFs(
      '/ws',
      {
        '.gitignore': 'dist/\n.env\n',
        '.env': 'A=1\n',
        'dist/Dockerfile': '',
        'node_modules/x/Dockerfile': '',
        '.git/HEAD': '',
        'secret/Dockerfile': '',
        'k8s/hidden.yaml': K8S,
        'k8s/web.yaml': K8S,
        'k8s/notes.md': '',
        'k8s/broken.yaml': new Error('EIO'),
        'svc/Dockerfile': '',
      },
      ['locked'],
    );
    const skipped: string[] = [];
    const exclude = (abs: string) => abs === path.join('/ws', 'secret') || abs.endsWith('hidden.yaml') || abs.endsWith('notes.md');
    const found = [...walkWorkspace('/ws', fs, { exclude, onSkip: (s) => skipped.push(`${s.relativePath}${s.folder ? '/' : ''} ${s.reason}`) })];
    assert.deepEqual(found.map((f) => f.relativePath), ['k8s/web.yaml', 'svc/Dockerfile']);
    assert.deepEqual(skipped, ['.env gitignore', 'dist/ gitignore', 'k8s/broken.yaml unreadable', 'k8s/hidden.yaml excluded', 'node_modules/ vendored', 'secret/ excluded']);
  });

  it('yields nothing for a root that does not exist', () => {
    assert.deepEqual(walked(path.join(tmp, 'nope')), []);
  });
});
