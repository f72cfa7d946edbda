import { hasNameWord, isNonProductionWord } from '../../analysis/nonProduction';
import { isTestFile, TEST_FILES_OPTION } from '../../analysis/testFiles';
import { defineRule } from '../../engine/defineRule';
import { nodeSpan, type CodeModel } from '../../parsing/code/codeModel';
import { schemaChanges } from '../../parsing/code/schemaChanges';
import { servesRequests } from '../../parsing/code/serverStarts';
import type { SpringModel, SpringProperty } from '../../parsing/spring/springModel';

interface Options {
  testFiles: string[];
}

// Hibernate's schema tools that change the schema (`validate` and `none` only read or leave it).
const CHANGING_DDL_AUTO = new Set(['update', 'create', 'create-drop']);

/**
 * The database schema changed at every start of the app: packaged Spring configuration
 * (`spring.jpa.generate-ddl: true`, `spring.jpa.hibernate.ddl-auto: update|create|create-drop`), or a
 * program that serves requests and creates its tables at start (`sequelize.sync()`, `create_all()`,
 * gorm `AutoMigrate`, Bigtable `CreateTable`, `CREATE TABLE` through `Exec`).
 */
export default defineRule<SpringModel | CodeModel, Options>({
  id: 'admin-processes/schema-at-boot',
  factor: 'admin-processes',
  kinds: ['spring', 'code'],
  defaultSeverity: 'info',
  description: 'The database schema changed at every start: Spring JPA generate-ddl or ddl-auto update/create/create-drop in packaged configuration, or a server program that creates its tables at start (sequelize.sync, create_all, AutoMigrate, CreateTable, CREATE TABLE).',
  rationale: 'Schema changes are an admin process run once per release; run inside every start of every instance they race, and a failing change becomes a crash loop.',
  messages: {
    schemaAtBoot: '{{name}}={{value}} changes the database schema at every start of every instance, in the packaged configuration: instances race for it and a failing change crash-loops the app. Run schema migrations as a one-off admin process (Flyway, Liquibase) and set ddl-auto to validate or none here.',
    codeSchemaAtBoot: '{{what}} changes the database schema in the program that serves requests, so every start of every instance runs it: instances race for it, and a failing change crash-loops the app. Run it as a one-off admin process (a migration command or a release-phase job) and keep it out of the server\'s start.',
  },
  options: { testFiles: TEST_FILES_OPTION },
  fixable: false,
  check(model, ctx) {
    if (!('properties' in model)) {
      if (isTestFile(ctx.file.path, ctx.options.testFiles) || hasNameWord(ctx.file.path) || !servesRequests(model)) return;
      for (const change of schemaChanges(model)) ctx.report({ messageId: 'codeSchemaAtBoot', data: { what: change.what }, at: nodeSpan(change.node) });
      return;
    }
    if (model.testResource) return;
    for (const property of model.properties) {
      // A development or test profile may build its throwaway schema at start.
      if (isNonProductionWord(property.profile) || !changesSchema(property)) continue;
      ctx.report({ messageId: 'schemaAtBoot', data: { name: property.name, value: property.value }, at: property.valueSpan });
    }
  },
});

/** True for `spring.jpa.generate-ddl=true` and `spring.jpa.hibernate.ddl-auto=update|create|create-drop` (any relaxed spelling). */
function changesSchema(property: SpringProperty): boolean {
  const name = property.name.toLowerCase().replace(/[-_]/g, '');
  const value = property.value.trim().toLowerCase();
  if (name === 'spring.jpa.generateddl') return value === 'true';
  if (name === 'spring.jpa.hibernate.ddlauto' || name === 'spring.jpa.properties.hibernate.hbm2ddl.auto') return CHANGING_DDL_AUTO.has(value);
  return false;
}
