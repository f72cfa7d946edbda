import type { EnvService } from '../workspace/facts';

/** A name, or a family of names written `PREFIX_*`. */
type NamePattern = string;

/**
 * Variables a platform sets for every app it runs, so that no manifest needs to: a read of one is
 * never missing. By the platform of a service in scope; `any` applies everywhere (the OS and the
 * container runtime set these whatever runs the app).
 */
export const PLATFORM_PROVIDED: Readonly<Record<EnvService['platform'] | 'any', readonly NamePattern[]>> = {
  any: ['PATH', 'HOME', 'HOSTNAME', 'USER', 'PWD', 'SHELL', 'TERM', 'LANG', 'TMPDIR', 'LC_*'],
  // Kubernetes injects a host and port for every Service in the namespace (docker-link style).
  kubernetes: ['KUBERNETES_SERVICE_*', 'KUBERNETES_PORT*', '*_SERVICE_HOST', '*_SERVICE_PORT', '*_SERVICE_PORT_*'],
  cloudfoundry: ['PORT', 'VCAP_SERVICES', 'VCAP_APPLICATION', 'VCAP_APP_HOST', 'VCAP_APP_PORT', 'CF_INSTANCE_*', 'INSTANCE_INDEX', 'INSTANCE_GUID', 'MEMORY_LIMIT', 'DATABASE_URL', 'CF_STACK'],
  // A Procfile is Heroku's (and Dokku's, and Cloud Native Buildpacks'): the platform sets PORT and DYNO.
  procfile: ['PORT', 'DYNO', 'DYNO_RAM', 'WEB_CONCURRENCY'],
  cloudrun: ['PORT', 'K_SERVICE', 'K_REVISION', 'K_CONFIGURATION', 'CLOUD_RUN_JOB', 'CLOUD_RUN_EXECUTION', 'CLOUD_RUN_TASK_*'],
  compose: [],
  dockerfile: [],
  dotenv: [],
  spring: [],
};

/**
 * Variables that runtimes, frameworks and libraries read themselves, so that a manifest setting one
 * is not unused although no analysed code names it. Teams extend it with the `runtimeVariables`
 * option of `config/unused-env-var`.
 */
export const RUNTIME_READ: readonly NamePattern[] = [
  // Language runtimes and their launchers.
  'JAVA_TOOL_OPTIONS', 'JAVA_OPTS', '_JAVA_OPTIONS', 'JDK_JAVA_OPTIONS', 'JAVA_HOME', 'CATALINA_*', 'JVM_OPTS', 'JAVA_*',
  'NODE_OPTIONS', 'NODE_ENV', 'NODE_EXTRA_CA_CERTS', 'NODE_TLS_REJECT_UNAUTHORIZED', 'NPM_CONFIG_*', 'UV_THREADPOOL_SIZE',
  'PYTHON*', 'PIP_*', 'GUNICORN_CMD_ARGS', 'WEB_CONCURRENCY', 'UVICORN_*', 'DJANGO_SETTINGS_MODULE', 'FLASK_*', 'WERKZEUG_*',
  'GOMAXPROCS', 'GOMEMLIMIT', 'GODEBUG', 'GOGC', 'GOTRACEBACK', 'GIN_MODE',
  'TZ', 'LANG', 'LANGUAGE', 'LC_*', 'PATH', 'HOME',
  'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'REQUESTS_CA_BUNDLE',
  // Spring Boot binds its own properties from the environment (relaxed binding).
  'SPRING_*', 'SERVER_*', 'MANAGEMENT_*', 'LOGGING_*', 'EUREKA_*', 'BPL_*', 'BP_*',
  // Observability and cloud SDKs read their configuration from the environment.
  'OTEL_*', 'JAEGER_*', 'ZIPKIN_*', 'DD_*', 'NEW_RELIC_*', 'NEWRELIC_*', 'ELASTIC_APM_*', 'SENTRY_*', 'HONEYCOMB_*', 'LIGHTSTEP_*',
  'AWS_*', 'AZURE_*', 'GOOGLE_APPLICATION_CREDENTIALS', 'GOOGLE_CLOUD_PROJECT', 'GCLOUD_PROJECT', 'GCP_PROJECT', 'CLOUDSDK_*',
  'DATABASE_URL', 'PG*', 'MYSQL_*', 'REDIS_URL',
  // The platforms' own switches; classic Docker Swarm read scheduling hints from the environment.
  'JBP_*', 'DYNO*', 'K_*', 'reschedule', 'constraint:*', 'affinity:*',
];

/** True when a name matches one of the patterns (`*` stands for any run of characters). */
export function matchesNamePattern(name: string, patterns: readonly NamePattern[]): boolean {
  return patterns.some((p) => (p.includes('*') ? patternRegex(p).test(name) : p === name));
}

const regexes = new Map<string, RegExp>();

function patternRegex(pattern: string): RegExp {
  let regex = regexes.get(pattern);
  if (!regex) regexes.set(pattern, (regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`)));
  return regex;
}

/** True when a platform of the services sets the variable itself. */
export function isPlatformProvided(name: string, platforms: Iterable<EnvService['platform']>): boolean {
  if (matchesNamePattern(name, PLATFORM_PROVIDED.any)) return true;
  for (const platform of platforms) if (matchesNamePattern(name, PLATFORM_PROVIDED[platform])) return true;
  return false;
}

/** True when a runtime or library reads the variable itself (the table, then the team's additions). */
export function isRuntimeRead(name: string, extra: readonly string[] = []): boolean {
  return matchesNamePattern(name, RUNTIME_READ) || matchesNamePattern(name, extra);
}
