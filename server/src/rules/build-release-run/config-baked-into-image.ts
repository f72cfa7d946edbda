import { nameFamily } from '../../analysis/backingServiceImages';
import { detectSecret, nameWords } from '../../analysis/secrets';
import { environmentLabel, isServiceScheme, parseAddress } from '../../analysis/serviceAddress';
import { defineRule } from '../../engine/defineRule';
import type { DockerfileModel } from '../../parsing/dockerfile/dockerfileModel';
import { removePropertyEdit } from '../../parsing/dockerfile/editEnv';
import { isDevDockerfile } from '../../parsing/dockerfile/startupCommands';

// Name endings that make a value an address; only an environment label in its host makes it environment-specific.
const ADDRESS_WORDS = new Set(['host', 'hostname', 'url', 'uri', 'addr', 'address', 'endpoint', 'dsn']);
// Settings of package managers and runtimes (PIP_INDEX_URL, NPM_CONFIG_REGISTRY, GOPROXY) configure the build, not the app.
const TOOLING_PREFIXES = new Set([
  'pip', 'pipenv', 'poetry', 'uv', 'conda', 'python', 'npm', 'yarn', 'pnpm', 'node', 'go', 'goproxy', 'cargo', 'rustup',
  'maven', 'mvn', 'gradle', 'java', 'jdk', 'gem', 'bundle', 'composer', 'nuget', 'dotnet', 'apt', 'apk', 'sdkman', 'nvm',
]);

/** A name whose last word is a host or address (`REDIS_HOST`, glued `REDISHOST`, `DB_ADDR`). */
function isHostName(words: string[]): boolean {
  const last = words[words.length - 1] ?? '';
  return /^(host|hostname|addr|address)$/.test(last) || /[a-z](host|addr)$/.test(last);
}

/** ENV that fixes a backing-service address or an environment-specific host in the image. */
export default defineRule<DockerfileModel>({
  id: 'build-release-run/config-baked-into-image',
  factor: 'build-release-run',
  kinds: ['dockerfile'],
  defaultSeverity: 'warning',
  description: 'ENV that sets a backing-service address (a service URL, or the host of a named service) or an environment-specific host.',
  rationale: 'One build is released to every environment with different config; an address in the image ties the build to one.',
  messages: {
    backingService: 'ENV {{name}} bakes the address of a {{scheme}} service ({{host}}) into the image; set it in the release (deployment env) instead.',
    environmentSpecific: 'ENV {{name}} points at a {{environment}} host ({{host}}), so this image only fits one environment; set it in the release instead.',
    serviceHost: 'ENV {{name}} bakes the {{family}} host ({{host}}) into the image; set it in the release (deployment env) instead.',
  },
  fixable: true,
  check(model, ctx) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'ENV') continue;
      for (const property of instruction.properties ?? []) {
        const name = property.name.value;
        const value = property.value?.value;
        const words = nameWords(name);
        if (!value || !property.value || TOOLING_PREFIXES.has(words[0]) || detectSecret(name, value)) continue;
        const address = parseAddress(value);
        if (!address || /[$({]/.test(address.host)) continue;
        const environment = environmentLabel(address.host);
        let report: { messageId: string; data: Record<string, string> } | undefined;
        if (address.scheme && isServiceScheme(address.scheme)) {
          report = { messageId: 'backingService', data: { name, scheme: address.scheme, host: address.host } };
        } else if (environment && ADDRESS_WORDS.has(words[words.length - 1])) {
          report = { messageId: 'environmentSpecific', data: { name, environment, host: address.host } };
        } else if (!address.scheme && isHostName(words) && !isDevDockerfile(ctx.file.path)) {
          // `REDIS_HOST=redis`, `REDISHOST=127.0.0.1`: the name says whose address it is.
          const family = nameFamily(name);
          if (family) report = { messageId: 'serviceHost', data: { name, family, host: address.host } };
        }
        if (!report) continue;
        ctx.report({
          ...report,
          at: property.value.span,
          fix: {
            title: `Remove ENV ${name} from the image (set it in the release environment)`,
            edits: [removePropertyEdit(model.file.text, instruction, property)],
            // The app may read this variable: removing it is a person's choice, never an unattended fix.
            automatic: false,
          },
        });
      }
    }
  },
});
