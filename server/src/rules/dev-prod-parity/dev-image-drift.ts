import * as path from 'node:path';
import { LOCAL_DEVELOPMENT_WORDS } from '../../analysis/nonProduction';
import { runtimeRelease, type RuntimeRelease } from '../../analysis/runtimeImages';
import { defineRule } from '../../engine/defineRule';
import type { Fix, WorkspaceFiles } from '../../engine/types';
import { parseDockerfile, type DockerfileModel, type DockerStage } from '../../parsing/dockerfile/dockerfileModel';
import { isDevDockerfile } from '../../parsing/dockerfile/startupCommands';
import { parseImageReference } from '../../analysis/imageReference';
import { SourceFile } from '../../parsing/sourceFile';

/** Names a production Dockerfile beside a development one goes by. */
const PRODUCTION_DOCKERFILES = ['Dockerfile', 'Containerfile', 'Dockerfile.prod', 'Dockerfile.production', 'prod.Dockerfile'];

/** A stage's own base image with the runtime release it carries. */
interface Base {
  stage: DockerStage;
  release: RuntimeRelease;
}

/**
 * A development image whose language runtime is another release than production's: a
 * `Dockerfile.dev` against the `Dockerfile` beside it, or a `dev` stage against the other stages
 * of the same Dockerfile (a compose `build.target: dev`).
 */
export default defineRule<DockerfileModel>({
  id: 'dev-prod-parity/dev-image-drift',
  factor: 'dev-prod-parity',
  kinds: ['dockerfile'],
  defaultSeverity: 'warning',
  description: 'A development image (Dockerfile.dev, a dev stage) whose base runs another release of the language runtime than the production Dockerfile of the same app.',
  rationale: 'Development runs what production runs; on another runtime release, code that works locally can fail in production.',
  messages: {
    runtimeDrift: 'This development image runs {{runtime}} {{release}} ({{image}}), but {{production}} runs {{runtime}} {{productionRelease}}: language features, dependencies and behaviour differ between them. Build development on the release production runs.',
  },
  fixable: true,
  check(model, ctx) {
    const dev = isDevDockerfile(ctx.file.path);
    const devBases = basesOf(model).filter((b) => dev || isDevStage(b.stage));
    if (devBases.length === 0) return;
    const production = dev ? productionDockerfile(ctx.file.path, ctx.workspace) : { label: 'the production stages', bases: basesOf(model).filter((b) => !isDevStage(b.stage)) };
    if (!production) return;
    for (const base of devBases) {
      const releases = new Set(production.bases.filter((b) => b.release.runtime === base.release.runtime).map((b) => b.release.release));
      if (releases.size !== 1 || releases.has(base.release.release)) continue;
      const target = production.bases.find((b) => b.release.runtime === base.release.runtime)!;
      ctx.report({
        messageId: 'runtimeDrift',
        data: { runtime: base.release.runtime, release: base.release.release, image: base.stage.image.text, production: production.label, productionRelease: target.release.release },
        at: base.stage.image.span,
        fix: releaseFix(base, target),
      });
    }
  },
});

/** The stages that name a base image of their own (not `FROM builder`), with the runtime release it carries. */
function basesOf(model: DockerfileModel): Base[] {
  return model.stages.flatMap((stage) => {
    const release = stage.parent === undefined ? runtimeRelease(stage.image.text) : undefined;
    return release ? [{ stage, release }] : [];
  });
}

/** A stage named for development (`AS dev`, `AS development`, `AS local`, `AS debug`). */
function isDevStage(stage: DockerStage): boolean {
  return stage.name !== undefined && stage.name.split(/[-_.]/).some((w) => LOCAL_DEVELOPMENT_WORDS.has(w));
}

/** The production Dockerfile of the same app: beside the development one, or for `.devcontainer/`, in the folder above. */
function productionDockerfile(filePath: string, workspace: WorkspaceFiles): { label: string; bases: Base[] } | undefined {
  let dir = path.dirname(filePath);
  if (path.basename(dir) === '.devcontainer') dir = path.dirname(dir);
  for (const name of PRODUCTION_DOCKERFILES) {
    const other = path.join(dir, name);
    const text = other === filePath ? undefined : workspace.readText(other);
    if (text !== undefined) return { label: path.relative(path.dirname(filePath), other).split(path.sep).join('/'), bases: basesOf(parseDockerfile(new SourceFile(other, text))) };
  }
  return undefined;
}

/** Puts production's release into the development tag (`18-alpine` → `20-alpine`), when both use the same image. */
function releaseFix(base: Base, target: Base): Fix | undefined {
  const tag = base.stage.image.tag;
  if (!tag || parseImageReference(base.stage.image.text).name !== parseImageReference(target.stage.image.text).name) return undefined;
  const version = /^\d+(\.\d+)*/.exec(tag.value)![0];
  return { title: `Use ${target.release.runtime} ${target.release.release}`, edits: [{ span: { start: tag.span.start, end: tag.span.start + version.length }, text: target.release.release }], automatic: false };
}
