import * as path from 'node:path';
import { nameFamily } from '../analysis/backingServiceImages';
import { DEFAULT_TEST_FILES, isTestFile } from '../analysis/testFiles';
import { isNonProductionManifest } from '../parsing/deployment/nonProductionManifest';
import type { WorkspaceFiles } from '../engine/types';
import { appScopeFor, oneFolderHoldsTheOther, type AppScope } from './appScope';
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
export function productionServiceFor(families: readonly string[], self: string, index: WorkspaceIndexView, root: string | undefined, files: WorkspaceFiles): ProductionService | undefined {
  const scope = appScopeFor(root, files);
  const showing = productionShowingOf(index);
  // The answer is the same for every file of one app folder and relation: over a snapshot of the files, found once.
  let answers: Map<string, ProductionService | undefined> | undefined;
  if (files.snapshot && showing.answers) {
    answers = showing.answers.get(files);
    if (!answers) showing.answers.set(files, (answers = new Map()));
  }
  const key = answers && JSON.stringify([families, root ?? null, scope.appFolderOf(self) ?? null, scope.relationOf(self)]);
  if (key !== undefined && answers!.has(key)) return answers!.get(key);
  const belongs = belongsToAppOf(self, scope);
  let answer: ProductionService | undefined;
  // In order of preference, so the first that belongs to the app is the answer.
  for (const shown of showing.files) {
    const found = shown.services.find((s) => families.includes(s.family));
    if (found && belongs(shown.path)) {
      answer = { family: found.family, via: found.via, path: shown.path };
      break;
    }
  }
  if (key !== undefined) answers!.set(key, answer);
  return answer;
}

/** An indexed file that may show where production gets a service, with the services it shows in order. */
interface ShowingFile {
  path: string;
  /** 0 for a deployment file, 1 for a Spring profile, 2 for code. */
  order: number;
  services: { family: string; via: string }[];
}

/** The showing files of one index generation, and the answers found in them, by app (see {@link productionServiceFor}). */
interface Showing {
  files: ShowingFile[];
  /** By the files read and the app's key; absent for an index without generations, whose answers cannot be kept. */
  answers?: WeakMap<WorkspaceFiles, Map<string, ProductionService | undefined>>;
}

const showingCache = new WeakMap<WorkspaceIndexView, { generation: number; showing: Showing }>();

/**
 * The index's files that can show a production service (not test files, not development manifests),
 * deployment files first (they provide the service), then Spring profiles, then code that reads it,
 * each by path; derived once per index generation: every code file of a workspace asks.
 */
function productionShowingOf(index: WorkspaceIndexView): Showing {
  const cached = showingCache.get(index);
  if (cached && index.generation !== undefined && cached.generation === index.generation) return cached.showing;
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
  if (index.generation === undefined) return { files };
  const showing = { files, answers: new WeakMap() };
  showingCache.set(index, { generation: index.generation, showing });
  return showing;
}

/**
 * Which files belong to the app of `self`: inside the folder of the nearest build manifest above it, or
 * in a folder that holds that folder, within the same repository.
 */
export function sameAppAs(self: string, root: string | undefined, files: WorkspaceFiles): (file: string) => boolean {
  return belongsToAppOf(self, appScopeFor(root, files));
}

function belongsToAppOf(self: string, scope: AppScope): (file: string) => boolean {
  const app = scope.appFolderOf(self);
  // The folder test first: it is cheap, and most files of a large workspace fail it.
  return (file) => (!app || isInsideFolder(app, file) || oneFolderHoldsTheOther(path.join(app, 'x'), file)) && scope.related(self, file);
}
