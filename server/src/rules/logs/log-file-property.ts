import { isStreamDestination } from '../../analysis/logDestinations';
import { defineRule } from '../../engine/defineRule';
import type { SpringModel } from '../../parsing/spring/springModel';
import { hasSpringPlaceholder } from '../../parsing/spring/springPlaceholders';

/** Spring Boot's properties that add a log file next to the console output. */
const LOG_FILE_PROPERTIES = new Set(['logging.file.name', 'logging.file.path', 'logging.file', 'logging.path']);

/** A Spring configuration that makes the app write its log to a file. */
export default defineRule<SpringModel>({
  id: 'logs/log-file-property',
  factor: 'logs',
  kinds: ['spring'],
  defaultSeverity: 'warning',
  description: 'logging.file.name, logging.file.path (or the legacy logging.file / logging.path) set to a file or folder.',
  rationale: 'A twelve-factor app writes its log as an event stream to stdout; the platform, not the app, routes and stores it.',
  messages: {
    logFile: '{{name}} makes the app write its log to {{value}}; leave it unset so that Spring Boot logs to the console, and let the platform collect stdout.',
  },
  fixable: false,
  check(model, ctx) {
    if (model.testResource) return;
    for (const property of model.properties) {
      if (!LOG_FILE_PROPERTIES.has(property.name)) continue;
      // A placeholder leaves the choice to each deploy's environment; an empty value turns the file off.
      if (isStreamDestination(property.value) || hasSpringPlaceholder(property.value)) continue;
      ctx.report({ messageId: 'logFile', data: { name: property.name, value: property.value }, at: property.valueSpan });
    }
  },
});
