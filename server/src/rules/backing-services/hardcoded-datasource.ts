import { isNonProductionWord } from '../../analysis/nonProduction';
import { detectSecret } from '../../analysis/secrets';
import { isServiceScheme, parseAddress } from '../../analysis/serviceAddress';
import { defineRule } from '../../engine/defineRule';
import { setValueEdit } from '../../parsing/spring/springEdits';
import type { SpringModel } from '../../parsing/spring/springModel';
import { envNameOf, hasSpringPlaceholder } from '../../parsing/spring/springPlaceholders';

/** The JDBC / R2DBC URL properties of Spring Boot's datasources, the primary one and named ones (`spring.datasource.orders.url`). */
const DATASOURCE_URL = /^spring\.(?:datasource(?:\.[\w-]+)?\.(?:url|jdbc-url|jdbcUrl)|r2dbc\.url)$/;
const PRIMARY = /^spring\.(?:datasource\.(?:url|jdbc-url|jdbcUrl)|r2dbc\.url)$/;

/** A datasource URL written into the configuration, with its host (and possibly its credentials). */
export default defineRule<SpringModel>({
  id: 'backing-services/hardcoded-datasource',
  factor: 'backing-services',
  kinds: ['spring'],
  defaultSeverity: 'info',
  description: 'spring.datasource.url (or r2dbc.url) with a literal host and no placeholder, or with credentials in it.',
  rationale: 'A backing service is an attached resource chosen by each deploy; its address comes from the environment, not from the packaged configuration.',
  messages: {
    literalHost: '{{name}} names the database host {{host}} in the packaged configuration; read the URL from the environment (${{{env}}}) so that each deploy attaches its own database.',
    credentials: '{{name}} carries credentials ({{masked}}) and names the host {{host}}; read the whole URL from the environment (${{{env}}}).',
  },
  fixable: true,
  check(model, ctx) {
    if (model.testResource) return;
    for (const property of model.properties) {
      // A development or test profile's local database is one by design.
      if (!DATASOURCE_URL.test(property.name) || isNonProductionWord(property.profile)) continue;
      // Embedded databases (`jdbc:h2:mem:`, `jdbc:hsqldb:file:`) live in the process: no backing service.
      const address = parseAddress(property.value);
      if (!address?.scheme || !isServiceScheme(address.scheme) || !address.host) continue;
      const host = address.host;
      // A placeholder in the authority (host, port, credentials) lets the deploy choose; one in the database name alone does not.
      const authority = /^[^/]*\/\/([^/?;]*)/.exec(property.value)?.[1] ?? property.value;
      if (hasSpringPlaceholder(authority)) continue;
      const env = PRIMARY.test(property.name) ? 'DATABASE_URL' : envNameOf(property.name);
      // Credentials in the URL (`user:pass@`, `?password=`), judged and masked by the one secret detector.
      const secret = detectSecret(undefined, property.value);
      // The old URL stays as the local default, unless it carries a secret: then it has to go, and the app needs the variable to start.
      const edit = setValueEdit(property, secret ? `\${${env}}` : `\${${env}:${property.value}}`);
      const fix = edit && {
        title: secret ? `Read ${property.name} from \${${env}}` : `Read ${property.name} from \${${env}}, keeping this URL as the default`,
        edits: [edit],
        automatic: !secret,
      };
      if (secret) ctx.report({ messageId: 'credentials', data: { name: property.name, masked: secret.masked, host, env }, at: property.valueSpan, fix });
      else ctx.report({ messageId: 'literalHost', data: { name: property.name, host, env }, at: property.valueSpan, fix });
    }
  },
});
