import rule from '../../../server/src/rules/config/hardcoded-secret';
import { testRule } from '../../helpers/ruleTester';

// Fake credentials are assembled at run time so that secret scanners do not flag this file.
const GITHUB_TOKEN = ['ghp', 'A1b2C3d4'.repeat(5)].join('_');
const EXAMPLE = { '.env.example': 'PORT=3000\n' };

testRule(rule, { kind: 'code', fileName: 'config.ts' }, {
  valid: [
    { name: 'names of env variables are not secrets', code: 'const PASSWORD_VAR = "DB_PASSWORD";\nconst secretName = "API_TOKEN";\nconst password = process.env[PASSWORD_VAR];\n' },
    { name: 'a read without a fallback', code: 'const jwtSecret = process.env.JWT_SECRET;\nif (!jwtSecret) throw new Error("JWT_SECRET is required");\n' },
    { name: 'non-secret fallbacks are the twelve-factor way', code: 'const port = process.env.PORT || 3000;\nconst level = process.env.LOG_LEVEL ?? "info";\n' },
    { name: 'placeholders and empty values', code: 'const password = "";\nconst apiKey = "<your-api-key>";\nconst token = "changeme";\nconst secret = `${prefix}-${id}`;\n' },
    { name: 'UI text and lookup keys about secrets', code: 'const passwordLabel = "Password";\nconst passwordError = "Password is required.";\nconst TOKEN_KEY = "auth_token";\nconst tokenHeader = "X-Auth-Token";\nlocalStorage.setItem(TOKEN_KEY, token);\n' },
    { name: 'prose in a secret-named variable', code: 'const password = "Please enter your password here";\n' },
    { name: 'protocol constants, error codes and event names', code: "export const Codes = { PasswordTooWeak: 'passwordTooWeak', REFRESH_TOKEN: 'refresh_token', tokenFailure: 'msal:acquireTokenFailure', ID_TOKEN: 'id_token token', TOKEN_VERSION: '3' };\n" },
    { name: 'enum values that name their constant, digits included', code: "export const FLOW_PASSWORD_REQUIRED_V2 = 'FlowPasswordRequiredResultV2';\nexport const SHA256_TOKEN_TO_REFRESH = 'token_sha256_to_refresh';\n" },
    { name: 'token types of a lexer, and values too short to be secrets', code: "emit({ token: 'linkified' });\nconst t = { token: 'p', password: 'abc' };\n" },
    { name: "fetch's credentials modes", code: "fetch(url, { credentials: 'include' });\nconst init = { credentials: 'same-origin' };\n" },
    { name: 'a translated label', code: "export const fr = { password: 'Mot de passe', token: 'Jeton', apiKey: 'Clé API' };\n" },
    { name: 'comments and strings that mention secrets', code: '// const password = "hunter2hunter2";\nconst doc = "set password = hunter2hunter2 in .env";\n' },
    { name: 'an input type and autocomplete hint', code: 'const field = { type: "password", autoComplete: "current-password", name: "password" };\n' },
  ],
  invalid: [
    {
      name: 'a secret-named const',
      code: 'const jwtSecret = «"s3cr3t-signing-key"»;\nexport default jwtSecret;\n',
      errors: [{ messageId: 'boundSecret', data: { name: 'jwtSecret', label: 'secret', masked: 's3****' } }],
      output: 'const jwtSecret = process.env.JWT_SECRET;\nexport default jwtSecret;\n',
      files: EXAMPLE,
      otherOutputs: { '.env.example': 'PORT=3000\nJWT_SECRET=\n' },
    },
    {
      name: 'the express-session secret',
      code: "app.use(session({ secret: «'keyboard cat'», store }));\n",
      errors: [{ messageId: 'boundSecret', data: { name: 'secret', label: 'secret', masked: 'ke****' } }],
      output: 'app.use(session({ secret: process.env.SECRET, store }));\n',
      files: { '.env.example': 'SECRET=\n' },
    },
    {
      name: 'the fallback of an env read of a secret',
      code: 'const secret = process.env.JWT_SECRET || «"dev-secret"»;\n',
      errors: [{ messageId: 'fallbackSecret', data: { name: 'JWT_SECRET', label: 'secret', masked: 'de****' } }],
      output: 'const secret = process.env.JWT_SECRET;\n',
    },
    {
      name: 'a destructuring default',
      code: 'const { API_TOKEN = «"t0ken-value-99"» } = process.env;\n',
      errors: [{ messageId: 'fallbackSecret', data: { name: 'API_TOKEN', label: 'token', masked: 't0****' } }],
      output: 'const { API_TOKEN } = process.env;\n',
    },
    {
      name: 'a class field and a member assignment',
      code: 'class Client {\n  apiKey = «"k3y-v4lue-1234"»;\n}\nconfig.dbPassword = «"pa55word-123"»;\n',
      errors: [{ messageId: 'boundSecret', data: { name: 'apiKey', label: 'key', masked: 'k3****' } }, { messageId: 'boundSecret', data: { name: 'dbPassword', label: 'password', masked: 'pa****' } }],
      output: 'class Client {\n  apiKey = process.env.API_KEY;\n}\nconfig.dbPassword = process.env.DB_PASSWORD;\n',
      files: { '.env.example': '' },
      // Both fixes append to .env.example at the same place: one applies per pass.
      otherOutputs: { '.env.example': 'API_KEY=\n' },
    },
    {
      name: 'a token format whatever the name',
      code: `const headers = { Authorization: «"${GITHUB_TOKEN}"» };\n`,
      errors: [{ messageId: 'tokenSecret', data: { label: 'GitHub token', masked: 'gh****' } }],
      output: null,
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'client.py' }, {
  valid: [
    { name: 'credentials read from the environment', code: 'import os\nrequests.get(url, auth=("admin", os.environ["API_PASSWORD"]))\nserver.login(user, password)\nlogin(request, user)\n' },
    { name: 'a tuple under another keyword', code: 'requests.get(url, timeout=("connect", "read-timeout"))\n' },
    { name: 'slot names and an anonymous FTP login', code: 'requests.get(url, auth=("user", "pass"))\nftp.login("anonymous", "guest@example.com")\n' },
  ],
  invalid: [
    {
      name: 'credentials by position: an auth tuple, auth objects, pika and smtplib',
      code: 'requests.get(url, auth=("admin", «"hunter2hunter2"»))\nrequests.get(url, auth=HTTPBasicAuth("admin", «"s3cr3t-pw-1"»))\ncreds = pika.PlainCredentials("guest", «"guest"»)\nserver.login("bot@example.com", «"mail-pa55word"»)\n',
      errors: [
        { messageId: 'argumentSecret', data: { call: 'auth', label: 'password', masked: 'hu****' } },
        { messageId: 'argumentSecret', data: { call: 'HTTPBasicAuth', label: 'password', masked: 's3****' } },
        { messageId: 'argumentSecret', data: { call: 'pika.PlainCredentials', label: 'default password', masked: 'g****' } },
        { messageId: 'argumentSecret', data: { call: 'server.login', label: 'password', masked: 'ma****' } },
      ],
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'settings.py' }, {
  valid: [
    { name: 'read from the environment', code: 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nDB_PASSWORD = os.getenv("DB_PASSWORD")\n' },
    { name: 'docstrings and comments', code: 'def f():\n    """password = "hunter2hunter2" is a bad example"""\n    # SECRET_KEY = "abcdef123456"\n' },
    { name: 'a non-secret default', code: 'import os\nDEBUG = os.environ.get("DEBUG", "false")\n' },
    { name: 'URLs without a password, or with a placeholder for it', code: 'A = "postgresql://app@db:5432/app"\nB = "redis://:${REDIS_PASSWORD}@cache:6379"\nC = f"postgresql://app:{password}@db/app"\nD = "https://user:<password>@example.com"\n' },
  ],
  invalid: [
    {
      name: "Django's SECRET_KEY",
      code: 'from pathlib import Path\n\nSECRET_KEY = «"django-insecure-7x!q2v#k0p"»\n',
      errors: [{ messageId: 'boundSecret', data: { name: 'SECRET_KEY', label: 'key', masked: 'dj****' } }],
      output: 'import os\nfrom pathlib import Path\n\nSECRET_KEY = os.environ["SECRET_KEY"]\n',
      files: { '.env.example': 'SECRET_KEY=\n' },
    },
    {
      name: 'a keyword argument and a dict key',
      code: 'import os\nconn = psycopg2.connect(host=os.environ["DB_HOST"], password=«"pa55word-123"»)\nCONFIG = {"api_key": «"k3y-v4lue-1234"»}\n',
      errors: [{ messageId: 'boundSecret', data: { name: 'password', label: 'password', masked: 'pa****' } }, { messageId: 'boundSecret', data: { name: 'api_key', label: 'key', masked: 'k3****' } }],
      output: 'import os\nconn = psycopg2.connect(host=os.environ["DB_HOST"], password=os.environ["PASSWORD"])\nCONFIG = {"api_key": os.environ["API_KEY"]}\n',
      files: { '.env.example': 'PASSWORD=\nAPI_KEY=\n' },
    },
    {
      name: 'app.config and a getenv fallback',
      code: 'from os import getenv\napp.config["SECRET_KEY"] = «"flask-s3cret-42"»\ntoken = getenv("API_TOKEN", «"t0ken-value-99"»)\n',
      errors: [{ messageId: 'boundSecret', data: { name: 'SECRET_KEY', label: 'key', masked: 'fl****' } }, { messageId: 'fallbackSecret', data: { name: 'API_TOKEN', label: 'token', masked: 't0****' } }],
      // Both fixes add `import os`: the second applies in the next pass.
      output: 'import os\nfrom os import getenv\napp.config["SECRET_KEY"] = os.environ["SECRET_KEY"]\ntoken = getenv("API_TOKEN", "t0ken-value-99")\n',
      files: { '.env.example': 'SECRET_KEY=\n' },
    },
    {
      name: 'a connection URL with a password, whatever it is called',
      code: 'import psycopg2\nconn = psycopg2.connect(«"postgresql://admin:hunter2@db.internal:5432/app"»)\nDATABASE_URL = «"mysql://app:s3cret@db/app"»\n',
      errors: [
        { messageId: 'tokenSecret', data: { label: 'URL with a password', masked: 'postgresql://admin:h****@db.internal:5432/app' } },
        { messageId: 'tokenSecret', data: { label: 'URL with a password', masked: 'mysql://app:s****@db/app' } },
      ],
      output: null,
    },
    {
      name: 'a pydantic settings default',
      code: 'class Settings(BaseSettings):\n    jwt_secret: str = «"dev-secret-123"»\n',
      errors: [{ messageId: 'fallbackSecret', data: { name: 'JWT_SECRET', label: 'secret', masked: 'de****' } }],
      output: 'class Settings(BaseSettings):\n    jwt_secret: str\n',
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'Db.java' }, {
  valid: [{ name: 'getConnection with variables', code: 'class D { Connection c() throws Exception { return DriverManager.getConnection(url, user, System.getenv("DB_PASSWORD")); } }\n' }],
  invalid: [
    {
      name: 'JDBC, HttpClient and java.net credentials by position',
      code: 'class D {\n  void m() throws Exception {\n    DriverManager.getConnection(url, "root", «"r00t-pa55"»);\n    new UsernamePasswordCredentials("admin", «"s3cr3t-pw-2"»);\n    new PasswordAuthentication("admin", «"s3cr3t-pw-3"».toCharArray());\n    Credentials.basic("admin", «"s3cr3t-pw-4"»);\n  }\n}\n',
      errors: [
        { messageId: 'argumentSecret', data: { call: 'getConnection', label: 'password', masked: 'r0****' } },
        { messageId: 'argumentSecret', data: { call: 'UsernamePasswordCredentials', label: 'password', masked: 's3****' } },
        { messageId: 'argumentSecret', data: { call: 'PasswordAuthentication', label: 'password', masked: 's3****' } },
        { messageId: 'argumentSecret', data: { call: 'basic', label: 'password', masked: 's3****' } },
      ],
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'Config.java' }, {
  valid: [
    { name: 'getenv and a Spring placeholder without a default', code: 'class C { String p = System.getenv("DB_PASSWORD"); @Value("${jwt.secret}") String s; }\n' },
    { name: 'a constant naming a property', code: 'class C { static final String PASSWORD_PROPERTY = "spring.datasource.password"; }\n' },
  ],
  invalid: [
    {
      name: 'a provider key as the default of an @Value placeholder is one finding, on the default',
      code: 'class App { @Value("${app.api-key:«sk_live_abcdefghijklmnop1234»}") String apiKey; }\n',
      errors: [{ messageId: 'fallbackSecret', data: { name: 'app.api-key', label: 'Stripe key', masked: 'sk****' } }],
      output: 'class App { @Value("${app.api-key}") String apiKey; }\n',
    },
    {
      name: 'a field and a builder setter',
      code: 'class C {\n  private String apiKey = «"k3y-v4lue-1234"»;\n  DataSource ds() { return DataSourceBuilder.create().password(«"pa55word-123"»).build(); }\n}\n',
      errors: [{ messageId: 'boundSecret', data: { name: 'apiKey', label: 'key', masked: 'k3****' } }, { messageId: 'boundSecret', data: { name: 'password', label: 'password', masked: 'pa****' } }],
      output: 'class C {\n  private String apiKey = System.getenv("API_KEY");\n  DataSource ds() { return DataSourceBuilder.create().password(System.getenv("PASSWORD")).build(); }\n}\n',
      files: { '.env.example': 'API_KEY=\nPASSWORD=\n' },
    },
    {
      name: 'a @Value default',
      code: 'class C { @Value("${jwt.secret:«dev-secret-123»}") String secret; }\n',
      errors: [{ messageId: 'fallbackSecret', data: { name: 'jwt.secret', label: 'secret', masked: 'de****' } }],
      output: 'class C { @Value("${jwt.secret}") String secret; }\n',
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'main.go' }, {
  valid: [{ name: 'Getenv and a struct tag', code: 'package main\n\nimport "os"\n\ntype C struct{ Token string `env:"API_TOKEN"` }\n\nvar password = os.Getenv("DB_PASSWORD")\n' }],
  invalid: [
    {
      name: 'a short variable and a composite literal key',
      code: 'package main\n\nimport "fmt"\n\nfunc main() {\n\tpassword := «"pa55word-123"»\n\topts := redis.Options{Addr: addr, Password: «"r3dis-pass-42"»}\n\tfmt.Println(password, opts)\n}\n',
      errors: [{ messageId: 'boundSecret', data: { name: 'password', label: 'password', masked: 'pa****' } }, { messageId: 'boundSecret', data: { name: 'Password', label: 'password', masked: 'r3****' } }],
      // Both fixes import "os": the second applies in the next pass.
      output: 'package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc main() {\n\tpassword := os.Getenv("PASSWORD")\n\topts := redis.Options{Addr: addr, Password: "r3dis-pass-42"}\n\tfmt.Println(password, opts)\n}\n',
      files: { '.env.example': 'PASSWORD=\n' },
    },
    {
      name: 'a const cannot call Getenv: reported without a fix',
      code: 'package main\n\nconst apiKey = «"k3y-v4lue-1234"»\n',
      errors: [{ messageId: 'boundSecret', data: { name: 'apiKey', label: 'key', masked: 'k3****' } }],
      output: null,
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'client.go' }, {
  valid: [{ name: 'SetBasicAuth from the environment', code: 'package main\n\nfunc f() { req.SetBasicAuth("admin", os.Getenv("API_PASSWORD")) }\n' }],
  invalid: [
    {
      name: 'SetBasicAuth and smtp.PlainAuth by position',
      code: 'package main\n\nfunc f() {\n\treq.SetBasicAuth("admin", «"hunter2hunter2"»)\n\tauth := smtp.PlainAuth("", "bot@example.com", «"mail-pa55word"», "smtp.example.com")\n\t_ = auth\n}\n',
      errors: [
        { messageId: 'argumentSecret', data: { call: 'SetBasicAuth', label: 'password', masked: 'hu****' } },
        { messageId: 'argumentSecret', data: { call: 'PlainAuth', label: 'password', masked: 'ma****' } },
      ],
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'db.js' }, {
  valid: [
    { name: 'Sequelize from the environment, and a superagent auth with a variable', code: "const db = new Sequelize(process.env.DATABASE_URL);\nrequest.get(url).auth('admin', password);\n" },
    { name: 'arguments that only name their slots (SQLite ignores them)', code: "const db = new Sequelize('database', 'username', 'password', { dialect: 'sqlite' });\n" },
  ],
  invalid: [
    {
      name: 'Sequelize(db, user, password) and superagent .auth(user, password)',
      code: "const db = new Sequelize('app', 'app', «'s3cr3t-pw-5'», { host: 'localhost', dialect: 'postgres' });\nrequest.get(url).auth('admin', «'hunter2hunter2'»);\n",
      errors: [
        { messageId: 'argumentSecret', data: { call: 'Sequelize', label: 'password', masked: 's3****' } },
        { messageId: 'argumentSecret', data: { call: 'auth', label: 'password', masked: 'hu****' } },
      ],
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'app/settings.py' }, {
  valid: [{ name: 'decouple without a secret default', code: 'from decouple import config\nSECRET_KEY = config("SECRET_KEY")\nDEBUG = config("DEBUG", default=False, cast=bool)\n' }],
  invalid: [
    {
      name: "python-decouple's default is a fallback",
      code: 'from decouple import config\nSECRET_KEY = config("SECRET_KEY", default=«"django-insecure-x8k2m9q"»)\n',
      errors: [{ messageId: 'fallbackSecret', data: { name: 'SECRET_KEY', label: 'key', masked: 'dj****' } }],
      output: null,
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'config.js' }, {
  valid: [{ name: 'convict without a secret default', code: "const conf = convict({ db: { password: { format: String, default: '', env: 'DB_PASSWORD', sensitive: true } } });\n" }],
  invalid: [
    {
      name: 'a convict default and an env-var default are fallbacks',
      code: "const convict = require('convict');\nconst env = require('env-var');\nconst conf = convict({ jwt: { format: String, default: «'dev-jwt-s3cret'», env: 'JWT_SECRET' } });\nconst key = env.get('API_KEY').default(«'k3y-v4lue-1234'»).asString();\n",
      errors: [
        { messageId: 'fallbackSecret', data: { name: 'JWT_SECRET', label: 'secret', masked: 'de****' } },
        { messageId: 'fallbackSecret', data: { name: 'API_KEY', label: 'key', masked: 'k3****' } },
      ],
      output: null,
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'config.go' }, {
  valid: [{ name: 'a viper default that is no secret', code: 'package main\n\nfunc init() { viper.SetDefault("server.port", "8080") }\n' }],
  invalid: [
    {
      name: "viper's SetDefault is the fallback of its variable",
      code: 'package main\n\nfunc init() {\n\tviper.AutomaticEnv()\n\tviper.SetDefault("db.password", «"hunter2hunter2"»)\n}\n',
      errors: [{ messageId: 'fallbackSecret', data: { name: 'DB_PASSWORD', label: 'password', masked: 'hu****' } }],
      output: null,
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'Greeting.java' }, {
  valid: [{ name: 'a MicroProfile property without a default', code: 'class G { @ConfigProperty(name = "db.password") String password; }\n' }],
  invalid: [
    {
      name: "MicroProfile's defaultValue is a fallback",
      code: 'class G { @ConfigProperty(name = "db.password", defaultValue = «"s3cr3t-pw-9"») String password; }\n',
      errors: [{ messageId: 'fallbackSecret', data: { name: 'DB_PASSWORD', label: 'password', masked: 's3****' } }],
      output: null,
    },
  ],
});
