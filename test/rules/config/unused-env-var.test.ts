import rule from '../../../server/src/rules/config/unused-env-var';
import { testRule } from '../../helpers/ruleTester';

const lines = (...l: string[]) => l.join('\n') + '\n';
const compose = (...env: string[]) => lines('services:', '  api:', '    build: ./api', '    environment:', ...env.map((e) => `      ${e}`));
const reads = (...names: string[]) => names.map((n) => `const ${n.toLowerCase()} = process.env.${n};`).join('\n') + '\n';

// The tested file is /workspace/app/docker-compose.yml; the service builds /workspace/app/api.
testRule(rule, { kind: 'compose', fileName: 'docker-compose.yml' }, {
  valid: [
    { name: 'every variable is read', code: compose('A: x', 'B: ${B}'), files: { 'api/server.js': reads('A', 'B') } },
    { name: 'no analysed code in the build context: nothing to judge by', code: compose('A: x') },
    { name: 'runtimes and libraries read these themselves', code: compose('NODE_OPTIONS: --max-old-space-size=512', 'OTEL_SERVICE_NAME: api', 'JAVA_OPTS: -Xmx1g'), files: { 'api/server.js': reads('A') } },
    { name: 'a team-listed runtime variable', code: compose('FEATURE_X: "1"'), files: { 'api/server.js': reads('A') }, options: { runtimeVariables: ['FEATURE_*'] } },
    { name: 'code that hands the whole environment to a validator', code: compose('A: x'), files: { 'api/config.js': 'module.exports = cleanEnv(process.env, { A: str() });\n' } },
    { name: 'a start-up script the analysis cannot read', code: compose('A: x'), files: { 'api/server.js': reads('B'), 'api/Dockerfile': lines('FROM node:20', 'ENTRYPOINT ["./docker-entrypoint.sh"]') } },
    { name: 'code of a language the analysis does not read', code: compose('A: x'), files: { 'api/server.js': reads('B'), 'api/Gemfile': "source 'https://rubygems.org'\n" } },
    { name: 'a service that only pulls an image', code: lines('services:', '  db:', '    image: postgres:16', '    environment: {POSTGRES_PASSWORD: x}'), files: { 'api/server.js': reads('B') } },
    { name: 'expanded by the compose file itself', code: lines('services:', '  api:', '    build: ./api', '    command: ["sh", "-c", "serve --port $$LISTEN"]', '    environment:', '      LISTEN: "8080"'), files: { 'api/server.js': reads('B') } },
  ],
  invalid: [
    {
      name: 'a variable no code in the build context reads',
      code: compose('A: x', '«LEGACY_FLAG»: "true"'),
      files: { 'api/server.js': reads('A') },
      errors: [{ messageId: 'unused', data: { name: 'LEGACY_FLAG', service: 'api', count: 1, folders: 'api' } }],
    },
  ],
});
