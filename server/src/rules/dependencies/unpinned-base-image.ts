import { defineRule } from '../../engine/defineRule';
import type { DockerfileModel, DockerStage } from '../../parsing/dockerfile/dockerfileModel';
import { floatingTag, parseImageReference } from '../../analysis/imageReference';

/** FROM without a tag or with `latest`: the build pulls whatever the registry serves that day. */
export default defineRule<DockerfileModel, { allow: string[] }>({
  id: 'dependencies/unpinned-base-image',
  factor: 'dependencies',
  kinds: ['dockerfile'],
  defaultSeverity: 'warning',
  description: 'FROM without a tag, or with the latest tag.',
  rationale: 'Dependencies are declared exactly; a floating base image makes two builds of one commit differ.',
  messages: {
    noTag: 'Base image "{{image}}" has no tag, so it floats to latest; pin a version (and ideally a digest).',
    latestTag: 'Base image "{{image}}" uses the latest tag; pin a version (and ideally a digest).',
    argUnpinned: 'Base image "{{image}}" resolves to "{{resolved}}" through ARG {{arg}}, which is not pinned.',
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
      if (stage.image.digest || ctx.options.allow.includes(stage.image.name ?? text)) continue;
      if (!stage.image.tag) ctx.report({ messageId: 'noTag', data: { image: text }, at: span });
      else if (stage.image.tag.value === 'latest') ctx.report({ messageId: 'latestTag', data: { image: text }, at: stage.image.tag.span });
    }
  },
});

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
