import * as path from 'node:path';
import { parseDotenv } from '../parsing/dotenv/dotenvModel';
import { SourceFile } from '../parsing/sourceFile';
import type { AuditResult } from '../audit/runAudit';
import { readsInScope, scopeIndexOf, type EnvContract } from '../workspace/envContract';
import { pushTo, type ScopedService } from '../workspace/envScope';

/** A variable at its place: `file` absolute, `line` 1-based. Never its value. */
export interface EnvPlace {
  name: string;
  file: string;
  line: number;
}

/** One service of the audit's "Environment contract" section: the variables its code reads, those it is given, and the gaps. */
export interface EnvContractRow {
  /** What people call it (compose `web`, `Deployment orders`, the CF app, the Dockerfile's folder). */
  service: string;
  platform: ScopedService['platform'];
  /** The file that describes it, absolute, and the 1-based line of its name. */
  file: string;
  line: number;
  read: EnvPlace[];
  provided: EnvPlace[];
  /** Reads that `config/undeclared-env-var` reported. */
  missing: EnvPlace[];
  /** Providers that `config/unused-env-var` reported. */
  unused: EnvPlace[];
}

/** A finding reduced to what the section matches on. */
export interface EnvFindingAt {
  ruleId: string;
  /** Absolute. */
  file: string;
  /** 1-based. */
  line: number;
}

/** Manifests that deploy code: a row each. */
const MANIFESTS = new Set<ScopedService['platform']>(['kubernetes', 'cloudfoundry', 'compose', 'cloudrun']);
/** Files that deploy the folder they sit in: a row each when no manifest deploys that folder, else their variables join the manifest's. */
const FOLDER_DEPLOYERS = new Set<ScopedService['platform']>(['dockerfile', 'procfile']);
/** Files whose variables join the row of the code they sit by (`.env.example`, Spring properties), never a row of their own. */
const FOLDER_PROVIDERS = new Set<ScopedService['platform']>(['dockerfile', 'procfile', 'dotenv', 'spring']);

/**
 * The env contract by service, for reports: one row per manifest service that runs the workspace's
 * code, plus one per Dockerfile or Procfile folder no manifest deploys. A row lists the variables
 * read in its scope and those given to it (its own entries, the keys of its `env_file`s and of the
 * ConfigMaps and Secrets of its `envFrom`, and the Dockerfile, Procfile, `.env` files and Spring
 * properties of its code), and the
 * missing and unused ones exactly as `config/undeclared-env-var` and `config/unused-env-var` reported
 * them, so that the section and the findings agree. Names and places only, never values.
 * `readText` reads a file (undefined when it cannot); lines are counted in it.
 */
export function envContractRows(contract: EnvContract, findings: readonly EnvFindingAt[], readText: (file: string) => string | undefined): EnvContractRow[] {
  const sources = new Map<string, SourceFile | undefined>();
  const source = (file: string) => {
    if (!sources.has(file)) {
      const text = readText(file);
      sources.set(file, text === undefined ? undefined : new SourceFile(file, text));
    }
    return sources.get(file);
  };
  const place = (name: string, file: string, offset: number): EnvPlace => ({ name, file, line: (source(file)?.positionAt(offset).line ?? 0) + 1 });
  const reported = (ruleId: string) => new Set(findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.file}\u0000${f.line}`));
  const undeclared = reported('config/undeclared-env-var');
  const unusedAt = reported('config/unused-env-var');

  const deploys = (s: ScopedService) => !s.thirdParty && s.scope !== undefined;
  const manifests = contract.services.filter((s) => MANIFESTS.has(s.platform) && deploys(s));
  const folderProviders = contract.services.filter((s) => FOLDER_PROVIDERS.has(s.platform) && deploys(s));
  const folderDeployers = folderProviders.filter((s) => FOLDER_DEPLOYERS.has(s.platform));
  const coverers = coverersOf(contract, folderProviders);
  const rowServices = [...manifests, ...folderDeployers.filter((d) => !manifests.some((m) => coverers.get(d)!.has(m)))];
  // A row's helpers: the folder providers whose folder its service runs, in their order.
  const helpersOf = new Map<ScopedService, ScopedService[]>();
  for (const d of folderProviders) for (const s of coverers.get(d)!) if (s !== d) pushTo(helpersOf, s, d);

  const given = (service: ScopedService): EnvPlace[] => {
    const out = service.provided.filter((p) => p.form !== 'build').map((p) => place(p.name, service.file, p.span.start));
    for (const s of service.sources ?? []) {
      if (s.kind === 'env_file') {
        const file = source(s.name);
        if (file) for (const e of parseDotenv(file).entries) out.push(place(e.key.value, s.name, e.key.span.start));
        continue;
      }
      for (const object of contract.objects.filter((o) => o.kind === s.kind && o.name === s.name)) {
        for (const key of object.keys) out.push(place(`${s.prefix ?? ''}${key.name}`, object.file, key.span.start));
      }
    }
    return out;
  };

  const rows = rowServices.map((service): EnvContractRow => {
    const helpers = helpersOf.get(service) ?? [];
    const read = unique(readsInScope(contract, service).map((r) => place(r.name, r.file, r.span.start)));
    const provided = unique([service, ...helpers].flatMap(given));
    return {
      service: rowName(service),
      platform: service.platform,
      file: service.file,
      line: place('', service.file, service.nameSpan.start).line,
      read,
      provided,
      missing: read.filter((r) => undeclared.has(`${r.file}\u0000${r.line}`)),
      unused: provided.filter((p) => unusedAt.has(`${p.file}\u0000${p.line}`)),
    };
  });
  return rows.sort((a, b) => compare(a.file, b.file) || a.line - b.line);
}

/**
 * For each folder provider, the services that run the code of its folder: those that build its
 * Dockerfile, or whose scope holds the folder. Found from the provider's side, so that a large
 * workspace is not a comparison of every service with every provider.
 */
function coverersOf(contract: EnvContract, providers: readonly ScopedService[]): Map<ScopedService, Set<ScopedService>> {
  const scopes = scopeIndexOf(contract);
  const building = new Map<string, ScopedService[]>();
  for (const s of contract.services) for (const file of s.dockerfiles ?? []) pushTo(building, file, s);
  return new Map(providers.map((d) => [d, new Set([...(building.get(d.file) ?? []), ...(d.folders ?? []).flatMap((folder) => scopes.servicesOf(folder))])]));
}

function rowName(service: ScopedService): string {
  if (FOLDER_DEPLOYERS.has(service.platform)) return `${path.basename(service.folders?.[0] ?? path.dirname(service.file))}/`;
  return service.container && !service.name.includes(service.container) ? `${service.name} (${service.container})` : service.name;
}

/** Sorted by name then place, each place once. */
function unique(places: EnvPlace[]): EnvPlace[] {
  const seen = new Set<string>();
  return places
    .filter((p) => {
      const key = `${p.name}\u0000${p.file}\u0000${p.line}`;
      return !seen.has(key) && seen.add(key);
    })
    .sort((a, b) => compare(a.name, b.name) || compare(a.file, b.file) || a.line - b.line);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * How reports name a place's file: as the audit names its files (relative to the audited folder),
 * else relative to the audited folder, else by its base name, with forward slashes.
 */
export function envPlaceNamer(result: Pick<AuditResult, 'results' | 'root'>): (file: string) => string {
  const shown = new Map(result.results.map((r) => [r.file, r.displayPath]));
  return (file) => {
    const known = shown.get(file);
    if (known !== undefined) return known;
    const rel = result.root ? path.relative(result.root, file) : '';
    return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.basename(file)).split(path.sep).join('/');
  };
}
