import * as path from 'node:path';

/** How many files a message names before it says "and N more". */
const MAX_FILES = 4;

/**
 * The files a contract message names, relative to the folder they and the reporting file share
 * (`deploy/k8s/api.yaml, docker-compose.yml`), each once.
 */
export function describeFiles(from: string, files: readonly string[]): string {
  const unique = [...new Set(files)];
  if (unique.length === 0) return 'no deployment file';
  const base = commonFolder([from, ...unique]);
  const names = unique.map((f) => path.relative(base, f).split(path.sep).join('/') || '.').sort();
  return names.length > MAX_FILES ? `${names.slice(0, MAX_FILES).join(', ')} and ${names.length - MAX_FILES} more` : names.join(', ');
}

function commonFolder(files: readonly string[]): string {
  let common = path.dirname(files[0]);
  for (const f of files) {
    while (common !== path.dirname(common) && !(f === common || f.startsWith(common + path.sep))) common = path.dirname(common);
  }
  return common;
}
