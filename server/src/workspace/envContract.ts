import { isPlatformProvided } from '../analysis/platformEnv';
import { parseDotenv } from '../parsing/dotenv/dotenvModel';
import type { FileKind } from '../parsing/fileKind';
import { SourceFile, type Span } from '../parsing/sourceFile';
import type { EnvFact, EnvForm, EnvObject, EnvService, FileFacts } from './facts';
import { compareFacts } from './factsCompare';
import { resolveScopes, ScopeIndex, ScopeResolver, type ScopedService } from './envScope';
import type { WorkspaceIndexView } from './workspaceIndex';

/** One place that provides a variable, as hovers, definitions and messages show it. */
export interface EnvProvider {
  name: string;
  /** Absolute path of the file it is written in. */
  file: string;
  span: Span;
  form: EnvForm;
  value?: string;
  /** The service that passes it to the app (`Deployment api`, compose `web`), and how when indirect (`envFrom app-config`). */
  service: ScopedService;
  via?: string;
}

/** One read of a variable in the workspace's code. */
export interface EnvReadAt extends EnvFact {
  /** Absolute path of the file it is in. */
  file: string;
  fileKind: FileKind;
}

/** What the contract says about a variable read in a file. */
export interface ReadVerdict {
  /** The providers that apply to the file (deployment files the contract looked at). */
  services: ScopedService[];
  providers: EnvProvider[];
  /** Provided by the platform a service in scope runs on (PORT on Cloud Foundry). */
  platform: boolean;
  /** A service in scope may provide anything (an envFrom of an object not in the workspace, an unread env_file, a Helm template). */
  anything: boolean;
  /** Only a Dockerfile ARG of that name is in scope: it exists while the image builds, never at run time. */
  buildOnly: EnvProvider[];
}

/** The workspace's providers with their scopes, its ConfigMaps and Secrets, and its reads, derived once per index generation. */
export interface EnvContract {
  services: ScopedService[];
  objects: (EnvObject & { file: string })[];
  reads: EnvReadAt[];
  /** Code files that could not be analysed, or that hand the whole environment to a library. */
  unanalysed: string[];
  /** Prefixes the code binds all at once, by file. */
  prefixes: { file: string; prefix: string }[];
  /** Every indexed code file. */
  codeFiles: string[];
  complete: boolean;
}

/** Platforms whose manifests make a contract: reads in their scope are checked against them. Dockerfiles and Procfiles only add providers. */
const CONTRACT_PLATFORMS = new Set<ScopedService['platform']>(['kubernetes', 'cloudfoundry', 'compose', 'dotenv']);

const cache = new WeakMap<WorkspaceIndexView, { generation: number; structure?: number; contract: EnvContract }>();

/** A file's facts as the contract reads them. */
type ContractFile = { path: string; kind: FileKind; facts: FileFacts };

/**
 * The env contract of an index. `own` replaces the facts the index holds for one file (the file
 * being linted, whose facts the index may not have caught up with). Typing moves positions only:
 * then the contract of the index is moved along ({@link movedContract}) instead of built again over
 * every file of the workspace on each keystroke.
 */
export function envContractOf(index: WorkspaceIndexView, own?: ContractFile): EnvContract {
  const held = own && index.get?.(own.path);
  const difference = own && held ? compareFacts(envPart(held.facts), envPart(own.facts)) : own ? 'different' : 'same';
  if (own && held && difference === 'different') {
    const replaced = replacedContract(indexContract(index), held, own);
    if (replaced) return replaced;
  }
  if (own && (difference === 'different' || (difference === 'moved' && held!.kind !== own.kind))) {
    const entries = [...index.entries()].filter((e) => e.path !== own.path);
    return buildContract([...entries, own], index.complete !== false);
  }
  const contract = indexContract(index);
  // The reads stay those the index holds, as when the file's providers are unchanged.
  return own && difference === 'moved' ? movedContract(contract, [own], false) : contract;
}

/** The contract of the index as it is, cached per generation and moved along while only positions change. */
function indexContract(index: WorkspaceIndexView): EnvContract {
  const complete = index.complete !== false;
  // The index may complete without a change of its entries: then rules that conclude from an absence may run.
  const cached = cache.get(index)?.contract.complete === complete ? cache.get(index) : undefined;
  if (cached && index.generation !== undefined && cached.generation === index.generation) return cached.contract;
  let contract: EnvContract;
  if (cached && index.structure !== undefined && cached.structure === index.structure && index.moved && index.get) {
    const moved = [...index.moved()].flatMap((p) => index.get!(p) ?? []);
    contract = movedContract(cached.contract, moved, true);
  } else {
    contract = buildContract(index.entries(), complete);
  }
  if (index.generation !== undefined) cache.set(index, { generation: index.generation, structure: index.structure, contract });
  return contract;
}

