import * as path from 'node:path';
import { parseYamlDocuments } from '../parsing/yaml/yamlParse';
import type { WorkspaceFiles } from '../engine/types';

/** How many folders up from a manifest the build tool configuration is looked for. */
const ANCESTOR_LEVELS = 4;

const SKAFFOLD_FILES = ['skaffold.yaml', 'skaffold.yml'];
const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** What build tools around a manifest do to its image names. */
export interface BuildToolImages {
  /** Names a tool replaces with the image it built and tagged. */
  names: Set<string>;
  /** The manifest's own folder is a Kustomize base or overlay (its overlays and `kustomize edit set image` may set images). */
  kustomization: boolean;
}

/**
 * The image names that a build tool rewrites before the manifest is deployed: Skaffold artifacts
 * (`build.artifacts[].image`, profiles too), Kustomize `images[].name`, and Tilt `docker_build('name')`,
 * from the manifest's folder and its ancestors. Such a name in a manifest (`image: frontend`) is a
 * placeholder the tool replaces with the image it built and tagged, not an image pulled as `latest`.
 */
export function buildToolImages(manifestPath: string, workspace: WorkspaceFiles): BuildToolImages {
  const names = new Set<string>();
  const own = path.dirname(manifestPath);
  const kustomization = KUSTOMIZATION_FILES.some((file) => workspace.readText(path.join(own, file)) !== undefined);
  let dir = own;
  for (let level = 0; level <= ANCESTOR_LEVELS; level++) {
    for (const file of SKAFFOLD_FILES) collect(workspace.readText(path.join(dir, file)), names, skaffoldImages);
    for (const file of KUSTOMIZATION_FILES) collect(workspace.readText(path.join(dir, file)), names, kustomizeImages);
    collect(workspace.readText(path.join(dir, 'Tiltfile')), names, tiltImages);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return { names, kustomization };
}

// Every manifest of a folder asks for the same few build files: each text is read once per process.
const MAX_REMEMBERED = 256;
const remembered = new Map<string, string[]>();

function collect(text: string | undefined, names: Set<string>, read: (text: string) => string[]): void {
  if (text === undefined) return;
  const key = `${read.name}\u0000${text}`;
  let found = remembered.get(key);
  if (!found) {
    try {
      found = read(text);
    } catch {
      // A broken build tool file names no images; the manifest is still checked.
      found = [];
    }
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(key, found);
  }
  for (const name of found) names.add(name);
}

function yamlValues(text: string): unknown[] {
  return parseYamlDocuments(text).flatMap((doc) => (doc.errors.length === 0 ? [doc.toJS()] : []));
}

/** `image` of every item of every `artifacts:` list, wherever it is nested (build, profiles). */
function skaffoldImages(text: string): string[] {
  const out: string[] = [];
  const walk = (value: unknown, depth: number): void => {
    if (depth > 8 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((v) => walk(v, depth + 1));
    for (const [key, child] of Object.entries(value)) {
      if (key === 'artifacts' && Array.isArray(child)) {
        for (const artifact of child) if (typeof artifact?.image === 'string') out.push(artifact.image);
      } else walk(child, depth + 1);
    }
  };
  yamlValues(text).forEach((v) => walk(v, 0));
  return out;
}

function kustomizeImages(text: string): string[] {
  return yamlValues(text).flatMap((doc) => {
    const images = (doc as { images?: unknown } | null)?.images;
    return Array.isArray(images) ? images.flatMap((i) => (typeof i?.name === 'string' ? [i.name as string] : [])) : [];
  });
}

function tiltImages(text: string): string[] {
  return [...text.matchAll(/\b(?:docker_build|custom_build)\(\s*(?:ref\s*=\s*)?['"]([^'"]+)['"]/g)].map((m) => m[1]);
}
