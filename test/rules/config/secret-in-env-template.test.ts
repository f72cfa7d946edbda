import rule from '../../../server/src/rules/config/secret-in-env-template';
import { testRule } from '../../helpers/ruleTester';

// Built from parts so that the repository holds no token-shaped literal.
const STRIPE = ['sk', 'live', 'A1b2C3d4E5f6G7h8'].join('_');
const HEX40 = '8159a7e0f2d43c8e1b6a9d04f5c7e2b31a0d9f86';
const RANDOM50 = 'QpC7vR2mZ9xLw4TnB8yKd3HsJ6gFa1UeN5oPq0WtYbXcVr2Mk';

testRule(rule, { kind: 'dotenv', fileName: '.env.example' }, {
  valid: [
    { name: 'empty values, references and placeholders', code: 'API_KEY=\nDB_PASSWORD=${POSTGRES_PASSWORD}\nTOKEN=<your-token>\nSMTP_PASSWORD=your-smtp-password\nSESSION_SECRET=changeme\n' },
    { name: 'weak demo values a person wrote', code: 'JWT_SECRET=thisisasamplesecret\nSECRET_KEY=foo\nDB_PASSWORD=postgres\n' },
    { name: 'values masked by hand', code: 'HERE_API_KEY=9bxxxxxxxxxxxxxxJFHg\nOPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nGH_TOKEN=ghp_****\n' },
    { name: 'long values under names that are no secret', code: 'GOOGLE_CLIENT_ID=828110519058-abcdefghij.apps.googleusercontent.com\nCOMMIT=4186b2f09a4a7c3e1d5f8b6a0c2e9d4a\n' },
    { name: "AWS's documented example keys", code: 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n' },
  ],
  invalid: [
    {
      name: 'a 40-hex client secret, a 50-character random secret and a token format',
      code: `GITHUB_ID=cb44e5fa2e9c1a3e\nGITHUB_SECRET=«${HEX40}»\nTUMBLR_SECRET=«${RANDOM50}»\nSTRIPE_KEY=«${STRIPE}»\n`,
      errors: [
        { messageId: 'realShapedSecret', data: { name: 'GITHUB_SECRET', label: 'secret', masked: '81****', file: '.env.example', slot: 'github-secret' } },
        { messageId: 'realShapedSecret', data: { name: 'TUMBLR_SECRET', label: 'secret', masked: 'Qp****', file: '.env.example', slot: 'tumblr-secret' } },
        { messageId: 'realShapedSecret', data: { name: 'STRIPE_KEY', label: 'Stripe key', masked: 'sk****', file: '.env.example', slot: 'stripe-key' } },
      ],
    },
  ],
});

testRule(rule, { kind: 'dotenv', fileName: '.env' }, {
  valid: [{ name: 'a real .env file is committed-env-file\'s to judge', code: `GITHUB_SECRET=${HEX40}\n` }],
  invalid: [],
});
