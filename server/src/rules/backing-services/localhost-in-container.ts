import { addressRole, isServiceScheme, loopbackMentions, type LoopbackMention } from '../../analysis/serviceAddress';
import { defineRule } from '../../engine/defineRule';
import type { TextEdit } from '../../engine/types';
import type { DeploymentModel, EnvEntry, Workload } from '../../parsing/deployment/deploymentModel';
import { literalTextStart } from '../../parsing/deployment/envValue';
import { nameFamily, schemeFamily } from '../../analysis/backingServiceImages';
import { imageFamily, isBuiltFromProject, servedPorts } from '../../parsing/deployment/composeServices';
import { replaceScalar, yamlScalar } from '../../parsing/yaml/yamlEdits';
import { get, str } from '../../parsing/yaml/yamlNodes';

/** A compose service whose env points a backing service at `localhost`, which inside its container is the container itself. */
export default defineRule<DeploymentModel>({
  id: 'backing-services/localhost-in-container',
  factor: 'backing-services',
  kinds: ['compose'],
  defaultSeverity: 'warning',
  description: 'Environment values that point a backing service at localhost or 127.0.0.1 inside a compose service.',
  rationale: 'A backing service is an attached resource reached by its address; inside a container, localhost is the container itself.',
  messages: {
    withTarget: '{{name}} points at {{host}}, which inside the "{{service}}" container is that container itself; use the service name "{{target}}".',
    noTarget: '{{name}} points at {{host}}, which inside the "{{service}}" container is that container itself; use the name of the service that runs it.',
  },
  fixable: true,
  check(model, ctx) {
    const source = ctx.file.text;
    for (const service of model.workloads) {
      // With the host's network, or another service's (a sidecar), localhost really is where the peer listens.
      const networkMode = str(get(service.node, 'network_mode')) ?? '';
      if (/^(host|service:|container:)/.test(networkMode)) continue;
      for (const entry of service.containers[0]?.env ?? []) {
        if (entry.value.type !== 'literal') continue;
        const role = addressRole(entry.name);
        if (role === 'self' || role === 'outside') continue;
        const start = literalTextStart(source, entry.value);
        for (const mention of loopbackMentions(entry.value.text)) {
          const family = (mention.scheme && schemeFamily(mention.scheme)) || nameFamily(entry.name);
          if (role !== 'backing' && !(mention.scheme && isServiceScheme(mention.scheme))) continue;
          if (pointsAtItself(service, mention, family)) continue;
          const target = targetService(model.workloads, service, entry, mention, family);
          // A pulled all-in-one image may run that service inside itself; an app built here does not.
          if (!target && !isBuiltFromProject(service)) continue;
          const data = { name: entry.name, host: mention.host, service: service.name, ...(target ? { target: target.name } : {}) };
          if (start === undefined) {
            ctx.report({ messageId: target ? 'withTarget' : 'noTarget', data, at: entry.value.span });
            continue;
          }
          const at = { start: start + mention.start, end: start + mention.end };
          ctx.report({
            messageId: target ? 'withTarget' : 'noTarget',
            data,
            at,
            fix: target && { title: `Replace ${mention.host} with the service name "${target.name}"`, edits: [hostEdit(entry, mention, at, target.name)] },
          });
        }
      }
    }
  },
});

/** A service may reach its own port, or run the very backing service it names (a database's own tooling). */
function pointsAtItself(service: Workload, mention: LoopbackMention, family: string | undefined): boolean {
  if (mention.port !== undefined) return servedPorts(service).has(mention.port);
  return family !== undefined && imageFamily(service) === family;
}

/**
 * The one other service the address means, or none when that is not clear: the services that listen
 * on the port (declared, or their image's usual port), narrowed by the family the scheme or name asks
 * for; without a port, the one service of that family, or the one named in the variable (`DB_HOST` → `db`).
 */
function targetService(services: Workload[], self: Workload, entry: EnvEntry, mention: LoopbackMention, family: string | undefined): Workload | undefined {
  const others = services.filter((s) => s !== self && (family === undefined || imageFamily(s) === undefined || imageFamily(s) === family));
  let pool: Workload[];
  if (mention.port !== undefined) {
    pool = others.filter((s) => servedPorts(s).has(mention.port!));
    const sameFamily = pool.filter((s) => family !== undefined && imageFamily(s) === family);
    if (sameFamily.length > 0) pool = sameFamily;
  } else {
    pool = family ? others.filter((s) => imageFamily(s) === family) : [];
    if (pool.length === 0) pool = others.filter((s) => namesService(entry.name, s.name));
  }
  return pool.length === 1 ? pool[0] : undefined;
}

/** `DB_HOST` names the service `db`; `USER_DB_URL` names `user-db`. */
function namesService(variable: string, service: string): boolean {
  const words = `_${variable.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_`;
  return words.includes(`_${service.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_`);
}

/** Replaces the host only; a plain value that would stop reading as a string (`null`) is rewritten quoted. */
function hostEdit(entry: EnvEntry, mention: LoopbackMention, at: TextEdit['span'], target: string): TextEdit {
  if (entry.value.type === 'literal' && entry.syntax.form === 'map-pair' && entry.value.node.style === 'PLAIN') {
    const text = entry.value.text;
    const replaced = text.slice(0, mention.start) + target + text.slice(mention.end);
    if (yamlScalar(replaced) !== replaced) return replaceScalar(entry.value.node, replaced);
  }
  return { span: at, text: target };
}
