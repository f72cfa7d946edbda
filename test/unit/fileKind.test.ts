import * as assert from 'node:assert/strict';
import { detectKind } from '../../server/src/parsing/fileKind';

describe('detectKind', () => {
  const cases: [string, string | undefined, string | undefined][] = [
    ['/w/Dockerfile', undefined, 'dockerfile'],
    ['/w/api/Dockerfile.prod', undefined, 'dockerfile'],
    ['/w/azure-vote/Dockerfile-for-app-service', undefined, 'dockerfile'],
    ['/w/worker.dockerfile', undefined, 'dockerfile'],
    ['/w/Containerfile', undefined, 'dockerfile'],
    ['/w/vote/Dockerfile-for-app-service', undefined, 'dockerfile'],
    ['/w/Dockerfile_prod', undefined, 'dockerfile'],
    ['/w/lib/dockerfile-utils.js', undefined, 'code'],
    ['/w/docs/Dockerfile-notes.md', undefined, undefined],
    ['/w/Procfile', undefined, 'procfile'],
    ['/w/Procfile.dev', undefined, 'procfile'],
    ['/w/.env', undefined, 'dotenv'],
    ['/w/.env.example', undefined, 'dotenv'],
    ['/w/config/app.env', undefined, 'dotenv'],
    ['/w/src/main/resources/application.properties', undefined, 'spring'],
    ['/w/src/main/resources/application-prod.yml', 'spring:\n  datasource:\n    url: jdbc:h2:mem:x\n', 'spring'],
    ['/w/bootstrap.yml', 'spring:\n  application:\n    name: api\n', 'spring'],
    ['/w/src/main/resources/application.yml', undefined, undefined],
    ['/w/argo/application.yaml', 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: shop\n', 'kubernetes'],
    ['/w/k8s/application.yaml', '# licence\n\napiVersion: apps/v1\nkind: Deployment\n', 'kubernetes'],
    ['/w/docker-compose.yml', undefined, 'compose'],
    ['/w/compose.override.yaml', undefined, 'compose'],
    ['/w/stack.yml', 'services:\n  web:\n    image: nginx:1.25\n', 'compose'],
    ['/w/manifest.yml', '---\napplications:\n- name: api\n', 'cloudfoundry'],
    ['/w/k8s/deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\n', 'kubernetes'],
    ['/w/chart/templates/deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n', 'kubernetes'],
    ['/w/skaffold.yaml', 'apiVersion: skaffold/v4beta6\nkind: Config\n', undefined],
    ['/w/.github/workflows/ci.yml', 'on: push\njobs: {}\n', undefined],
    ['/w/src/index.ts', undefined, 'code'],
    ['/w/src/main/resources/logback-spring.xml', undefined, 'log-config'],
    ['/w/src/main/resources/log4j2.xml', undefined, 'log-config'],
    ['/w/logging.conf', undefined, 'log-config'],
    ['/w/config/logging.prod.ini', undefined, 'log-config'],
    ['/w/pom.xml', undefined, undefined],
    ['/w/nginx.conf', undefined, undefined],
    ['/w/src/types.d.ts', undefined, undefined],
    ['/w/app.py', undefined, 'code'],
    ['/w/Main.java', undefined, 'code'],
    ['/w/main.go', undefined, 'code'],
    ['/w/.twelve-factor.yaml', undefined, 'twelve-factor-config'],
    ['/w/.vscode/settings.json', undefined, 'vscode-settings'],
    ['/w/settings.json', undefined, undefined],
    ['/w/README.md', undefined, undefined],
  ];
  for (const [file, text, kind] of cases) {
    it(`${file} → ${kind ?? 'not analysed'}`, () => assert.equal(detectKind(file, text)?.kind, kind));
  }

  it('gives code files their language', () => {
    assert.equal(detectKind('/w/a.tsx')?.language, 'typescript');
    assert.equal(detectKind('/w/a.mjs')?.language, 'javascript');
    assert.equal(detectKind('C:\\w\\app.py')?.language, 'python');
  });
});
