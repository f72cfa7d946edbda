import * as assert from 'node:assert/strict';
import { checksPresence } from '../../server/src/parsing/code/env/presenceChecks';

describe('env reads tested for presence', () => {
  const optional: [string, string][] = [
    ['if "VOTE1VALUE" in os.environ and os.environ["VOTE1VALUE"]:\n', 'VOTE1VALUE'],
    ['if (process.env.SENTRY_DSN) init(process.env.SENTRY_DSN);\n', 'SENTRY_DSN'],
    ["const fmt = process.env.NODE_ENV === 'production' ? 'short' : 'dev';\n", 'NODE_ENV'],
    ['usePrivate := os.Getenv("PRIVATE_IP")\nif usePrivate != "" {\n}\n', 'PRIVATE_IP'],
    ['token = os.getenv("TOKEN")\nif not token:\n    raise SystemExit(1)\n', 'TOKEN'],
    ['v, ok := os.LookupEnv("X")\n', 'X'],
    ['if (System.getenv("HOME_DIR") != null) {}\n', 'HOME_DIR'],
  ];
  for (const [text, name] of optional) it(`optional: ${text.split('\n')[0]}`, () => assert.equal(checksPresence(text, name), true));

  const required: [string, string][] = [
    ['const key = process.env.STRIPE_KEY;\nif (other) {}\n', 'STRIPE_KEY'],
    ['DB = os.environ["DB_URL"]\n', 'DB_URL'],
    ['if (process.env.OTHER) use(process.env.KEY);\n', 'KEY'],
  ];
  for (const [text, name] of required) it(`required: ${text.split('\n')[0]}`, () => assert.equal(checksPresence(text, name), false));
});
