import { developmentSetting } from '../../analysis/developmentMode';
import { defineRule } from '../../engine/defineRule';
import type { SpringModel } from '../../parsing/spring/springModel';
import { hasSpringPlaceholder } from '../../parsing/spring/springPlaceholders';

/**
 * A packaged Spring configuration (`application.yml` without a profile) that activates a development
 * profile by default: `spring.profiles.active: dev`.
 */
export default defineRule<SpringModel>({
  id: 'dev-prod-parity/packaged-dev-profile',
  factor: 'dev-prod-parity',
  kinds: ['spring'],
  defaultSeverity: 'warning',
  description: 'The packaged Spring configuration activates a development profile by default (spring.profiles.active: dev).',
  rationale: 'A default profile in the packaged configuration applies to every deploy that does not override it; a development default runs production with the development settings.',
  messages: {
    devDefault: '{{name}}: {{value}} makes a development profile the default of the packaged configuration: every deploy that does not set SPRING_PROFILES_ACTIVE runs with the development settings. Leave the default profile unset here and let each deploy choose it.',
  },
  fixable: false,
  check(model, ctx) {
    // A profile's own file or document is chosen by a deploy already; test resources are not packaged.
    if (model.testResource || model.fileProfile) return;
    for (const property of model.properties) {
      if (property.profile || property.name.toLowerCase().replace(/[-_]/g, '') !== 'spring.profiles.active') continue;
      if (!property.value || hasSpringPlaceholder(property.value)) continue;
      if (!developmentSetting('SPRING_PROFILES_ACTIVE', property.value)) continue;
      ctx.report({ messageId: 'devDefault', data: { name: property.name, value: property.value }, at: property.valueSpan });
    }
  },
});