/** What of a file's facts the contract's providers come from (its reads count as the index holds them). */
function envPart(facts: FileFacts): unknown[] {
  return [facts.envServices, facts.envObjects];
}

/**
 * A contract whose files' facts moved (the same facts at other positions): their services, objects
 * and reads take the new positions, and keep the scopes the contract resolved, which depend on no
 * position. The contract's other lists, and what was derived from them, are reused.
 */
function movedContract(contract: EnvContract, files: readonly ContractFile[], withReads: boolean): EnvContract {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const next = { ...contract };
  // The i-th service, object or read of a file in the contract is the i-th in its facts.
  const counts = new Map<string, number>();
  const nth = <T>(file: string, list: string, items: T[] | undefined): T => {
    const key = `${list}\u0000${file}`;
    const i = counts.get(key) ?? 0;
    counts.set(key, i + 1);
    return items![i];
  };
  next.services = contract.services.map((s) => {
    const file = byPath.get(s.file);
    if (!file) return s;
    const service: ScopedService = { ...nth(s.file, 'services', file.facts.envServices), file: s.file, fileKind: s.fileKind };
    if (s.scope) service.scope = s.scope;
    if (s.guessed) service.guessed = s.guessed;
    if (s.unclear) service.unclear = s.unclear;
    return service;
  });
  next.objects = contract.objects.map((o) => {
    const file = byPath.get(o.file);
    return file ? { ...nth(o.file, 'objects', file.facts.envObjects), file: o.file } : o;
  });
  // The reads list keys what is grouped by scope: a new one only when a moved file reads variables.
  if (withReads && files.some((f) => f.facts.envReads?.length)) {
    next.reads = contract.reads.map((r) => {
      const file = byPath.get(r.file);
      return file ? { ...nth(r.file, 'reads', file.facts.envReads), file: r.file, fileKind: r.fileKind } : r;
    });
  }
  scopeIndexes.set(next, scopeIndexOf(contract).withServices(next.services));
  const resolver = resolvers.get(contract);
  if (resolver) resolvers.set(next, resolver);
  return next;
}

const resolvers = new WeakMap<EnvContract, ScopeResolver>();

/** The scope resolver of a contract's services (built once per contract, shared by the contracts moved from it). */
function resolverOf(contract: EnvContract): ScopeResolver {
  let resolver = resolvers.get(contract);
  if (!resolver) resolvers.set(contract, (resolver = new ScopeResolver(contract.services)));
  return resolver;
}

/**
 * The contract with one file's providers replaced (a value typed into a manifest), when what they
 * tell the scopes of other services is unchanged (same platforms, builds and folders, in the same
 * number): only its own services are resolved again. Undefined when the contract must be built again.
 */
function replacedContract(contract: EnvContract, held: ContractFile, own: ContractFile): EnvContract | undefined {
  const before = held.facts.envServices ?? [];
  const after = own.facts.envServices ?? [];
  if (held.kind !== own.kind || before.length !== after.length || held.facts.envReads?.length || own.facts.envReads?.length) return undefined;
  if (before.some((s, i) => !sameContribution(s, after[i]))) return undefined;
  if (compareFacts(otherCodeFacts(held.facts), otherCodeFacts(own.facts)) === 'different') return undefined;
  const resolver = resolverOf(contract);
  let k = 0;
  let sameScopes = true;
  const services = contract.services.map((s) => {
    if (s.file !== own.path) return s;
    const service: ScopedService = { ...after[k++], file: own.path, fileKind: own.kind };
    resolver.resolve(service);
    sameScopes &&= sameList(service.scope, s.scope);
    return service;
  });
  // Its objects come last, as when the contract is built with the file's facts replaced.
  const objects = [...contract.objects.filter((o) => o.file !== own.path), ...(own.facts.envObjects ?? []).map((o) => ({ ...o, file: own.path }))];
  const next = { ...contract, services, objects };
  resolvers.set(next, resolver);
  if (sameScopes) scopeIndexes.set(next, scopeIndexOf(contract).withServices(services));
  return next;
}

/** Whether two services tell the same to other services' scopes: the images they build, the Dockerfiles and folders. */
function sameContribution(a: EnvService, b: EnvService): boolean {
  return a.platform === b.platform && a.builtImage === b.builtImage && sameList(a.folders, b.folders) && sameList(a.dockerfiles, b.dockerfiles);
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]));
}

/** What of a code file's facts the contract reads besides its providers and reads. */
function otherCodeFacts(facts: FileFacts): unknown[] {
  return [facts.notAnalysed, facts.readsWholeEnv, facts.envPrefixes];
}

