import { isNonProductionWord } from '../../analysis/nonProduction';
import { urlCredentials } from '../../analysis/secrets';
import { hostReach, parseAddress } from '../../analysis/serviceAddress';
import { defineRule } from '../../engine/defineRule';
import { setValueEdit } from '../../parsing/spring/springEdits';
import type { SpringModel } from '../../parsing/spring/springModel';
import { envNameOf, hasSpringPlaceholder } from '../../parsing/spring/springPlaceholders';

// Spring Boot's properties that attach a backing service other than the JDBC/R2DBC datasource (that one is
// backing-services/hardcoded-datasource), matched on the name without dashes or case (relaxed binding:
// `bootstrap-servers` = `bootstrapServers`), Boot 2 and Boot 3 spellings both.
const SERVICES: { pattern: RegExp; service: string }[] = [
  { pattern: /^spring\.(data\.)?redis\.(host|url|cluster\.nodes|sentinel\.nodes)$/, service: 'Redis' },
  { pattern: /^spring\.rabbitmq\.(host|addresses)$/, service: 'RabbitMQ broker' },
  { pattern: /^spring\.kafka\.((producer|consumer|admin|streams)\.)?bootstrapservers$|^spring\.cloud\.stream\.kafka\.binder\.brokers$/, service: 'Kafka cluster' },
  { pattern: /^spring\.(elasticsearch\.(rest\.)?uris|data\.elasticsearch\.clusternodes)$/, service: 'Elasticsearch cluster' },
  { pattern: /^spring\.mail\.host$/, service: 'mail server' },
  { pattern: /^spring\.data\.mongodb\.(host|uri)$/, service: 'MongoDB' },
  { pattern: /^spring\.(data\.)?cassandra\.contactpoints$/, service: 'Cassandra cluster' },
  { pattern: /^spring\.(activemq\.brokerurl|artemis\.(host|brokerurl))$/, service: 'message broker' },
  { pattern: /^spring\.cloud\.config\.uri$/, service: 'config server' },
  { pattern: /^eureka\.client\.serviceurl\.defaultzone$/, service: 'service registry' },
  // MinIO, S3-compatible and OSS clients' endpoints, under the project's own prefix (`minio.endpoint`, `aws.s3.endpoint`).
  { pattern: /(^|\.)(minio|s3|oss|objectstorage|storage)\.(endpoint|url|host)$/, service: 'object storage' },
];

/** A non-database backing service (cache, broker, search, mail, object storage) attached by a literal address in Spring configuration. */
export default defineRule<SpringModel>({
  id: 'backing-services/hardcoded-service-property',
  factor: 'backing-services',
  kinds: ['spring'],
  defaultSeverity: 'info',
  description: 'A Spring property that attaches Redis, RabbitMQ, Kafka, Elasticsearch, MongoDB, a mail server or object storage at a literal, non-local address.',
  rationale: 'A backing service is an attached resource chosen by each deploy; its address comes from the environment, not from the packaged configuration.',
  messages: {
    literalHost: '{{name}} attaches the {{service}} at {{host}} in the packaged configuration; read it from the environment (${{{env}}}) so that each deploy attaches its own.',
    privateAddress: '{{name}} attaches the {{service}} at the private address {{host}}, which one network alone reaches; read it from the environment (${{{env}}}) so that each deploy attaches its own.',
    serviceName: '{{name}} attaches the {{service}} at {{host}}, a name that compose or Kubernetes resolves, which works, but the packaged configuration fixes it for every deploy; read it from the environment (${{{env}}}).',
  },
  fixable: true,
  check(model, ctx) {
    if (model.testResource) return;
    for (const property of model.properties) {
      const normalized = property.name.toLowerCase().replace(/[-_]/g, '');
      const found = SERVICES.find((s) => s.pattern.test(normalized));
      // A placeholder lets the deploy choose; a development or test profile's address is a local one by design.
      if (!found || !property.value || hasSpringPlaceholder(property.value) || isNonProductionWord(property.profile)) continue;
      // A URL with a password is config/literal-secret-property's finding, whose fix moves the whole value out.
      if (urlCredentials(property.value)) continue;
      const host = parseAddress(property.value.split(',')[0].trim())?.host;
      const reach = host && hostReach(host);
      // localhost is Spring Boot's own default for these services: writing it says nothing a deploy must change.
      if (!host || !reach || reach === 'loopback') continue;
      const env = envNameOf(property.name);
      const edit = setValueEdit(property, `\${${env}:${property.value}}`);
      const fix = edit && { title: `Read ${property.name} from \${${env}}, keeping this address as the default`, edits: [edit] };
      const messageId = reach === 'private' ? 'privateAddress' : reach === 'service-name' ? 'serviceName' : 'literalHost';
      ctx.report({ messageId, data: { name: property.name, service: found.service, host, env }, at: property.valueSpan, fix });
    }
  },
});
