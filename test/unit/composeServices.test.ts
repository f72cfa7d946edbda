import * as assert from 'node:assert/strict';
import { buildToolImages } from '../../server/src/analysis/buildToolImages';
import { isNonProductionComposeFile } from '../../server/src/parsing/deployment/composeServices';

describe('compose file roles', () => {
  it('tells development, local, override and test files', () => {
    for (const p of ['/r/docker-compose.dev.yml', '/r/compose.override.yaml', '/r/docker-compose-local.yml', '/r/compose.tests.yaml', '/r/docker-compose.ci.yml', '/r/dev/compose.yaml', '/r/.devcontainer/docker-compose.yml', 'C:\\r\\test\\compose.yml']) {
      assert.equal(isNonProductionComposeFile(p), true, p);
    }
  });
  it('leaves release files alone, whatever a word inside a name or a distant folder says', () => {
    for (const p of ['/r/docker-compose.yml', '/r/compose.prod.yaml', '/r/docker-stack.yml', '/r/compose.observability.yaml', '/r/devops/compose.yaml', '/dev/work/project/app/compose.yaml', '/r/test/app/compose.yaml']) {
      assert.equal(isNonProductionComposeFile(p), false, p);
    }
  });
});

describe('build tool image names', () => {
  const workspace = (files: Record<string, string>) => ({ readText: (p: string) => files[p] });

  it('reads Skaffold artifacts up the folders, Kustomize images and Tilt builds', () => {
    const found = buildToolImages('/repo/k8s/base/app.yaml', workspace({
      '/repo/skaffold.yaml': 'apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n  - image: api\n---\napiVersion: skaffold/v4beta6\nkind: Config\nprofiles:\n- name: p\n  build:\n    artifacts:\n    - image: worker\n',
      '/repo/k8s/base/kustomization.yaml': 'images:\n- name: web\n  newTag: 1.2.3\n',
      '/repo/k8s/Tiltfile': "docker_build('admin', '.')\ncustom_build(ref='batch', command='make')\n",
    }));
    assert.deepEqual([...found.names].sort(), ['admin', 'api', 'batch', 'web', 'worker']);
    assert.equal(found.kustomization, true);
  });

  it('survives broken files and finds nothing where there is nothing', () => {
    const found = buildToolImages('/repo/app.yaml', workspace({ '/repo/skaffold.yaml': 'build: [unclosed\n  artifacts: {' }));
    assert.deepEqual([...found.names], []);
    assert.equal(found.kustomization, false);
  });
});
