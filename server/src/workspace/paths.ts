import * as path from 'node:path';

/** True when `filePath` is `folder` or lies below it (by path, without touching the disk). */
export function isInsideFolder(folder: string, filePath: string): boolean {
  return filePath === folder || filePath.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
}
