import * as path from 'node:path';
import { runtimeStages, type DockerfileModel } from './dockerfileModel';

/**
 * The workspace files an image's file may have been copied from by a COPY or ADD of the final image
 * (its build context taken to be the Dockerfile's folder), latest COPY first. `imagePath` is the file
 * as the container names it (`/app/start.sh`, `./start.sh`). These are candidates: the caller reads
 * the first one that exists.
 */
export function copiedFrom(model: DockerfileModel, imagePath: string): string[] {
  const context = path.dirname(model.file.path);
  const base = path.posix.basename(imagePath);
  const relative = imagePath.replace(/^\.\//, '');
  const candidates: string[] = [];
  const copies = runtimeStages(model).flatMap((s) => s.instructions).filter((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && !i.copyFrom && i.destination);
  for (const copy of copies.sort((a, b) => b.span.start - a.span.start)) {
    const destination = copy.destination!.value.replace(/\/+$/, '') || '/';
    for (const source of copy.sources ?? []) {
      if (/^[a-z]+:\/\/|[*?[]/i.test(source.value)) continue;
      const from = path.resolve(context, source.value);
      if (path.posix.basename(source.value) === base) candidates.push(from);
      if (imagePath.startsWith(`${destination}/`)) candidates.push(path.join(from, imagePath.slice(destination.length + 1)));
      else if (!imagePath.startsWith('/')) candidates.push(path.join(from, relative));
    }
  }
  return [...new Set(candidates)];
}
