// Environment variables that switch a framework into development mode, and the value each takes in a
// release. Shared by the rules that look at what a deploy sets, so that they agree on what "development
// mode" is.

/** Profile and environment names that mean a developer's machine. */
const DEVELOPMENT_NAMES = new Set(['dev', 'develop', 'development', 'local']);

/** A development-mode setting: what it is, and the value a release uses instead (none when it is a choice). */
export interface DevelopmentSetting {
  /** The value a production deploy sets, when there is one obvious value. */
  production?: string;
}

/** Framework environment names whose value names the environment (`NODE_ENV=development`). */
const ENVIRONMENT_VARIABLES: Record<string, string> = {
  NODE_ENV: 'production',
  FLASK_ENV: 'production',
  RAILS_ENV: 'production',
  RACK_ENV: 'production',
  APP_ENV: 'production',
  DJANGO_ENV: 'production',
  MIX_ENV: 'prod',
  ASPNETCORE_ENVIRONMENT: 'Production',
  DOTNET_ENVIRONMENT: 'Production',
};

/** Debug switches of web frameworks; `DEBUG=*` (the `debug` package's namespaces) is a log filter, not a mode. */
const DEBUG_VARIABLES = new Set(['DEBUG', 'FLASK_DEBUG', 'DJANGO_DEBUG', 'APP_DEBUG']);

/**
 * The development-mode setting an env entry makes, or undefined: `NODE_ENV=development`,
 * `FLASK_ENV=development`, `RAILS_ENV=development`, `DEBUG=true`, `GIN_MODE=debug`,
 * `SPRING_PROFILES_ACTIVE=dev` (a dev profile among several counts too).
 */
export function developmentSetting(name: string, value: string): DevelopmentSetting | undefined {
  const upper = name.toUpperCase();
  const trimmed = value.trim();
  if (upper in ENVIRONMENT_VARIABLES) return DEVELOPMENT_NAMES.has(trimmed.toLowerCase()) ? { production: ENVIRONMENT_VARIABLES[upper] } : undefined;
  if (DEBUG_VARIABLES.has(upper)) {
    const off = { true: 'false', True: 'False', TRUE: 'FALSE', '1': '0', yes: 'no', on: 'off' }[trimmed];
    return off ? { production: off } : undefined;
  }
  if (upper === 'GIN_MODE') return trimmed.toLowerCase() === 'debug' ? { production: 'release' } : undefined;
  if (upper === 'SPRING_PROFILES_ACTIVE' || upper === 'QUARKUS_PROFILE' || upper === 'MICRONAUT_ENVIRONMENTS') {
    return trimmed.split(/\s*,\s*/).some((p) => DEVELOPMENT_NAMES.has(p.toLowerCase())) ? {} : undefined;
  }
  return undefined;
}

/** True when a label value or a folder name marks an environment for development (`environment: development`). */
export function isDevelopmentName(value: string | undefined): boolean {
  return value !== undefined && DEVELOPMENT_NAMES.has(value.toLowerCase());
}
