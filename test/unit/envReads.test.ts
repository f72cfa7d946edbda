import * as assert from 'node:assert/strict';
import type { CodeModel } from '../../server/src/parsing/code/codeModel';
import { envReadsOf } from '../../server/src/parsing/code/env/envRead';
import { PARSERS } from '../../server/src/parsing/parsers';
import { SourceFile } from '../../server/src/parsing/sourceFile';
import { extractFacts } from '../../server/src/workspace/facts';
import { extractMarkedSpans } from '../helpers/ruleTester';

/** An expected read: the name (its span is marked «…» in the code, in order), the whole read's text and the default's text. */
interface Expected {
  name: string;
  read: string;
  default?: string;
  property?: string;
}

interface Case {
  name: string;
  code: string;
  reads: Expected[];
}

function table(fileName: string, cases: Case[]): void {
  describe(fileName, () => {
    for (const c of cases) {
      it(c.name, () => {
        const { text, spans } = extractMarkedSpans(c.code);
        const file = new SourceFile(`/w/${fileName}`, text);
        const reads = envReadsOf(PARSERS.code!.parse(file) as CodeModel);
        assert.equal(spans.length, c.reads.length, 'one «…» per expected read');
        assert.deepEqual(
          reads.map((r) => ({ name: r.name, nameSpan: r.nameSpan, read: file.slice(r.span), hasDefault: r.hasDefault, default: r.default, defaultAt: r.defaultSpan && file.slice(r.defaultSpan), property: r.property })),
          c.reads.map((e, i) => ({ name: e.name, nameSpan: spans[i], read: e.read, hasDefault: e.default !== undefined, default: e.default, defaultAt: e.default, property: e.property })),
        );
      });
    }
  });
}

