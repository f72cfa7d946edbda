import { programName } from './shellCommand';

// What a command line does, by its words: a database migration, a build or install step, or a one-off
// admin task. Shared by every rule that looks at a process's command (Dockerfile CMD/ENTRYPOINT, and
// Procfile or Kubernetes commands), so that they agree on what counts.

/** The program's base name without an npx-style version (`prisma@5.2` → `prisma`), lower-cased. */
export function toolName(word: string): string {
  return programName(word).replace(/(.)@[^/]*$/, '$1').toLowerCase();
}

/** Runner words and the sub-command that makes them run the next word as a program. */
const RUNNERS: Record<string, string | undefined> = {
  npx: undefined,
  bunx: undefined,
  pnpx: undefined,
  sudo: undefined,
  npm: 'exec',
  pnpm: 'exec',
  yarn: 'exec',
  bundle: 'exec',
  poetry: 'run',
  pipenv: 'run',
  uv: 'run',
  pdm: 'run',
};

/**
 * Strips runners in front of the real tool: `npx --yes prisma …`, `bundle exec rails …`,
 * `poetry run alembic …`, `python -m pip …`, `python manage.py …` (→ `manage.py …`), `php artisan …`.
 */
export function stripRunners(argv: readonly string[]): string[] {
  let words = [...argv];
  for (;;) {
    const tool = toolName(words[0] ?? '');
    const next = words[1] ?? '';
    let skip = 0;
    if (tool in RUNNERS && (RUNNERS[tool] === undefined || RUNNERS[tool] === next)) skip = RUNNERS[tool] === undefined ? 1 : 2;
    else if (/^python[\d.]*$/.test(tool)) {
      // python [-u -B …] -m module | python [-u …] script.py
      const at = words.findIndex((w, i) => i > 0 && (w === '-m' || !w.startsWith('-')));
      skip = at < 0 ? 0 : words[at] === '-m' ? at + 1 : at;
    } else if ((tool === 'php' || tool === 'ruby') && next && !next.startsWith('-')) skip = 1;
    else if ((tool === 'node' || tool === 'bun') && /(^|\/)\.bin\//.test(next)) skip = 1;
    if (skip === 0) return words;
    words = words.slice(skip);
    while (words.length > 1 && words[0].startsWith('-')) words = words.slice(1);
  }
}

const contains = (words: readonly string[], ...sequence: string[]) =>
  words.some((_, i) => sequence.every((s, k) => words[i + k] === s));

/** The package.json script a package manager runs: `npm run x`, `yarn x`, `pnpm x`. */
function scriptName(tool: string, rest: readonly string[]): string | undefined {
  if (rest[0] === 'run' || rest[0] === 'run-script') return rest[1];
  return tool === 'yarn' || tool === 'pnpm' ? rest[0] : undefined;
}

/**
 * The migrate (or upgrade) verbs of further frameworks' admin tools, by tool: the command migrates when
 * its words other than options hold one of the sequences. Tools with subtler grammars are in the switch below.
 */
const MIGRATE_VERBS: Record<string, string[][]> = {
  'drizzle-kit': [['migrate'], ['push']],
  'node-pg-migrate': [['up']],
  'db-migrate': [['up']],
  'migrate-mongo': [['up']],
  'graphile-migrate': [['migrate']],
  'mikro-orm': [['migration:up']],
  medusa: [['db:migrate'], ['migrations', 'run']],
  payload: [['migrate']],
  sqitch: [['deploy']],
  atlas: [['migrate', 'apply'], ['schema', 'apply']],
  'sql-migrate': [['up']],
  tern: [['migrate']],
  soda: [['migrate']],
  buffalo: [['pop', 'migrate']],
  refinery: [['migrate']],
  'sea-orm-cli': [['migrate', 'up']],
  superset: [['db', 'upgrade']],
  airflow: [['db', 'upgrade'], ['db', 'migrate'], ['upgradedb']],
  aerich: [['upgrade']],
  yoyo: [['apply']],
  piccolo: [['migrations', 'forwards']],
  hanami: [['db', 'migrate']],
  drush: [['updatedb'], ['updb']],
  wp: [['core', 'update-db']],
  yii: [['migrate'], ['migrate/up']],
  // Symfony's bin/console, run directly or through php.
  console: [['doctrine:migrations:migrate']],
  // Frappe and ERPNext.
  bench: [['migrate']],
  // Maven and Gradle plugins of Flyway and Liquibase.
  mvn: [['flyway:migrate'], ['liquibase:update']],
  mvnw: [['flyway:migrate'], ['liquibase:update']],
  gradle: [['flywayMigrate']],
  gradlew: [['flywayMigrate']],
};

/**
 * A label for a command that migrates a database schema (`manage.py migrate`, `prisma migrate deploy`),
 * or undefined. This is the one vocabulary of migration commands: the Dockerfile, Procfile, Kubernetes
 * and compose rules all ask it.
 */
export function migrationCommand(argv: readonly string[]): string | undefined {
  const words = stripRunners(argv);
  const tool = toolName(words[0] ?? '');
  const rest = words.slice(1);
  const label = (...what: string[]) => [tool, ...what].join(' ');
  const has = (...sequence: string[]) => contains(rest, ...sequence);
  const verbs = MIGRATE_VERBS[tool];
  if (verbs) {
    const positional = rest.filter((w) => !w.startsWith('-'));
    const found = verbs.find((sequence) => contains(positional, ...sequence));
    return found ? label(...found) : undefined;
  }
  // An Elixir release migrates through its own binary: `bin/app eval "App.Release.migrate"`.
  if (rest[0] === 'eval' && /\.migrate(\(|$)/.test(rest[1] ?? '')) return label('eval', rest[1]);
  switch (tool) {
    case 'manage.py':
    case 'django-admin':
    case 'django':
      return rest.find((w) => !w.startsWith('-')) === 'migrate' ? label('migrate') : undefined;
    case 'alembic':
      return has('upgrade') ? label('upgrade') : undefined;
    case 'flask':
      return has('db', 'upgrade') ? label('db upgrade') : undefined;
    case 'prisma':
      return has('migrate', 'deploy') ? label('migrate deploy') : has('db', 'push') ? label('db push') : undefined;
    case 'rails':
    case 'rake':
      return rest.find((w) => w === 'db:migrate' || w === 'db:prepare')?.replace(/^/, `${tool} `);
    case 'knex':
      return rest.find((w) => w === 'migrate:latest' || w === 'migrate:up')?.replace(/^/, 'knex ');
    case 'sequelize':
    case 'sequelize-cli':
      return has('db:migrate') ? label('db:migrate') : undefined;
    case 'typeorm':
    case 'typeorm-ts-node-commonjs':
    case 'typeorm-ts-node-esm':
      return has('migration:run') ? label('migration:run') : undefined;
    case 'goose':
    case 'migrate':
    case 'dbmate':
      return rest.find((w) => w === 'up' || w === 'up-by-one' || w === 'up-to' || (tool === 'dbmate' && w === 'migrate'))?.replace(/^/, `${tool} `);
    case 'flyway':
      return has('migrate') ? label('migrate') : undefined;
    case 'artisan':
      return rest[0] === 'migrate' ? label('migrate') : undefined;
    case 'liquibase':
      return has('update') ? label('update') : undefined;
    case 'diesel':
    case 'sqlx':
      return has('migration', 'run') || has('migrate', 'run') ? label(rest[0], 'run') : undefined;
    case 'mix':
      return has('ecto.migrate') ? label('ecto.migrate') : undefined;
    case 'dotnet':
      return has('ef', 'database', 'update') ? label('ef database update') : undefined;
    case 'npm':
    case 'yarn':
    case 'pnpm': {
      // `npm run migrate`, `yarn db:migrate`, or a migration tool run through yarn (`yarn prisma migrate deploy`).
      const script = scriptName(tool, rest);
      if (script && /^(db:)?migrat(e|ions?)(:(up|latest|deploy|run|prod))?$/.test(script)) return `${tool} ${rest[0] === script ? '' : `${rest[0]} `}${script}`;
      return tool === 'npm' ? undefined : migrationCommand(rest);
    }
    default:
      return undefined;
  }
}

/** A label for a command that installs dependencies or builds the app (`npm ci`, `go build`, `mvn package`), or undefined. */
export function buildCommand(argv: readonly string[]): string | undefined {
  const words = stripRunners(argv);
  const tool = toolName(words[0] ?? '');
  const rest = words.slice(1);
  const sub = rest[0];
  const when = (ok: boolean, what = sub) => (ok ? [tool, what].filter(Boolean).join(' ') : undefined);
  const isBuildScript = (name?: string) => name !== undefined && /^build(:|$)/.test(name);
  switch (tool) {
    case 'npm':
    case 'pnpm':
      return when(['install', 'i', 'ci', 'add'].includes(sub)) ?? when(isBuildScript(scriptName(tool, rest)), rest.slice(0, sub === 'run' || sub === 'run-script' ? 2 : 1).join(' '));
    case 'yarn':
      return when(sub === undefined || sub.startsWith('-') || sub === 'install' || sub === 'add', sub === 'add' ? 'add' : 'install') ?? when(isBuildScript(scriptName(tool, rest)), rest.slice(0, sub === 'run' ? 2 : 1).join(' '));
    case 'bundle':
      return when(sub === undefined || sub.startsWith('-') || sub === 'install', 'install');
    case 'pip':
    case 'pip3':
    case 'gem':
    case 'apt-get':
    case 'apt':
    case 'yum':
    case 'dnf':
    case 'microdnf':
      return when(sub === 'install' || (tool === 'pip' && sub === 'download'));
    case 'uv':
      return when(sub === 'sync' || (sub === 'pip' && rest[1] === 'install'), sub === 'sync' ? 'sync' : 'pip install');
    case 'apk':
      return when(sub === 'add');
    case 'poetry':
    case 'pipenv':
      return when(sub === 'install' || sub === 'sync');
    case 'composer':
      return when(sub === 'install' || sub === 'update' || sub === 'require');
    case 'go':
      return when(sub === 'build' || sub === 'install') ?? when(sub === 'mod' && rest[1] === 'download', 'mod download');
    case 'cargo':
      return when(sub === 'build' || sub === 'install');
    case 'dotnet':
      return when(sub === 'build' || sub === 'publish' || sub === 'restore');
    case 'mvn':
    case 'mvnw':
    case 'gradle':
    case 'gradlew': {
      const goal = rest.find((w) => /^(:?[\w-]+:)*(build|assemble|installDist|shadowJar|bootJar|package|install|compile|verify)$/.test(w));
      // Maven takes phases (package, install, compile, verify), Gradle takes tasks (build, assemble, …).
      const ok = goal !== undefined && (tool.startsWith('mvn') ? /^(package|install|compile|verify)$/ : /(build|assemble|installDist|shadowJar|bootJar)$/).test(goal);
      return when(ok, goal);
    }
    case 'tsc':
      return when(!rest.some((w) => w === '-v' || w === '--version' || w === '--help'), '');
    case 'next':
    case 'nuxt':
    case 'vite':
    case 'ng':
    case 'nest':
      return when(sub === 'build');
    default:
      return undefined;
  }
}

/** A label for a command that compiles the app and then runs it (`go run`, `cargo run`, `dotnet run`), or undefined. */
export function compileAndRunCommand(argv: readonly string[]): string | undefined {
  const words = stripRunners(argv);
  const tool = toolName(words[0] ?? '');
  return ['go', 'cargo', 'dotnet'].includes(tool) && words[1] === 'run' ? `${tool} run` : undefined;
}

/** Commands that end at once and serve nothing: a migration, a seed, an echo, a one-off `manage.py` task. */
export function isOneOffCommand(argv: readonly string[]): boolean {
  const words = stripRunners(argv);
  const tool = toolName(words[0] ?? '');
  if (migrationCommand(argv) || ['echo', 'printf', 'true', 'false', ':', 'exit'].includes(tool)) return true;
  if (tool === 'manage.py' || tool === 'django-admin') {
    const sub = words.slice(1).find((w) => !w.startsWith('-')) ?? '';
    return ['collectstatic', 'loaddata', 'createsuperuser', 'check', 'compilemessages', 'createcachetable', 'showmigrations', 'seed'].includes(sub);
  }
  const rest = words.slice(1);
  return contains(rest, 'db', 'seed') || ['db:seed', 'db:seed:all', 'seed:run'].some((s) => rest.includes(s));
}
