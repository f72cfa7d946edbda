import { isNonProductionWord } from '../../analysis/nonProduction';
import { defineRule } from '../../engine/defineRule';
import type { SpringModel, SpringProperty } from '../../parsing/spring/springModel';

// Hibernate's schema tools that change the schema (`validate` and `none` only read or leave it).
const CHANGING_DDL_AUTO = new Set(['update', 'create', 'create-drop']);

/**
 * Packaged Spring configuration that changes the database schema at every start of the app:
 * `spring.jpa.generate-ddl: true` or `spring.jpa.hibernate.ddl-auto: update|create|create-drop`.
 */
export default defineRule<SpringModel>({
  id: 'admin-processes/schema-at-boot',
  factor: 'admin-processes',
  kinds: ['spring'],
  defaultSeverity: 'info',
  description: 'Spring JPA changes the database schema at every start (spring.jpa.generate-ddl: true, spring.jpa.hibernate.ddl-auto: update, create or create-drop) in packaged, non-development configuration.',
  rationale: 'Schema changes are an admin process run once per release; run inside every start of every instance they race, and a failing change becomes a crash loop.',
  messages: {
    schemaAtBoot: '{{name}}={{value}} changes the database schema at every start of every instance, in the packaged configuration: instances race for it and a failing change crash-loops the app. Run schema migrations as a one-off admin process (Flyway, Liquibase) and set ddl-auto to validate or none here.',
  },
  fixable: false,
  check(model, ctx) {
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
