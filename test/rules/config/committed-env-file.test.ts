import rule from '../../../server/src/rules/config/committed-env-file';
import { testRule } from '../../helpers/ruleTester';

// The tested file is /workspace/app/.env; `.git/HEAD` marks /workspace/app as the repository root.
const REPO = { '.git/HEAD': 'ref: refs/heads/main\n' };
const STRIPE = ['sk', 'live', 'A1b2C3d4E5f6G7h8'].join('_');

testRule(rule, { kind: 'dotenv', fileName: '.env' }, {
  valid: [
    { name: 'ignored by the root .gitignore', code: 'DB_PASSWORD=s3cr3t-local\n', files: { ...REPO, '.gitignore': 'node_modules/\n.env\n' } },
    { name: 'ignored by a pattern', code: 'DB_PASSWORD=s3cr3t-local\n', files: { ...REPO, '.gitignore': '.env*\n!.env.example\n' } },
    { name: 'ignored through .git/info/exclude', code: 'API_KEY=k3y-value-1234\n', files: { ...REPO, '.git/info/exclude': '.env\n' } },
    { name: 'no secret values: ports, hosts, flags and empty slots', code: 'PORT=3000\nDATABASE_URL=postgres://localhost:5432/app\nDEBUG=true\nAPI_KEY=\nSECRET_KEY=changeme\n', files: REPO },
    { name: 'references and placeholders', code: 'DB_PASSWORD=${POSTGRES_PASSWORD}\nLICENSE_KEY=REPLACE_LICENSE_KEY_HERE\nTOKEN=<your-token>\n', files: REPO },
    { name: 'a value that only names its slot', code: 'POSTGRES_ASTRONOMY_PASSWORD=astronomy_password\n', files: REPO },
    { name: 'secrets in a comment', code: '# DB_PASSWORD=s3cr3t-local\nPORT=3000\n', files: REPO },
  ],
  invalid: [
    {
      name: 'no .gitignore at all: the fix creates it',
      code: 'PORT=3000\nDB_PASSWORD=«s3cr3t-local»\n',
      files: REPO,
      errors: [{ messageId: 'unignoredSecret', data: { name: 'DB_PASSWORD', label: 'password', masked: 's3****', file: '.env' } }],
      output: 'PORT=3000\nDB_PASSWORD=s3cr3t-local\n',
      otherOutputs: { '.gitignore': '.env\n' },
    },
    {
      name: 'a .gitignore that ignores other things: the name is appended on a new line',
      code: `STRIPE_KEY="«${STRIPE}»"\nDATABASE_URL=«postgres://app:pa55word@localhost/app»\n`,
      files: { ...REPO, '.gitignore': 'node_modules/\r\ndist/' },
      errors: [
        { messageId: 'unignoredSecret', data: { name: 'STRIPE_KEY', label: 'Stripe key', masked: 'sk****', file: '.env' } },
        { messageId: 'unignoredSecret', data: { name: 'DATABASE_URL', label: 'URL with a password', masked: 'postgres://app:pa****@localhost/app', file: '.env' } },
      ],
      output: `STRIPE_KEY="${STRIPE}"\nDATABASE_URL=postgres://app:pa55word@localhost/app\n`,
      otherOutputs: { '.gitignore': 'node_modules/\r\ndist/\r\n.env\r\n' },
    },
    {
      name: 'a negation re-includes the file',
      code: 'export SESSION_SECRET=«keyboard-cat-42»\n',
      files: { ...REPO, '.gitignore': '.env*\n!.env\n' },
      errors: [{ messageId: 'unignoredSecret', data: { name: 'SESSION_SECRET', label: 'secret', masked: 'ke****', file: '.env' } }],
      output: 'export SESSION_SECRET=keyboard-cat-42\n',
      otherOutputs: { '.gitignore': '.env*\n!.env\n.env\n' },
    },
    {
      name: 'outside a repository, the file\'s own folder is where the fix writes',
      code: "JWT_SECRET='«dev-signing-key»'\n",
      errors: [{ messageId: 'unignoredSecret', data: { name: 'JWT_SECRET', label: 'secret', masked: 'de****', file: '.env' } }],
      output: "JWT_SECRET='dev-signing-key'\n",
      otherOutputs: { '.gitignore': '.env\n' },
    },
  ],
});

testRule(rule, { kind: 'dotenv', fileName: 'config/.env.production' }, {
  valid: [
    { name: 'a .gitignore in a parent folder of the repository ignores it', code: 'API_TOKEN=t0ken-value-99\n', files: { '../.git/HEAD': 'ref\n', '../.gitignore': '.env.production\n' } },
    { name: 'an ignored folder ignores everything in it, whatever deeper rules say', code: 'API_TOKEN=t0ken-value-99\n', files: { ...REPO, '.gitignore': 'config/\n', 'config/.gitignore': '!.env.production\n' } },
  ],
  invalid: [
    {
      name: 'a deeper .gitignore cannot help a file its parent does not ignore: the fix goes to the root',
      code: 'API_TOKEN=«t0ken-value-99»\n',
      files: { ...REPO, 'config/.gitignore': '*.log\n' },
      errors: [{ messageId: 'unignoredSecret', data: { name: 'API_TOKEN', label: 'token', masked: 't0****', file: '.env.production' } }],
      output: 'API_TOKEN=t0ken-value-99\n',
      otherOutputs: { '.gitignore': '.env.production\n' },
    },
  ],
});

testRule(rule, { kind: 'dotenv', fileName: '.env.example' }, {
  valid: [
    { name: 'templates are meant to be committed', code: 'DB_PASSWORD=example-password\nSECRET_KEY=dev-only-not-secret\n' },
    { name: 'masked and prose placeholders in a template', code: 'OPENAI_API_KEY=sk-' + 'x'.repeat(48) + '\nHERE_API_KEY=9bxxxxxxxxxxxxxxxxJFHg\nSESSION_SECRET=Your Session Secret goes here\nCACHE_KEY=users\n' },
  ],
  invalid: [
    {
      name: 'a real-looking secret in a template is committed with it',
      code: `GITHUB_ID=app-id\nGITHUB_SECRET=«${'0123456789abcdef'.repeat(3).slice(0, 40)}»\nTOKEN=«${STRIPE}»\n`,
      errors: [
        { messageId: 'templateSecret', data: { name: 'GITHUB_SECRET', label: 'secret', masked: '01****', file: '.env.example' } },
        { messageId: 'templateSecret', data: { name: 'TOKEN', label: 'Stripe key', masked: 'sk****', file: '.env.example' } },
      ],
    },
  ],
});

testRule(rule, { kind: 'dotenv', fileName: '.env.test' }, {
  valid: [
    { name: 'a test run\'s throwaway local credentials', code: 'DATABASE_URL=postgres://postgres:postgres@localhost:5432/app_test\nSECRET_KEY_BASE=test-secret-key-base\n', files: REPO },
  ],
  invalid: [
    {
      name: 'a real token format still counts in a test env file',
      code: `STRIPE_KEY=«${STRIPE}»\n`,
      files: REPO,
      errors: [{ messageId: 'unignoredSecret', data: { name: 'STRIPE_KEY', label: 'Stripe key', masked: 'sk****', file: '.env.test' } }],
      output: `STRIPE_KEY=${STRIPE}\n`,
      otherOutputs: { '.gitignore': '.env.test\n' },
    },
  ],
});
