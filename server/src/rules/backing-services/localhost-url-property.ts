import { isNonProductionWord } from '../../analysis/nonProduction';
import { addressRole, loopbackMentions } from '../../analysis/serviceAddress';
import { defineRule } from '../../engine/defineRule';
import type { SpringModel } from '../../parsing/spring/springModel';
import { envNameOf, hasSpringPlaceholder } from '../../parsing/spring/springPlaceholders';

/**
 * A packaged Spring property whose value is another service's HTTP URL at localhost
 * (`host.mall.admin: http://localhost:8080`, `spring.ai.openai.base-url: http://localhost:8000`).
 */
export default defineRule<SpringModel>({
  id: 'backing-services/localhost-url-property',
  factor: 'backing-services',
  kinds: ['spring'],
  defaultSeverity: 'info',
  description: 'A property of packaged Spring configuration that points at another service by an http(s) URL at localhost.',
  rationale: 'Another service the app calls is an attached resource whose address each deploy gives; localhost is the app\'s own machine or container in every deploy but a developer\'s.',
  messages: {
    localhostUrl: '{{name}} points at {{host}} in the packaged configuration: in a deploy that is the app\'s own container, not the service it calls; read the URL from the environment (${{{env}}}) so that each deploy attaches its own.',
  },
  fixable: false,
  check(model, ctx) {
    if (model.testResource) return;
    for (const property of model.properties) {
      if (!property.value || hasSpringPlaceholder(property.value) || isNonProductionWord(property.profile)) continue;
      // The app's own address (server.address) and addresses for browsers (CORS origins, redirects) are not services it calls.
      const role = addressRole(property.name.replace(/[.-]/g, '_'));
      if (role === 'self' || role === 'outside') continue;
      const mention = loopbackMentions(property.value).find((m) => m.scheme === 'http' || m.scheme === 'https' || m.scheme === 'ws' || m.scheme === 'wss');
      if (!mention) continue;
      ctx.report({ messageId: 'localhostUrl', data: { name: property.name, host: mention.host, env: envNameOf(property.name) }, at: property.valueSpan });
    }
  },
});