describe('env reads', () => {
  table('server.ts', [
    { name: 'member access', code: 'const url = process.env.«DATABASE_URL»;', reads: [{ name: 'DATABASE_URL', read: 'process.env.DATABASE_URL' }] },
    { name: 'subscript with either quote', code: "a(process.env['«API_KEY»'], process.env[\"«B»\"]);", reads: [{ name: 'API_KEY', read: "process.env['API_KEY']" }, { name: 'B', read: 'process.env["B"]' }] },
    { name: '|| and ?? defaults', code: 'const port = process.env.«PORT» || 3000;\nconst host = process.env.«HOST» ?? "0.0.0.0";', reads: [{ name: 'PORT', read: 'process.env.PORT || 3000', default: '3000' }, { name: 'HOST', read: 'process.env.HOST ?? "0.0.0.0"', default: '"0.0.0.0"' }] },
    { name: 'a chain of fallbacks', code: 'const u = process.env.«A» || process.env.«B» || "x";', reads: [{ name: 'A', read: 'process.env.A || process.env.B || "x"', default: 'process.env.B || "x"' }, { name: 'B', read: 'process.env.B || "x"', default: '"x"' }] },
    { name: 'through conversions, casts and parentheses', code: 'const p = Number(process.env.«PORT») || 8080;\nconst q = (process.env.«Q» as string) ?? "q";\nconst r = process.env.«R»! || "r";', reads: [{ name: 'PORT', read: 'Number(process.env.PORT) || 8080', default: '8080' }, { name: 'Q', read: '(process.env.Q as string) ?? "q"', default: '"q"' }, { name: 'R', read: 'process.env.R! || "r"', default: '"r"' }] },
    { name: 'a default inside a conversion', code: 'const p = parseInt(process.env.«PORT» || "3000", 10);', reads: [{ name: 'PORT', read: 'process.env.PORT || "3000"', default: '"3000"' }] },
    { name: 'the right operand has no default of its own', code: 'const t = cli.token ?? process.env.«TOKEN»;', reads: [{ name: 'TOKEN', read: 'process.env.TOKEN' }] },
    {
      name: 'destructuring, renamed, with defaults, and rest',
      code: 'const { «NODE_ENV», «PORT» = "3000", «DB»: db, «LOG»: log = "info", ...rest } = process.env;',
      reads: [{ name: 'NODE_ENV', read: 'NODE_ENV' }, { name: 'PORT', read: 'PORT = "3000"', default: '"3000"' }, { name: 'DB', read: 'DB: db' }, { name: 'LOG', read: 'LOG: log = "info"', default: '"info"' }],
    },
    { name: 'destructuring assignment', code: 'let A;\n({ «A» = 1 } = process.env);', reads: [{ name: 'A', read: 'A = 1', default: '1' }] },
    { name: 'optional chaining', code: 'const y = process?.env?.«Y»;', reads: [{ name: 'Y', read: 'process?.env?.Y' }] },
    {
      name: 'not reads: comments, strings, other objects, dynamic keys, the env object itself',
      code: '// process.env.A\nconst s = "process.env.B";\nconst t = `process.env.C`;\nconst c = config.env.D;\nconst d = process.env[name];\nconst all = process.env;\n/* process.env.E */',
      reads: [],
    },
  ]);
  table('App.tsx', [{ name: 'in JSX', code: 'export const App = () => <p title={process.env.«TITLE» ?? "t"}>{process.env.«NAME»}</p>;', reads: [{ name: 'TITLE', read: 'process.env.TITLE ?? "t"', default: '"t"' }, { name: 'NAME', read: 'process.env.NAME' }] }]);
  table('index.mjs', [{ name: 'JavaScript', code: 'const { «PORT» = 8080 } = process.env;', reads: [{ name: 'PORT', read: 'PORT = 8080', default: '8080' }] }]);

  table('app.py', [
    { name: 'os.environ subscript', code: 'import os\nurl = os.environ["«DATABASE_URL»"]', reads: [{ name: 'DATABASE_URL', read: 'os.environ["DATABASE_URL"]' }] },
    {
      name: 'os.environ.get and os.getenv, positional and keyword defaults',
      code: 'a = os.environ.get("«A»")\nb = os.environ.get(\'«B»\', "b")\nc = os.getenv("«C»", default="c")\nd = os.getenv("«D»")\ne = os.environ.setdefault("«E»", "e")',
      reads: [{ name: 'A', read: 'os.environ.get("A")' }, { name: 'B', read: 'os.environ.get(\'B\', "b")', default: '"b"' }, { name: 'C', read: 'os.getenv("C", default="c")', default: '"c"' }, { name: 'D', read: 'os.getenv("D")' }, { name: 'E', read: 'os.environ.setdefault("E", "e")', default: '"e"' }],
    },
    { name: 'an or default', code: 'port = int(os.environ.get("«PORT»") or 5000)', reads: [{ name: 'PORT', read: 'os.environ.get("PORT") or 5000', default: '5000' }] },
    { name: 'from os import environ, getenv', code: 'from os import environ, getenv\na = environ["«A»"]\nb = getenv("«B»", "1")', reads: [{ name: 'A', read: 'environ["A"]' }, { name: 'B', read: 'getenv("B", "1")', default: '"1"' }] },
    {
      name: 'django-environ',
      code: 'import environ\nenv = environ.Env()\nDEBUG = env.bool("«DEBUG»", default=False)\nSECRET_KEY = env("«SECRET_KEY»")\nDATABASES = {"default": env.db("«DATABASE_URL»")}',
      reads: [{ name: 'DEBUG', read: 'env.bool("DEBUG", default=False)', default: 'False' }, { name: 'SECRET_KEY', read: 'env("SECRET_KEY")' }, { name: 'DATABASE_URL', read: 'env.db("DATABASE_URL")' }],
    },
    {
      name: 'pydantic settings with a prefix and aliases',
      code: 'class Settings(BaseSettings):\n    model_config = SettingsConfigDict(env_prefix="app_")\n    «database_url»: str\n    «port»: int = 8000\n    token: str = Field(validation_alias="«API_TOKEN»")\n    «debug»: bool = Field(False)\n    «hosts»: list[str] = Field(default_factory=list)\n    def helper(self): pass',
      reads: [
        { name: 'APP_DATABASE_URL', read: 'database_url: str' },
        { name: 'APP_PORT', read: 'port: int = 8000', default: '8000' },
        { name: 'API_TOKEN', read: 'token: str = Field(validation_alias="API_TOKEN")' },
        { name: 'APP_DEBUG', read: 'debug: bool = Field(False)', default: 'False' },
        { name: 'APP_HOSTS', read: 'hosts: list[str] = Field(default_factory=list)', default: 'list' },
      ],
    },
    { name: 'pydantic v1 Field(env=…)', code: 'class S(pydantic.BaseSettings):\n    redis: str = Field("redis://localhost", env="«REDIS_URL»")', reads: [{ name: 'REDIS_URL', read: 'redis: str = Field("redis://localhost", env="REDIS_URL")', default: '"redis://localhost"' }] },
    { name: 'not reads: docstrings, comments, other dicts, non-settings classes', code: 'def f():\n    """os.environ["A"]"""\n    # os.getenv("B")\n    return config["C"], settings.get("D")\nclass Model(BaseModel):\n    name: str = "x"', reads: [] },
  ]);

  table('App.java', [
    { name: 'System.getenv', code: 'class A { String u = System.getenv("«DATABASE_URL»"); }', reads: [{ name: 'DATABASE_URL', read: 'System.getenv("DATABASE_URL")' }] },
    {
      name: 'defaults through Optional and getOrDefault',
      code: 'class A { String a = Optional.ofNullable(System.getenv("«A»")).orElse("a"); String b = System.getenv().getOrDefault("«B»", "b"); String c = System.getenv().get("«C»"); }',
      reads: [{ name: 'A', read: 'Optional.ofNullable(System.getenv("A")).orElse("a")', default: '"a"' }, { name: 'B', read: 'System.getenv().getOrDefault("B", "b")', default: '"b"' }, { name: 'C', read: 'System.getenv().get("C")' }],
    },
    {
      name: 'Spring @Value placeholders, nested and with element names',
      code: 'class A {\n  @Value("${«server.port»:8080}") int port;\n  @Value(value = "${«DATABASE_URL»}") String url;\n  A(@Value("${«app.api-key»:${«API_KEY»:none}}") String key) {}\n}',
      reads: [
        { name: 'SERVER_PORT', read: '${server.port:8080}', default: '8080', property: 'server.port' },
        { name: 'DATABASE_URL', read: '${DATABASE_URL}', property: 'DATABASE_URL' },
        { name: 'APP_APIKEY', read: '${app.api-key:${API_KEY:none}}', default: '${API_KEY:none}', property: 'app.api-key' },
        { name: 'API_KEY', read: '${API_KEY:none}', default: 'none', property: 'API_KEY' },
      ],
    },
    { name: 'not reads: SpEL, other annotations, comments', code: 'class A { @Value("#{systemProperties[\'x\']}") String a; @Named("${x}") String b; // System.getenv("C")\n}', reads: [] },
  ]);

  table('main.go', [
    { name: 'os.Getenv', code: 'package main\nimport "os"\nvar url = os.Getenv("«DATABASE_URL»")', reads: [{ name: 'DATABASE_URL', read: 'os.Getenv("DATABASE_URL")' }] },
    { name: 'the empty-check idiom as default', code: 'package main\nfunc main() {\n\tport := os.Getenv("«PORT»")\n\tif port == "" {\n\t\tport = "8080"\n\t}\n}', reads: [{ name: 'PORT', read: 'os.Getenv("PORT")', default: '"8080"' }] },
    { name: 'LookupEnv with and without a default', code: 'package main\nfunc main() {\n\tv, ok := os.LookupEnv("«A»")\n\tif !ok {\n\t\tv = "a"\n\t}\n\t_, _ = os.LookupEnv("«B»")\n}', reads: [{ name: 'A', read: 'os.LookupEnv("A")', default: '"a"' }, { name: 'B', read: 'os.LookupEnv("B")' }] },
    {
      name: 'struct tags of env and envconfig',
      code: 'package main\ntype Config struct {\n\tPort int `env:"«PORT»" envDefault:"8080"`\n\tDB string `env:"«DATABASE_URL»,required"`\n\tQueue string `envconfig:"«QUEUE»" default:"jobs"`\n\tName string `json:"name"`\n}',
      reads: [
        { name: 'PORT', read: '`env:"PORT" envDefault:"8080"`', default: '8080' },
        { name: 'DATABASE_URL', read: '`env:"DATABASE_URL,required"`' },
        { name: 'QUEUE', read: '`envconfig:"QUEUE" default:"jobs"`', default: 'jobs' },
      ],
    },
    { name: 'not reads: comments, strings, a different package', code: 'package main\n// os.Getenv("A")\nvar s = "os.Getenv(\\"B\\")"\nvar c = config.Getenv("C")', reads: [] },
  ]);

  describe('config libraries beyond the standard library', () => {
    table('settings.py', [
      {
        name: 'python-decouple, also through AutoConfig',
        code: 'from decouple import config, AutoConfig\nSECRET_KEY = config("«SECRET_KEY»", default="dev-key")\nDEBUG = config("«DEBUG»", default=False, cast=bool)\nconf = AutoConfig(search_path=".")\nDB = conf("«DATABASE_URL»")\n',
        reads: [
          { name: 'SECRET_KEY', read: 'config("SECRET_KEY", default="dev-key")', default: '"dev-key"' },
          { name: 'DEBUG', read: 'config("DEBUG", default=False, cast=bool)', default: 'False' },
          { name: 'DATABASE_URL', read: 'conf("DATABASE_URL")' },
        ],
      },
      {
        name: 'environs, with positional and keyword defaults',
        code: 'from environs import Env\nenv = Env()\nenv.read_env()\nPORT = env.int("«PORT»", 8000)\nKEY = env.str("«API_KEY»", default="k")\nURL = env("«URL»")\n',
        reads: [{ name: 'PORT', read: 'env.int("PORT", 8000)', default: '8000' }, { name: 'API_KEY', read: 'env.str("API_KEY", default="k")', default: '"k"' }, { name: 'URL', read: 'env("URL")' }],
      },
      { name: 'not reads: a config() of another library', code: 'from app import config\nx = config("SECRET_KEY", default="a")\n', reads: [] },
    ]);
    table('config.js', [
      {
        name: 'a convict schema',
        code: "const convict = require('convict');\nconst conf = convict({\n  db: { password: { doc: 'db', format: String, default: 'dev', env: '«DB_PASSWORD»', sensitive: true } },\n  port: { format: 'port', env: '«PORT»', default: 8080 },\n});\n",
        reads: [
          { name: 'DB_PASSWORD', read: "{ doc: 'db', format: String, default: 'dev', env: 'DB_PASSWORD', sensitive: true }", default: "'dev'" },
          { name: 'PORT', read: "{ format: 'port', env: 'PORT', default: 8080 }", default: '8080' },
        ],
      },
      {
        name: 'env-var chains and envalid specs',
        code: "const env = require('env-var');\nconst { cleanEnv, str, port } = require('envalid');\nconst p = env.get('«PORT»').default('3000').asPortNumber();\nconst u = env.get('«URL»').required().asString();\nconst e = cleanEnv(process.env, { «API_KEY»: str({ default: 'k' }), «HOST»: str() });\n",
        reads: [
          { name: 'PORT', read: "env.get('PORT').default('3000').asPortNumber()", default: "'3000'" },
          { name: 'URL', read: "env.get('URL').required().asString()" },
          { name: 'API_KEY', read: "API_KEY: str({ default: 'k' })", default: "'k'" },
          { name: 'HOST', read: 'HOST: str()' },
        ],
      },
      { name: 'not reads: a map get, an env key that names no variable', code: "const v = cache.get('PORT');\nconst o = { env: 'production' };\nconst convict = 1;\n", reads: [] },
    ]);
    table('config.go', [
      {
        name: 'viper keys read as their variables, with the prefix, defaults and bindings',
        code: 'package main\nfunc init() {\n\tviper.SetEnvPrefix("app")\n\tviper.AutomaticEnv()\n\tviper.SetDefault("«db.password»", "dev")\n\tviper.BindEnv("port", "«PORT»")\n\th := viper.GetString("«db.host»")\n\t_ = h\n}\n',
        reads: [
          { name: 'APP_DB_PASSWORD', read: 'viper.SetDefault("db.password", "dev")', default: '"dev"' },
          { name: 'PORT', read: 'viper.BindEnv("port", "PORT")' },
          { name: 'APP_DB_HOST', read: 'viper.GetString("db.host")' },
        ],
      },
    ]);
    table('Config.java', [
      {
        name: 'MicroProfile @ConfigProperty',
        code: 'class C {\n  @ConfigProperty(name = "«db.password»", defaultValue = "dev") String password;\n  @ConfigProperty(name = "«greeting»") String greeting;\n}\n',
        reads: [
          { name: 'DB_PASSWORD', read: '@ConfigProperty(name = "db.password", defaultValue = "dev")', default: '"dev"' },
          { name: 'GREETING', read: '@ConfigProperty(name = "greeting")' },
        ],
      },
    ]);
  });

  it('become envReads facts of the file', () => {
    const file = new SourceFile('/w/a.js', 'const a = process.env.A || 1;\nconst b = process.env.B;\n');
    const facts = extractFacts('code', PARSERS.code!.parse(file), file);
    assert.deepEqual(facts, { envReads: [{ name: 'A', span: { start: 22, end: 23 }, hasDefault: true }, { name: 'B', span: { start: 52, end: 53 }, hasDefault: false }] });
  });
});
