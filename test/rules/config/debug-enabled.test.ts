import rule from '../../../server/src/rules/config/debug-enabled';
import { testRule } from '../../helpers/ruleTester';

const EXAMPLE = { '.env.example': 'DEBUG=false\n' };

testRule(rule, { kind: 'code', fileName: 'settings.py' }, {
  valid: [
    { name: 'DEBUG off, or from the environment', code: 'import os\nDEBUG = False\nTEMPLATE_DEBUG = os.environ.get("DEBUG") == "1"\n' },
    { name: 'django-environ', code: 'env = environ.Env()\nDEBUG = env.bool("DEBUG", default=False)\n' },
    { name: 'a local debug variable in a function', code: 'def handler():\n    debug = True\n    return debug\n' },
    { name: 'debug= of a call that is no server', code: 'parser.add_argument("--debug", default=True)\nlogger = make_logger(debug=True)\n' },
    { name: 'a development run by hand, bound to loopback only', code: 'if __name__ == "__main__":\n    app.run(host="127.0.0.1", port=8080, debug=True)\n' },
    { name: 'in comments and docstrings', code: '"""Set DEBUG = True locally."""\n# app.run(debug=True)\n' },
  ],
  invalid: [
    {
      name: "Django's DEBUG = True",
      code: 'from pathlib import Path\n\nDEBUG = «True»\nALLOWED_HOSTS = ["*"]\n',
      errors: [{ messageId: 'debugOn', data: { name: 'DEBUG' } }],
      output: 'import os\nfrom pathlib import Path\n\nDEBUG = os.environ.get("DEBUG", "false").lower() == "true"\nALLOWED_HOSTS = ["*"]\n',
      files: EXAMPLE,
    },
    {
      name: 'Flask: app.config, app.debug and app.run(debug=True)',
      code: 'import os\napp.config["DEBUG"] = «True»\napp.debug = «True»\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", debug=«True»)\n',
      errors: [{ messageId: 'debugOn', data: { name: 'DEBUG' } }, { messageId: 'debugOn', data: { name: 'debug' } }, { messageId: 'debugOn', data: { name: 'debug' } }],
      output: 'import os\napp.config["DEBUG"] = os.environ.get("DEBUG", "false").lower() == "true"\napp.debug = os.environ.get("DEBUG", "false").lower() == "true"\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", debug=os.environ.get("DEBUG", "false").lower() == "true")\n',
      files: EXAMPLE,
    },
    {
      name: 'FastAPI(debug=True), declaring DEBUG in .env.example',
      code: 'import os\napp = FastAPI(debug=«True»)\n',
      errors: [{ messageId: 'debugOn', data: { name: 'debug' } }],
      output: 'import os\napp = FastAPI(debug=os.environ.get("DEBUG", "false").lower() == "true")\n',
      files: { '.env.example': 'PORT=8000' },
      otherOutputs: { '.env.example': 'PORT=8000\nDEBUG=false\n' },
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'settings/dev.py' }, {
  valid: [{ name: 'a development settings module is meant to debug', code: 'from .base import *\nDEBUG = True\n' }],
  invalid: [],
});

testRule(rule, { kind: 'code', fileName: 'app.ts' }, {
  valid: [
    { name: 'a library debug option', code: "const knex = Knex({ client: 'pg', debug: true });\nmongoose.set('debug', true);\n" },
    { name: 'DEBUG from the environment', code: "const DEBUG = process.env.DEBUG === 'true';\n" },
  ],
  invalid: [
    {
      name: 'a DEBUG constant',
      code: 'export const DEBUG = «true»;\n',
      errors: [{ messageId: 'debugOn', data: { name: 'DEBUG' } }],
      output: "export const DEBUG = process.env.DEBUG === 'true';\n",
      files: EXAMPLE,
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'Config.java' }, {
  valid: [{ name: 'false, or a local flag', code: 'class C { static final boolean DEBUG = false; void m() { boolean debug = true; } }\n' }],
  invalid: [
    {
      name: 'a DEBUG constant',
      code: 'class C { static final boolean DEBUG = «true»; }\n',
      errors: [{ messageId: 'debugOn', data: { name: 'DEBUG' } }],
      output: 'class C { static final boolean DEBUG = Boolean.parseBoolean(System.getenv("DEBUG")); }\n',
      files: EXAMPLE,
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'config.go' }, {
  valid: [{ name: 'from the environment', code: 'package config\n\nimport "os"\n\nvar Debug = os.Getenv("DEBUG") == "true"\n' }],
  invalid: [
    {
      name: 'a lone const becomes a var that reads DEBUG',
      code: 'package config\n\nconst Debug = «true»\n',
      errors: [{ messageId: 'debugOn', data: { name: 'Debug' } }],
      output: 'package config\n\nimport "os"\n\nvar Debug = os.Getenv("DEBUG") == "true"\n',
      files: EXAMPLE,
    },
  ],
});
