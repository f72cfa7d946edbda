import * as path from 'node:path';
import { isPlatformProvided, isRuntimeRead } from '../../analysis/platformEnv';
import { defineRule } from '../../engine/defineRule';
import type { WorkspaceFiles } from '../../engine/types';
import { deploymentFacts } from '../../parsing/deployment/deploymentFacts';
import type { DeploymentModel, EnvEntry } from '../../parsing/deployment/deploymentModel';
import { envContractOf, readsInScope, scopeIndexOf, type EnvContract } from '../../workspace/envContract';
import { describeFiles } from '../../workspace/envContractText';
import { inScope, type ScopedService } from '../../workspace/envScope';

interface Options {
  runtimeVariables: string[];
}

/** Build files of languages the analysis does not read: their code may read any variable. */
const UNREAD_LANGUAGE_MARKERS = ['Gemfile', 'Cargo.toml', 'composer.json', 'mix.exs', 'build.sbt', 'Package.swift', 'pubspec.yaml', 'deno.json', 'Makefile.PL', 'rebar.config', 'stack.yaml', 'dune-project'];

// What a manifest itself expands: Kubernetes dependent env `$(VAR)`, a shell `$VAR` / `${VAR}` in a command.
const REFERENCE = /\$\(([A-Za-z_][A-Za-z0-9_]*)\)|\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * A variable a manifest sets for an app whose code, all of it analysed, never reads it. Only for a
 * service linked to its code's folders (never a workspace-wide one), once the whole workspace is
 * indexed, when no code file there failed to parse, no start-up script or code of another language
 * is there, and the name is none of those runtimes, libraries and platforms read themselves.
 */
export default defineRule<DeploymentModel, Options>({
  id: 'config/unused-env-var',
  factor: 'config',
  kinds: ['kubernetes', 'compose', 'cloudfoundry'],
  defaultSeverity: 'info',
  description: 'An environment variable a manifest sets that no analysed code of the service it deploys reads.',
  rationale: 'A variable nobody reads is config that only looks like it matters: it misleads whoever changes it, and it hides that the one the code does read is missing.',
  messages: {
    unused: '{{name}} is set for {{service}}, but none of the code it runs reads it ({{count}} analysed files under {{folders}}); remove it if it is left over, or list it in runtimeVariables if a library reads it.',
  },
  options: {
    runtimeVariables: { type: 'array', items: { type: 'string' }, description: 'More variables that runtimes or libraries read themselves (`PREFIX_*` allowed), never reported as unused.', default: [] },
  },
  fixable: false,
  check(model, ctx) {
    const own = model.workloads.flatMap((w) => w.containers.flatMap((c) => c.env)).length;
    // Nothing is unused before the whole workspace is indexed (the contract says incomplete): no need to build it.
    if (own === 0 || ctx.index.complete === false) return;
    const contract = envContractOf(ctx.index, { path: ctx.file.path, kind: model.platform, facts: deploymentFacts(model, ctx.file) });
    if (!contract.complete) return;
    for (const workload of model.workloads) {
      if (workload.templated) continue;
      for (const container of workload.containers) {
        const service = contract.services.find((s) => s.file === ctx.file.path && s.nameSpan.start === workload.nameSpan.start && (s.container === undefined || s.container === container.name));
        if (!service || !service.scope || service.guessed || service.opaque || service.thirdParty) continue;
        const codeFiles = analysedCode(contract, service, ctx.workspace);
        if (!codeFiles) continue;
        const used = readsName(contract, service, codeFiles);
        const workloadText = ctx.file.slice(workload.node.span);
        for (const entry of container.env) {
          const name = entry.name;
          if (used(name) || isRuntimeRead(name, ctx.options.runtimeVariables) || isPlatformProvided(name, [service.platform])) continue;
          if (referencedElsewhere(workloadText, workload.node.span.start, entry, name)) continue;
          const folders = describeFiles(ctx.file.path, service.scope);
          ctx.report({ messageId: 'unused', data: { name, service: service.name, count: codeFiles.length, folders }, at: entry.nameSpan });
        }
      }
    }
  },
});

/** The code files of a service's folders when all of them were analysed and nothing there escapes the analysis; undefined otherwise. */
function analysedCode(contract: EnvContract, service: ScopedService, workspace: WorkspaceFiles): string[] | undefined {
  const scopes = scopeIndexOf(contract);
  const codeFiles = scopes.inScopeOf(service, contract.codeFiles);
  if (codeFiles.length === 0 || scopes.inScopeOf(service, contract.unanalysed).length > 0) return undefined;
  if (contract.services.some((s) => s.runsUnreadCode && s.folders?.some((f) => coversFolder(service, f)))) return undefined;
  for (const folder of service.scope ?? []) {
    if (UNREAD_LANGUAGE_MARKERS.some((m) => workspace.readText(path.join(folder, m)) !== undefined)) return undefined;
    if (['build.gradle.kts', 'build.gradle', 'pom.xml'].some((m) => /kotlin|scala|groovy/i.test(workspace.readText(path.join(folder, m)) ?? ''))) return undefined;
  }
  return codeFiles;
}

/**
 * Whether the service's code reads a name: a read in its folders; a Spring property of its module
 * (an env var overrides one by relaxed binding); and for Java, a variable that shares its first
 * word with a property (a `@ConfigurationProperties` prefix binds the rest).
 */
function readsName(contract: EnvContract, service: ScopedService, codeFiles: string[]): (name: string) => boolean {
  const reads = readsInScope(contract, service);
  const properties = contract.services.filter((s) => s.platform === 'spring' && s.folders?.some((f) => coversFolder(service, f))).flatMap((s) => s.provided);
  const used = new Set([...reads, ...properties].map((r) => r.name));
  const bound = scopeIndexOf(contract).inScopeOf(service, contract.prefixes).map((p) => p.prefix);
  if (!codeFiles.some((f) => f.endsWith('.java'))) return (name) => used.has(name) || bound.some((p) => name.startsWith(p));
  const prefixes = new Set([...properties, ...reads.filter((r) => r.property)].map((p) => firstWord(p.name)));
  return (name) => used.has(name) || prefixes.has(firstWord(name)) || bound.some((p) => name.startsWith(p));
}

function firstWord(name: string): string {
  return name.split('_')[0];
}

/** True when a folder lies in the service's scope. */
function coversFolder(service: ScopedService, folder: string): boolean {
  return inScope(service, path.join(folder, '.'));
}

/** True when the manifest expands the variable somewhere other than in its own entry (`$(DB_HOST)` in another value or a command). */
function referencedElsewhere(text: string, base: number, entry: EnvEntry, name: string): boolean {
  for (const m of text.matchAll(REFERENCE)) {
    const at = base + m.index;
    if ((m[1] ?? m[2]) === name && (at < entry.span.start || at >= entry.span.end)) return true;
  }
  return false;
}
