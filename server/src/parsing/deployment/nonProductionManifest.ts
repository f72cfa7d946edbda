import * as path from 'node:path';
import { hasNameWord, NON_PRODUCTION_WORDS } from '../../analysis/nonProduction';
import type { FileKind } from '../fileKind';
import { isNonProductionComposeFile } from './composeServices';

/** Folder names that mark Kubernetes files for a development cluster or a test run (`overlays/dev/`). */
const DEVELOPMENT_FOLDERS = new Set([...NON_PRODUCTION_WORDS, 'minikube', 'kind', 'localdev', 'sandbox']);

/**
 * True for a deployment file meant for a developer's machine or a test run rather than a release: a
 * compose file named so (`docker-compose.dev.yml`, a `dev/` folder), any manifest whose name has a
 * non-production word (`manifest-local.yml`), or a Kubernetes file in such a folder among its nearest
 * three (`k8s/overlays/dev/patch.yaml`).
 */
export function isNonProductionManifest(filePath: string, kind: FileKind): boolean {
  if (kind === 'compose') return isNonProductionComposeFile(filePath);
  if (hasNameWord(filePath)) return true;
  if (kind !== 'kubernetes') return false;
  return path.posix.dirname(filePath.replace(/\\/g, '/')).split('/').slice(-3).some((f) => DEVELOPMENT_FOLDERS.has(f.toLowerCase()));
}