function buildContract(entries: Iterable<{ path: string; kind: FileKind; facts: FileFacts }>, complete: boolean): EnvContract {
  const contract: EnvContract = { services: [], objects: [], reads: [], unanalysed: [], prefixes: [], codeFiles: [], complete };
  for (const { path, kind, facts } of entries) {
    for (const s of facts.envServices ?? []) contract.services.push({ ...s, file: path, fileKind: kind });
    for (const o of facts.envObjects ?? []) contract.objects.push({ ...o, file: path });
    for (const r of facts.envReads ?? []) contract.reads.push({ ...r, file: path, fileKind: kind });
    if (kind === 'code') contract.codeFiles.push(path);
    if (facts.notAnalysed || facts.readsWholeEnv) contract.unanalysed.push(path);
    for (const prefix of facts.envPrefixes ?? []) contract.prefixes.push({ file: path, prefix });
  }
  resolveScopes(contract.services);
  return contract;
}

/**
 * The services that apply to a file. When a manifest linked to the file's folder deploys it, the
 * guessed ones (a Kubernetes workload whose image matches no build) are left out: they deploy
 * something else. Dockerfiles, Procfiles and Spring files only add to the manifests.
 */
export function servicesFor(contract: EnvContract, filePath: string): ScopedService[] {
  const all = scopeIndexOf(contract).servicesOf(filePath);
  const linked = all.some((s) => !s.guessed && CONTRACT_PLATFORMS.has(s.platform) && s.platform !== 'dotenv');
  return linked ? all.filter((s) => !s.guessed) : all;
}

/**
 * What provides a variable read in a file. `property` is set for a Spring placeholder: a Spring
 * file's key then satisfies it too (relaxed binding makes both the same name). `readText` reads
 * compose `env_file`s; one that cannot be read may provide anything.
 */
export function verdictFor(contract: EnvContract, filePath: string, name: string, property: string | undefined, readText: (p: string) => string | undefined): ReadVerdict {
  const services = servicesFor(contract, filePath);
  const verdict: ReadVerdict = { services, providers: [], platform: isPlatformProvided(name, services.map((s) => s.platform)), anything: false, buildOnly: [] };
  for (const service of services) {
    if (service.opaque || service.unclear) verdict.anything = true;
    for (const fact of service.provided) {
      if (fact.name !== name || (fact.form === 'property' && property === undefined)) continue;
      const provider: EnvProvider = { name, file: service.file, span: fact.span, form: fact.form ?? 'literal', service };
      if (fact.value !== undefined) provider.value = fact.value;
      (fact.form === 'build' ? verdict.buildOnly : verdict.providers).push(provider);
    }
    for (const source of service.sources ?? []) {
      if (source.kind === 'env_file') {
        const text = readText(source.name);
        if (text === undefined) verdict.anything = true;
        else {
          const entry = parseDotenv(new SourceFile(source.name, text)).entries.find((e) => e.key.value === name);
          if (entry) verdict.providers.push({ name, file: source.name, span: entry.key.span, form: 'literal', value: entry.value.slice(0, 200), service, via: 'env_file' });
        }
        continue;
      }
      const prefix = source.prefix ?? '';
      if (!name.startsWith(prefix)) continue;
      const objects = contract.objects.filter((o) => o.kind === source.kind && o.name === source.name);
      if (objects.length === 0) verdict.anything = true;
      for (const object of objects) {
        const key = object.keys.find((k) => k.name === name.slice(prefix.length));
        if (key) verdict.providers.push({ name, file: object.file, span: key.span, form: object.kind === 'Secret' ? 'secret' : 'reference', service, via: `envFrom ${object.kind} ${object.name}` });
      }
    }
  }
  // An env file is both a compose service's `env_file` and a `.env` file of its folder: one place, listed once.
  const seen = new Set<string>();
  verdict.providers = verdict.providers.filter((p) => {
    const key = `${p.file}\u0000${p.span.start}`;
    return !seen.has(key) && seen.add(key);
  });
  return verdict;
}

/** True when a contract applies to the file: a manifest or `.env` template in scope lists the app's variables. */
export function hasContract(verdict: ReadVerdict): boolean {
  return verdict.services.some((s) => CONTRACT_PLATFORMS.has(s.platform) && !s.local && (s.platform !== 'dotenv' || s.provided.some((p) => p.form === 'documented')));
}

/** True when the variable is provided one way or another (a build-time ARG does not count). */
export function isProvided(verdict: ReadVerdict): boolean {
  return verdict.platform || verdict.anything || verdict.providers.length > 0;
}

/** The reads of the workspace that a service's scope holds. */
export function readsInScope(contract: EnvContract, service: ScopedService): EnvReadAt[] {
  return scopeIndexOf(contract).inScopeOf(service, contract.reads);
}

const scopeIndexes = new WeakMap<EnvContract, ScopeIndex>();

/** The contract's services by the folders of their scope (built once per contract). */
export function scopeIndexOf(contract: EnvContract): ScopeIndex {
  let index = scopeIndexes.get(contract);
  if (!index) scopeIndexes.set(contract, (index = new ScopeIndex(contract.services)));
  return index;
}
