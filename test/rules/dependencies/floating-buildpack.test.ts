import rule from '../../../server/src/rules/dependencies/floating-buildpack';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'cloudfoundry', fileName: 'manifest.yml' }, {
  valid: [
    { name: 'system buildpacks are versioned by the platform', code: 'applications:\n- name: web\n  buildpacks:\n    - nodejs_buildpack\n  buildpack: staticfile_buildpack\n' },
    { name: 'a git URL pinned to a tag', code: 'applications:\n- name: web\n  buildpacks:\n    - https://github.com/cloudfoundry/java-buildpack.git#v4.76.0\n' },
    { name: 'a released archive', code: 'applications:\n- name: web\n  buildpacks:\n    - https://github.com/cloudfoundry/python-buildpack/releases/download/v1.8.37/python-buildpack-cflinuxfs4-v1.8.37.zip\n' },
    { name: 'a CNB image with a version or a digest', code: 'applications:\n- name: web\n  lifecycle: cnb\n  buildpacks:\n    - docker://docker.io/paketobuildpacks/nodejs:7.4.0\n    - docker://gcr.io/paketo-buildpacks/java@sha256:4a8e0824201e50fc44ee8d208a2b3e44f2e2b8a6e1b4e1a7e4e2f1c3b5d6e7f8\n' },
    { name: 'pinned and wildcard-minor runtimes', code: "applications:\n- name: web\n  env:\n    GOVERSION: go1.22\n    BP_NODE_VERSION: 20.*\n    JBP_CONFIG_OPEN_JDK_JRE: '{ jre: { version: 17.+ } }'\n" },
    { name: 'an app’s own version label is no runtime', code: 'applications:\n- name: web\n  env:\n    APP_VERSION: latest\n' },
    { name: 'a placeholder', code: 'applications:\n- name: web\n  buildpacks:\n    - ((java_buildpack_url))\n  env:\n    GOVERSION: ((go_version))\n' },
  ],
  invalid: [
    {
      code: 'applications:\n- name: cf-demo\n  buildpacks:\n  - «https://github.com/cloudfoundry/java-buildpack.git»\n',
      errors: [{ messageId: 'gitNoRef', data: { buildpack: 'https://github.com/cloudfoundry/java-buildpack.git' } }],
    },
    {
      name: 'a branch, singular buildpack key',
      code: 'applications:\n- name: web\n  buildpack: «https://github.com/cloudfoundry/ruby-buildpack#master»\n',
      errors: [{ messageId: 'gitBranch', data: { buildpack: 'https://github.com/cloudfoundry/ruby-buildpack#master', ref: 'master' } }],
    },
    {
      name: 'a CNB image without a tag',
      code: 'applications:\n- name: test-nodejs-cnb\n  lifecycle: cnb\n  buildpacks:\n  - «docker://docker.io/paketobuildpacks/nodejs»\n',
      errors: [{ messageId: 'imageFloating', data: { buildpack: 'docker://docker.io/paketobuildpacks/nodejs' } }],
    },
    {
      name: 'runtime versions of latest',
      code: 'applications:\n  - env:\n      GOPACKAGENAME: go-online\n      GOVERSION: «latest»\n  - name: api\n    env: { BP_NODE_VERSION: «"latest"» }\n',
      errors: [{ messageId: 'runtimeLatest', data: { name: 'GOVERSION' } }, { messageId: 'runtimeLatest', data: { name: 'BP_NODE_VERSION' } }],
    },
  ],
});
