import { urlCredentials } from '../../analysis/secrets';
import { addressRole, isServiceScheme, loopbackMentions, parseAddress } from '../../analysis/serviceAddress';
import { defineRule } from '../../engine/defineRule';
import type { DeploymentModel } from '../../parsing/deployment/deploymentModel';
import { literalTextStart } from '../../parsing/deployment/envValue';
import { get } from '../../parsing/yaml/yamlNodes';

/** A Cloud Foundry app env value that hard-codes a backing service: at localhost, or with its credentials. */
export default defineRule<DeploymentModel>({
  id: 'backing-services/hardcoded-service-url',
  factor: 'backing-services',
  kinds: ['cloudfoundry'],
  defaultSeverity: 'warning',
  description: 'Env values pointing at localhost, or service URLs with credentials, where a bound service (services:) belongs.',
  rationale: 'Backing services are attached resources: bound to the app per deploy, swappable without a code or manifest change.',
  messages: {
    localhost: '{{name}} points at {{host}}, which on Cloud Foundry is the app\'s own container, not a backing service; bind a service instance (services:) and read its address from VCAP_SERVICES.',
    credentials: '{{name}} holds a {{scheme}} URL with its credentials written in the manifest; bind a service instance (services:) and read the URL and credentials from VCAP_SERVICES.',
  },
  fixable: false,
  check(model, ctx) {
    for (const app of model.workloads) {
      // Sidecars share the app's container: localhost reaches them.
      const hasSidecars = get(app.node, 'sidecars') !== undefined;
      for (const entry of app.containers[0]?.env ?? []) {
        if (entry.value.type !== 'literal') continue;
        const { text, span } = entry.value;
        const scheme = parseAddress(text)?.scheme;
        if (scheme && isServiceScheme(scheme) && urlCredentials(text)) {
          ctx.report({ messageId: 'credentials', data: { name: entry.name, scheme }, at: span });
          continue;
        }
        const role = addressRole(entry.name);
        if (hasSidecars || role === 'self' || role === 'outside') continue;
        const start = literalTextStart(ctx.file.text, entry.value);
        for (const mention of loopbackMentions(text)) {
          if (role !== 'backing' && !(mention.scheme && isServiceScheme(mention.scheme))) continue;
          const at = start === undefined ? span : { start: start + mention.start, end: start + mention.end };
          ctx.report({ messageId: 'localhost', data: { name: entry.name, host: mention.host }, at });
        }
      }
    }
  },
});
