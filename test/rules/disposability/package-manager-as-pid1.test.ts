import rule from '../../../server/src/rules/disposability/package-manager-as-pid1';
import { testRule } from '../../helpers/ruleTester';

const pm = (command: string) => ({ messageId: 'packageManager', data: { command } });
const pkg = (scripts: Record<string, string>) => ({ 'package.json': JSON.stringify({ name: 'api', scripts }, null, 2) });
const START = pkg({ start: 'node server.js', build: 'tsc', 'start:prod': 'node --enable-source-maps dist/main.js' });

testRule(rule, { kind: 'dockerfile', fileName: 'Dockerfile' }, {
  valid: [
    'FROM node:20\nCMD ["node", "server.js"]',
    { name: 'tini in front of node', code: 'FROM node:20\nENTRYPOINT ["tini", "--"]\nCMD ["node", "server.js"]' },
    { name: 'npm ci in RUN is build time', code: 'FROM node:20\nRUN npm ci && npm run build\nCMD ["node", "dist/main.js"]' },
    { name: 'npm start in a build-only stage', code: 'FROM node:20 AS dev\nCMD ["npm", "start"]\nFROM node:20-slim\nCMD ["node", "server.js"]' },
    { name: 'npm before the final command is not the main process', code: 'FROM node:20\nCMD npm run migrate && exec node server.js' },
    { name: 'yarn node runs node under Plug\'n\'Play', code: 'FROM node:20\nCMD ["yarn", "node", "server.js"]' },
    { name: 'npm test is not a server', code: 'FROM node:20\nCMD ["npm", "test"]' },
    { name: 'mvn package is build-at-runtime, not this rule', code: 'FROM maven:3.9\nCMD ["mvn", "package"]' },
    { name: 'an unknown entrypoint receives npm start as arguments', code: 'FROM node:20\nENTRYPOINT ["/usr/local/bin/supervise"]\nCMD ["npm", "start"]' },
    { name: 'a pipe leaves the main process unclear', code: 'FROM node:20\nCMD npm start | tee /var/log/app.log' },
  ],
  invalid: [
    {
      name: 'exec form, fixed from scripts.start',
      code: 'FROM node:20\nCMD [«"npm", "start"»]',
      files: START,
      errors: [pm('npm start')],
      output: 'FROM node:20\nCMD ["node", "server.js"]',
    },
    {
      name: 'npm run <script>',
      code: 'FROM node:20\nCMD [«"npm", "run", "start:prod"»]',
      files: START,
      errors: [pm('npm run start:prod')],
      output: 'FROM node:20\nCMD ["node", "--enable-source-maps", "dist/main.js"]',
    },
    {
      name: 'npm start -- args: the args are kept',
      code: 'FROM node:20\nCMD [«"npm", "start", "--", "--port", "8080"»]',
      files: START,
      errors: [pm('npm start')],
      output: 'FROM node:20\nCMD ["node", "server.js", "--port", "8080"]',
    },
    {
      name: 'shell form keeps shell form',
      code: 'FROM node:20\nCMD «npm start»',
      files: START,
      errors: [pm('npm start')],
      output: 'FROM node:20\nCMD node server.js',
    },
    {
      name: 'the final command of a chain, after exec',
      code: 'FROM node:20\nCMD cd /app && \\\n    exec «npm start»',
      files: START,
      errors: [pm('npm start')],
      output: 'FROM node:20\nCMD cd /app && \\\n    exec node server.js',
    },
    {
      name: 'inside a sh -c wrapper, JSON-escaped',
      code: 'FROM node:20\nCMD ["sh", "-c", "npm run migrate && «yarn start»"]',
      files: pkg({ start: 'node -r "dotenv/config" server.js', migrate: 'knex migrate:latest' }),
      errors: [pm('yarn start')],
      output: 'FROM node:20\nCMD ["sh", "-c", "npm run migrate && node -r \\"dotenv/config\\" server.js"]',
    },
    {
      name: 'behind tini',
      code: 'FROM node:20\nENTRYPOINT ["tini", "--"]\nCMD [«"pnpm", "start"»]',
      files: START,
      errors: [pm('pnpm start')],
      output: 'FROM node:20\nENTRYPOINT ["tini", "--"]\nCMD ["node", "server.js"]',
    },
    { name: 'yarn <script>', code: 'FROM node:20\nCMD [«"yarn", "serve"»]', errors: [pm('yarn serve')] },
    {
      name: 'a prestart script would be skipped: no fix',
      code: 'FROM node:20\nCMD [«"npm", "start"»]',
      files: pkg({ prestart: 'node check-env.js', start: 'node server.js' }),
      errors: [pm('npm start')],
      output: null,
    },
    {
      name: 'a tool from node_modules/.bin is not on PATH without npm: no fix',
      code: 'FROM node:20\nCMD [«"npm", "start"»]',
      files: pkg({ start: 'next start -p 3000' }),
      errors: [pm('npm start')],
      output: null,
    },
    {
      name: 'a script with shell features: no fix',
      code: 'FROM node:20\nCMD [«"npm", "start"»]',
      files: pkg({ start: 'NODE_ENV=production node dist/main.js' }),
      errors: [pm('npm start')],
      output: null,
    },
    {
      name: 'a && script: no fix',
      code: 'FROM node:20\nCMD [«"npm", "start"»]',
      files: pkg({ start: 'npm run build && node dist/main.js' }),
      errors: [pm('npm start')],
      output: null,
    },
    { name: 'no scripts.start: no fix', code: 'FROM node:20\nCMD [«"npm", "start"»]', files: pkg({ build: 'tsc' }), errors: [pm('npm start')], output: null },
    { name: 'a broken package.json: no fix, no crash', code: 'FROM node:20\nCMD [«"npm", "start"»]', files: { 'package.json': '{ "scripts": { "start": ' }, errors: [pm('npm start')], output: null },
    { name: 'no package.json: no fix', code: 'FROM node:20\nCMD «npm start»', errors: [pm('npm start')], output: null },
    { name: 'npm flags other than -- args: no fix', code: 'FROM node:20\nCMD [«"npm", "start", "--silent"»]', files: START, errors: [pm('npm start')], output: null },
    {
      name: 'split across ENTRYPOINT and CMD: no fix',
      code: 'FROM node:20\nENTRYPOINT [«"npm"]\nCMD ["start"»]',
      files: START,
      errors: [pm('npm start')],
      output: null,
    },
    { name: 'mvn spring-boot:run', code: 'FROM maven:3.9-eclipse-temurin-21\nCMD [«"mvn", "-Pprod", "spring-boot:run"»]', errors: [pm('mvn spring-boot:run')] },
    { name: './mvnw in shell form', code: 'FROM eclipse-temurin:21\nCMD «./mvnw spring-boot:run»', errors: [pm('./mvnw spring-boot:run')] },
    { name: 'gradle bootRun', code: 'FROM gradle:8-jdk21\nENTRYPOINT [«"gradle", "bootRun", "--no-daemon"»]', errors: [pm('gradle bootRun')] },
    { name: './gradlew bootRun in a wrapper', code: 'FROM eclipse-temurin:21\nCMD ["sh", "-c", "exec «./gradlew :app:bootRun»"]', errors: [pm('./gradlew bootRun')] },
  ],
});
