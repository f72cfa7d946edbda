import { envExampleChange } from '../../parsing/dotenv/envFileEdits';
import { hostReach } from '../../analysis/serviceAddress';
import { isTestFile, TEST_FILES_OPTION } from '../../analysis/testFiles';
import { defineRule } from '../../engine/defineRule';
import type { Fix, RuleContext } from '../../engine/types';
import { nodeSpan, type CodeModel } from '../../parsing/code/codeModel';
import { envReadText } from '../../parsing/code/edits/envReadText';
import { importEdits } from '../../parsing/code/edits/imports';
import { serviceLiterals, type ServiceLiteral } from '../../parsing/code/serviceLiterals';

interface Options {
  testFiles: string[];
}

const LOCAL_HOSTS = /^(localhost|127\.0\.0\.1|\[?::1\]?|0\.0\.0\.0)$/i;

/** A database, cache or queue address written in the code instead of read from the environment. */
export default defineRule<CodeModel, Options>({
  id: 'backing-services/hardcoded-connection',
  factor: 'backing-services',
  kinds: ['code'],
  defaultSeverity: 'warning',
  description: 'A connection URL (postgres://, mongodb://, redis://, amqp://, jdbc:…) or a host literal passed to a database, cache or queue client.',
  rationale: 'A backing service is an attached resource, swapped by changing config: its address belongs in the environment of each deploy, not in the code.',
  messages: {
    url: 'The {{scheme}} service at {{host}} is hard-coded; read its URL from {{env}} so that each deploy attaches its own.',
    host: 'The service host {{host}} is hard-coded in the client options; read it from {{env}} so that each deploy attaches its own.',
    urlServiceName: 'The {{scheme}} service {{host}} is a name that compose or Kubernetes resolves, which works, but the address is still fixed in the code; read its URL from {{env}} so that each deploy can attach its own.',
    hostServiceName: 'The service host {{host}} is a name that compose or Kubernetes resolves, which works, but the address is still fixed in the code; read it from {{env}} so that each deploy can attach its own.',
  },
  options: { testFiles: TEST_FILES_OPTION },
  fixable: true,
  check(model, ctx) {
    if (isTestFile(ctx.file.path, ctx.options.testFiles)) return;
    for (const service of serviceLiterals(model)) {
      const data = { scheme: service.scheme ?? '', host: service.host, env: service.envName };
      const serviceName = hostReach(service.host) === 'service-name';
      const messageId = service.scheme ? (serviceName ? 'urlServiceName' : 'url') : serviceName ? 'hostServiceName' : 'host';
      ctx.report({ messageId, data, at: nodeSpan(service.literal.node), fix: readFromEnv(model, service, ctx) });
    }
  },
});

/**
 * Reads the address from the environment. A local address stays as the default for local runs (a
 * documented dev default, in the languages whose read takes one); a remote one goes.
 */
function readFromEnv(model: CodeModel, service: ServiceLiteral, ctx: RuleContext<Options>): Fix {
  const local = LOCAL_HOSTS.test(service.host.replace(/:\d+$/, '')) && model.language !== 'go' && !service.credentials;
  const text = envReadText(model, service.envName, 'string', local ? service.literal.node.text : undefined);
  const example = envExampleChange(ctx.workspace, ctx.file.path, [{ name: service.envName }]);
  return {
    title: local ? `Read ${service.envName} from the environment (local default kept)` : `Read ${service.envName} from the environment`,
    edits: [{ span: nodeSpan(service.literal.node), text }, ...importEdits(model)],
    otherFiles: example ? [example] : undefined,
    // Without the variable set, the app no longer finds its service: a person's choice.
    automatic: false,
  };
}
