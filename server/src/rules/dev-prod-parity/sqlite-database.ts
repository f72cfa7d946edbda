import type { Node } from 'web-tree-sitter';
import { hasNameWord } from '../../analysis/nonProduction';
import { isTestFile, TEST_FILES_OPTION } from '../../analysis/testFiles';
import { defineRule } from '../../engine/defineRule';
import type { RuleContext } from '../../engine/types';
import type { CodeModel } from '../../parsing/code/codeModel';
import { envReadsOf } from '../../parsing/code/env/envRead';
import { inNamedSection, NON_PRODUCTION_SECTION } from '../../parsing/code/namedSections';
import { standInsOf } from '../../parsing/code/standIns';
import { stringLiteral } from '../../parsing/code/strings';
import { isNonProductionManifest } from '../../parsing/deployment/nonProductionManifest';
import { isDevDockerfile } from '../../parsing/dockerfile/startupCommands';
import { productionServiceFor, sameAppAs } from '../../workspace/productionServices';

interface Options {
  testFiles: string[];
}

/** Variables whose name says they choose the database: the config is then the environment's to decide. */
const DATABASE_VARIABLE = /DATABASE|(^|_)DB(_|$)|SQL|POSTGRES|MYSQL|MARIA|DIALECT|STORAGE|(^|_)DSN$/i;

/** Files that deploy an app: when one of the app's is for production, the app runs as a service somewhere. */
const DEPLOYMENT_KINDS = new Set(['dockerfile', 'procfile', 'kubernetes', 'compose', 'cloudfoundry']);

/**
 * SQLite configured as the app's own database (a Django `ENGINE`, a SQLAlchemy URL, a Sequelize,
 * TypeORM or knex dialect) in the settings a deployed app runs with: not a test or development file
 * or section, not a value the environment can replace, not an in-memory database.
 */
export default defineRule<CodeModel, Options>({
  id: 'dev-prod-parity/sqlite-database',
  factor: 'dev-prod-parity',
  kinds: ['code'],
  defaultSeverity: 'info',
  description: 'SQLite configured as the database of a deployed app (Django ENGINE, SQLAlchemy URL, Sequelize/TypeORM/knex dialect) outside test and development settings, with no way for the environment to replace it.',
  rationale: 'Dev/prod parity and stateless processes: a database file lives in one instance\'s filesystem, so the app cannot attach the database the environment provides, scale out, or survive a redeploy with its data.',
  messages: {
    sqliteDatabase: '{{what}} makes a SQLite file in the instance\'s filesystem the app\'s database, in settings every deploy runs: each instance gets its own data, a redeploy loses it, and no environment can attach a real database. Read the database from the environment (DATABASE_URL) and run the same database in development.',
  },
  options: { testFiles: TEST_FILES_OPTION },
  fixable: false,
  check(model, ctx) {
    if (model.language === 'go' || model.language === 'java') return;
    if (isTestFile(ctx.file.path, ctx.options.testFiles) || hasNameWord(ctx.file.path)) return;
    // Settings, not a driver import: a Django engine, a database URL, an ORM's dialect.
    const configured = standInsOf(model).filter((s) => s.need === 'sql' && (/^(django\.|dialect|type|client)/.test(s.what) || model.file.text.slice(s.span.start, s.span.end).includes('://')));
    if (configured.length === 0 || fromEnvironment(model) || !deployed(model, ctx)) return;
    // Where production is shown to get a real database, dev-prod-parity/embedded-stand-in reports it.
    if (productionServiceFor(['postgres', 'mysql'], ctx.file.path, ctx.index, ctx.root, ctx.workspace)) return;
    for (const standIn of configured) {
      const node = model.tree.rootNode.descendantForIndex(standIn.span.start, standIn.span.end);
      if (!node || inNamedSection(node, NON_PRODUCTION_SECTION) || inMemory(node, standIn.what)) continue;
      ctx.report({ messageId: 'sqliteDatabase', data: { what: standIn.what }, at: standIn.span });
    }
  },
});

/** The file lets the environment choose the database (`os.environ.get('DATABASE_URL', …)`, `dj_database_url`, `process.env.DB_DIALECT`). */
function fromEnvironment(model: CodeModel): boolean {
  return envReadsOf(model).some((r) => DATABASE_VARIABLE.test(r.name)) || /\bdj_database_url\b|\benv\.db\(/.test(model.file.text);
}

/**
 * A Django settings module is a web app's; other code counts when the app has a production
 * deployment file (a Dockerfile, Procfile or manifest), so that a CLI tool or a script is left alone.
 */
function deployed(model: CodeModel, ctx: RuleContext<Options>): boolean {
  if (/['"]django\.db\.backends\.sqlite3['"]/.test(model.file.text)) return true;
  const belongs = sameAppAs(ctx.file.path, ctx.root, ctx.workspace);
  for (const entry of ctx.index.entries()) {
    if (!DEPLOYMENT_KINDS.has(entry.kind) || !belongs(entry.path)) continue;
    if (entry.kind === 'dockerfile' ? !isDevDockerfile(entry.path) : !isNonProductionManifest(entry.path, entry.kind)) return true;
  }
  return false;
}

/** An in-memory database (`sqlite://`, `:memory:` as the URL, or as the `storage`/`database`/`NAME` beside the dialect). */
function inMemory(node: Node, what: string): boolean {
  if (!/^(django\.|dialect|type|client)/.test(what)) return /^sqlite(\+\w+)?:\/\/(\/:memory:)?$/.test(stringLiteral(node)?.value ?? stringLiteral(node.parent)?.value ?? '');
  const object = node.parent?.type === 'pair' ? node.parent.parent : node.parent?.parent;
  for (const pair of object?.namedChildren ?? []) {
    const key = pair?.childForFieldName('key')?.text.replace(/['"]/g, '');
    if (key && /^(storage|database|filename|NAME)$/.test(key) && stringLiteral(pair!.childForFieldName('value'))?.value === ':memory:') return true;
  }
  return false;
}
