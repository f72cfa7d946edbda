import rule from '../../../server/src/rules/processes/in-memory-session';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'code', fileName: 'app.js' }, {
  valid: [
    { name: 'express-session with a Redis store', code: "const session = require('express-session');\nconst RedisStore = require('connect-redis').default;\napp.use(session({ store: new RedisStore({ client }), secret: process.env.SESSION_SECRET }));\n" },
    { name: 'a store given by shorthand', code: "import session from 'express-session';\nconst store = makeStore();\napp.use(session({ store, secret }));\n" },
    { name: 'cookie-session keeps the session in a signed cookie', code: "const cookieSession = require('cookie-session');\napp.use(cookieSession({ name: 'session', keys: [process.env.KEY] }));\n" },
    { name: 'a session() call of another library', code: "const session = require('./session');\napp.use(session({}));\n" },
  ],
  invalid: [
    {
      name: 'express-session with its default MemoryStore',
      code: "const session = require('express-session');\napp.use(«session({ secret: process.env.SESSION_SECRET, resave: false })»);\n",
      errors: [{ messageId: 'memorySession', data: { what: 'express-session' } }],
    },
    {
      name: 'an explicit MemoryStore, imported',
      code: "import expressSession from 'express-session';\napp.use(expressSession({ store: «new expressSession.MemoryStore()», secret }));\n",
      errors: [{ messageId: 'memorySession', data: { what: 'express-session MemoryStore' } }],
    },
    {
      name: '@fastify/session without a store',
      code: "import fastifySession from '@fastify/session';\n«fastify.register(fastifySession, { secret: process.env.SECRET })»;\n",
      errors: [{ messageId: 'memorySession', data: { what: '@fastify/session' } }],
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'settings.py' }, {
  valid: [
    { name: "Flask's signed-cookie session", code: 'from flask import Flask, session\napp = Flask(__name__)\napp.secret_key = os.environ["SECRET_KEY"]\n\n@app.route("/login")\ndef login():\n    session["user"] = "a"\n' },
    { name: 'Django cache sessions over Redis', code: 'CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}}\nSESSION_ENGINE = "django.contrib.sessions.backends.cache"\n' },
  ],
  invalid: [
    {
      name: 'Django cache sessions over LocMemCache',
      code: 'CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}\n«SESSION_ENGINE = "django.contrib.sessions.backends.cache"»\n',
      errors: [{ messageId: 'memorySession', data: { what: 'the cache session engine over LocMemCache' } }],
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'Session.java' }, {
  valid: [{ name: 'Java session stores are configured outside the code', code: 'class C { void m(HttpServletRequest r) { r.getSession().setAttribute("user", "a"); } }\n' }],
  invalid: [],
});

testRule(rule, { kind: 'code', fileName: 'main.go' }, {
  valid: [
    { name: 'a cookie store and scs with a Redis store', code: 'package main\n\nvar store = sessions.NewCookieStore([]byte(os.Getenv("KEY")))\n\nfunc main() {\n\tsm := scs.New()\n\tsm.Store = redisstore.New(pool)\n}\n' },
  ],
  invalid: [
    {
      name: 'gin memstore and scs without a store',
      code: 'package main\n\nfunc main() {\n\tstore := «memstore.NewStore([]byte("secret"))»\n\tsm := «scs.New()»\n\t_, _ = store, sm\n}\n',
      errors: [{ messageId: 'memorySession', data: { what: 'memstore' } }, { messageId: 'memorySession', data: { what: 'scs without a Store' } }],
    },
  ],
});
