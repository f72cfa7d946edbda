import * as path from 'node:path';
import { nameFamily } from '../analysis/backingServiceImages';
import { DEFAULT_TEST_FILES, isTestFile } from '../analysis/testFiles';
import { isNonProductionManifest } from '../parsing/deployment/nonProductionManifest';
import { AppScope, BUILD_MANIFESTS, oneFolderHoldsTheOther } from './appScope';
import type { ReadText } from './gitignore';
import { isInsideFolder } from './paths';
import type { WorkspaceIndexView } from './workspaceIndex';

/** Where production gets a backing service: how a file shows it, and the file. */
export interface ProductionService {
  family: string;
  via: string;
  /** Absolute path of the file that shows it. */
  path: string;
}

/**
 * The first file of the app around `self` that shows production gets one of `families`: a production
 * manifest running its image or naming it in an env variable or bound service, a Spring datasource
 * URL of a real database, or code that reads a variable named for it (`MYSQL_HOST`). Development and
 * test manifests, and test files, show nothing about production. A file counts when it belongs to
 * the same app: inside the folder of the nearest build manifest above `self` (`package.json`,
 * `pom.xml`…), or in a folder that holds that folder (a compose file at the top of the repository).
 */
export function productionServiceFor(families: readonly string[], self: string, index: WorkspaceIndexView, root: string | undefined, readText: ReadText): ProductionService | undefined {
  const belongs = sameAppAs(self, root, readText);
  // In order of preference, so the first that belongs to the app is the answer.
  for (const shown of productionShowingOf(index)) {
    const found = shown.services.find((s) => families.includes(s.family));
    if (found && belongs(shown.path)) return { family: found.family, via: found.via, path: shown.path };
  }
  return undefined;
}

/** An indexed file that may show where production gets a service, with the services it shows in order. */
interface ShowingFile {
  path: string;
  /** 0 for a deployment file, 1 for a Spring profile, 2 for code. */
  order: number;
  services: { family: string; via: string }[];
}

const showingCache = new WeakMap<WorkspaceIndexView, { generation: number; files: ShowingFile[] }>();

/**
 * The index's files that can show a production service (not test files, not development manifests),
 * deployment files first (they provide the service), then Spring profiles, then code that reads it,
 * each by path; derived once per index generation: every code file of a workspace asks.
 */
function productionShowingOf(index: WorkspaceIndexView): ShowingFile[] {
  const cached = showingCache.get(index);
  if (cached && index.generation !== undefined && cached.generation === index.generation) return cached.files;
  const files: ShowingFile[] = [];
  for (const entry of index.entries()) {
    if (entry.kind === 'code') {
      if (isTestFile(entry.path, DEFAULT_TEST_FILES)) continue;
      const services = (entry.facts.envReads ?? []).flatMap((r) => {
        const family = nameFamily(r.name);
        return family ? [{ family, via: r.name }] : [];
      });
      if (services.length) files.push({ path: entry.path, order: 2, services });
      continue;
    }
    if (isNonProductionManifest(entry.path, entry.kind)) continue;
    const services = entry.facts.backingServices ?? [];
    if (services.length) files.push({ path: entry.path, order: entry.kind === 'spring' ? 1 : 0, services });
  }
  files.sort((a, b) => a.order - b.order || a.path.localeCompare(b.path));
  if (index.generation !== undefined) showingCache.set(index, { generation: index.generation, files });
  return files;
}

/**
 * Which files belong to the app of `self`: inside the folder of the nearest build manifest above it, or
 * in a folder that holds that folder, within the same repository.
 */
export function sameAppAs(self: string, root: string | undefined, readText: ReadText): (file: string) => boolean {
  const scope = new AppScope(root, readText);
  const app = appFolder(self, root, readText);
  // The folder test first: it is cheap, and most files of a large workspace fail it.
  return (file) => (!app || isInsideFolder(app, file) || oneFolderHoldsTheOther(path.join(app, 'x'), file)) && scope.related(self, file);
}

/** The nearest folder at or above a file's that holds a build or dependency manifest, up to the workspace folder. */
function appFolder(file: string, root: string | undefined, readText: ReadText): string | undefined {
  for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
    if (BUILD_MANIFESTS.some((m) => readText(path.join(dir, m)) !== undefined)) return dir;
    if ((root !== undefined && path.resolve(dir) === path.resolve(root)) || path.dirname(dir) === dir) return undefined;
  }
}
