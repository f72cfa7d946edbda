import { defineRule } from '../../engine/defineRule';
import type { DockerfileModel, DockerStage } from '../../parsing/dockerfile/dockerfileModel';
import { floatingTag, parseImageReference } from '../../analysis/imageReference';

/** FROM (or COPY --from an image) without a tag, with `latest`, or with a tag that names no version. */
export default defineRule<DockerfileModel, { allow: string[] }>({
  id: 'dependencies/unpinned-base-image',
  factor: 'dependencies',
  kinds: ['dockerfile'],
  defaultSeverity: 'warning',
  description: 'FROM or COPY --from an image without a tag, with the latest tag, or with a tag that names no version (alpine, slim, lts).',
  rationale: 'Dependencies are declared exactly; a floating base image makes two builds of one commit differ.',
  messages: {
    noTag: 'Base image "{{image}}" has no tag, so it floats to latest; pin a version (and ideally a digest).',
    latestTag: 'Base image "{{image}}" uses the latest tag; pin a version (and ideally a digest).',
    versionlessTag: 'Base image "{{image}}" has a tag that names no version, so it moves like latest; pin a version (and ideally a digest).',
    argUnpinned: 'Base image "{{image}}" resolves to "{{resolved}}" through ARG {{arg}}, which is not pinned.',
    copyFromUnpinned: 'COPY --from image "{{image}}" is not pinned ({{why}}), so the files it copies change between builds; pin a version (and ideally a digest).',
  },
  options: {
    allow: { type: 'array', items: { type: 'string' }, default: [], description: 'Image names that may float (for example an internal base image rebuilt nightly).' },
  },
  fixable: false,
  check(model, ctx) {
    const defaults = new Map<string, string | undefined>();
    for (const arg of model.globalArgs) for (const p of arg.properties ?? []) defaults.set(p.name.value, p.value?.value);

    for (const stage of model.stages) {
      const { text, span } = stage.image;
      if (!text || text.toLowerCase() === 'scratch' || stage.parent !== undefined || isEarlierStage(model, stage)) continue;
      if (text.includes('$')) {
        const { resolved, arg } = resolveArgs(text, defaults);
        if (resolved === undefined || arg === undefined) continue;
        const reference = parseImageReference(resolved);
        if (floatingTag(reference) && !ctx.options.allow.includes(reference.name)) {
          ctx.report({ messageId: 'argUnpinned', data: { image: text, resolved, arg }, at: span });
        }
        continue;
      }
      const floating = floatingTag(parseImageReference(text));
      if (!floating || ctx.options.allow.includes(stage.image.name ?? text)) continue;
      ctx.report({ messageId: floating, data: { image: text }, at: (floating !== 'noTag' && stage.image.tag?.span) || span });
    }

    for (const copy of model.instructions) {
      const image = copy.copyFrom;
      if (!image || !copy.copyFromSpan || !isExternalImage(model, image)) continue;
      const reference = parseImageReference(image);
      const floating = floatingTag(reference);
      if (!floating || ctx.options.allow.includes(reference.name)) continue;
      ctx.report({ messageId: 'copyFromUnpinned', data: { image, why: WHY[floating] }, at: copy.copyFromSpan });
    }
  },
});

/** What `copyFromUnpinned` says for each verdict of `floatingTag`. */
const WHY: Record<NonNullable<ReturnType<typeof floatingTag>>, string> = { 'noTag': 'no tag', 'latestTag': 'the latest tag', 'versionlessTag': 'a tag with no version' };

/** `COPY --from` names a stage (by name or index) or an image; variables are left alone. */
function isExternalImage(model: DockerfileModel, from: string): boolean {
  if (/^\d+$/.test(from) || from.includes('$')) return false;
  return !model.stages.some((s) => s.name === from.toLowerCase());
}

function isEarlierStage(model: DockerfileModel, stage: DockerStage): boolean {
  const name = stage.image.text.toLowerCase();
  return model.stages.some((s) => s.index < stage.index && s.name === name);
}

/**
 * Substitutes `$NAME`, `${NAME}` and `${NAME:-default}` with the global ARG defaults. Returns no
 * result when a variable has no default: its value comes from `--build-arg`, which we cannot see.
 */
function resolveArgs(text: string, defaults: Map<string, string | undefined>): { resolved?: string; arg?: string } {
  let unresolved = false;
  let firstArg: string | undefined;
  const resolved = text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, braced, fallback, bare) => {
    const name = braced ?? bare;
    firstArg ??= name;
    const value = defaults.get(name) ?? fallback;
    if (value === undefined) unresolved = true;
    return value ?? '';
  });
  return unresolved ? {} : { resolved, arg: firstArg };
}
