import rule from '../../../server/src/rules/config/env-example-drift';
import { testRule } from '../../helpers/ruleTester';

const EXAMPLE = '# Copy to .env and fill in.\nPORT=3000\nDATABASE_URL=\n# Optional:\n# SENTRY_DSN=\n';

testRule(rule, { kind: 'dotenv', fileName: '.env' }, {
  valid: [
    { name: 'the same keys', code: 'PORT=8080\nDATABASE_URL=postgres://localhost/app\n', files: { '.env.example': EXAMPLE } },
    { name: 'a key the template documents in a comment as optional', code: 'PORT=8080\nDATABASE_URL=x\nSENTRY_DSN=https://k@sentry.io/1\n', files: { '.env.example': EXAMPLE } },
    { name: 'no template at all: nothing to drift from', code: 'PORT=8080\nEXTRA=1\n' },
    { name: 'a .env.sample is the template when there is no .env.example', code: 'PORT=1\nexport DATABASE_URL=x\n', files: { '.env.sample': 'PORT=\nDATABASE_URL=\n' } },
    { name: 'a template of another .env is not this one\'s', code: 'PORT=1\nEXTRA=2\n', files: { '.env.production.example': 'PORT=\n' } },
  ],
  invalid: [
    {
      name: 'a key missing from the template gets KEY= appended, without its value',
      code: 'PORT=8080\nDATABASE_URL=postgres://localhost/app\n«STRIPE_KEY»=sk_test_123\n',
      files: { '.env.example': EXAMPLE },
      errors: [{ messageId: 'missingFromExample', data: { key: 'STRIPE_KEY', env: '.env', example: '.env.example' } }],
      output: 'PORT=8080\nDATABASE_URL=postgres://localhost/app\nSTRIPE_KEY=sk_test_123\n',
      otherOutputs: { '.env.example': `${EXAMPLE}STRIPE_KEY=\n` },
    },
    {
      name: 'a template without a final line break, with CRLF; a repeated key is reported once',
      code: '«REDIS_URL»=redis://localhost\nREDIS_URL=redis://other\nPORT=1\n',
      files: { '.env.example': 'PORT=3000\r\nDATABASE_URL=' },
      errors: [{ messageId: 'missingFromExample', data: { key: 'REDIS_URL', env: '.env', example: '.env.example' } }],
      output: 'REDIS_URL=redis://localhost\nREDIS_URL=redis://other\nPORT=1\n',
      otherOutputs: { '.env.example': 'PORT=3000\r\nDATABASE_URL=\r\nREDIS_URL=\r\n' },
    },
  ],
});

testRule(rule, { kind: 'dotenv', fileName: '.env.example' }, {
  valid: [
    { name: 'every listed key is set', code: EXAMPLE, files: { '.env': 'PORT=1\nDATABASE_URL=x\n' } },
    { name: 'no .env (a fresh clone): nothing to compare', code: EXAMPLE },
    { name: 'a key the .env switched off in a comment', code: 'PORT=\nDATABASE_URL=\n', files: { '.env': 'PORT=1\n# DATABASE_URL=postgres://old\n' } },
  ],
  invalid: [
    {
      name: 'a listed key the .env lacks: reported on the template, no fix',
      code: '# Copy to .env and fill in.\nPORT=3000\n«DATABASE_URL»=\n',
      files: { '.env': 'PORT=8080\n' },
      errors: [{ messageId: 'missingFromEnv', data: { key: 'DATABASE_URL', env: '.env', example: '.env.example' } }],
    },
  ],
});
