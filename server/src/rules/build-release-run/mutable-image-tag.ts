import { buildToolImages, type BuildToolImages } from '../../analysis/buildToolImages';
import { floatingTag, parseImageReference } from '../../analysis/imageReference';
import { defineRule } from '../../engine/defineRule';
import type { DeploymentModel } from '../../parsing/deployment/deploymentModel';
import { isBuiltFromProject, isNonProductionComposeFile } from '../../parsing/deployment/composeServices';
import { hasPlaceholder, literalTextStart } from '../../parsing/deployment/envValue';

/** A Kubernetes container or compose service whose image has no tag or the `latest` tag. */
export default defineRule<DeploymentModel, { allow: string[] }>({
  id: 'build-release-run/mutable-image-tag',
  factor: 'build-release-run',
  kinds: ['kubernetes', 'compose'],
  defaultSeverity: 'warning',
  description: 'An image with no tag, the latest tag, or a tag that names no version such as alpine (a digest is fine).',
  rationale: 'A release is immutable; a floating tag makes the same manifest run different code on each pull.',
  messages: {
    noTag: 'Image "{{image}}" has no tag, so every pull may get a different build (it floats to latest); pin a version tag or a digest.',
    latestTag: 'Image "{{image}}" uses the latest tag, so every pull may get a different build; pin a version tag or a digest.',
    versionlessTag: 'Image "{{image}}" has a tag that names no version, so every pull may get a different build; pin a version tag or a digest.',
  },
  options: {
    allow: { type: 'array', items: { type: 'string' }, default: [], description: 'Image names that may float (for example an image a CI job retags on every release).' },
  },
  fixable: false,
  scope: 'document',
  check(model, ctx) {
    const compose = model.platform === 'compose';
    if (compose && isNonProductionComposeFile(ctx.file.path)) return;
    let tools: BuildToolImages | undefined;
    for (const workload of model.workloads) {
      // compose builds the image of a `build:` service from the project itself: `image:` only names the result.
      if (compose && isBuiltFromProject(workload)) continue;
      for (const container of workload.containers) {
        const image = container.image;
        if (!image || image.templated) continue;
        const reference = parseImageReference(image.text);
        const floating = floatingTag(reference);
        if (!floating || ctx.options.allow.includes(reference.name)) continue;
        // A name left to fill in (`<PROJECT_ID>`, `${REGISTRY}`) may still carry a written tag: `…/app:latest`
        // floats whatever the name becomes. Without a written tag the placeholder may stand for one.
        if ((hasPlaceholder(image.text) || isTemplateName(image.text)) && (floating !== 'latestTag' || hasPlaceholder(reference.tag ?? ''))) continue;
        // Skaffold, Kustomize and Tilt replace these names with the image they built and tagged; in a
        // Kustomize folder a bare name (`image: hello`) is the base's placeholder for its overlays.
        tools ??= buildToolImages(ctx.file.path, ctx.workspace);
        if (tools.names.has(reference.name) || (tools.kustomization && floating === 'noTag' && !reference.name.includes('/'))) continue;
        // A written tag is reported where it is written; a missing one at the whole image.
        const start = floating === 'latestTag' || floating === 'versionlessTag' ? literalTextStart(ctx.file.text, image) : undefined;
        const at = start !== undefined && reference.tagStart !== undefined ? { start: start + reference.tagStart, end: start + image.text.length } : image.span;
        ctx.report({ messageId: floating, data: { image: image.text }, at });
      }
    }
  },
});

/**
 * A name left for a person or a script to fill in (`IMAGE_NAME`, `REGION-docker.pkg.dev/PROJECT_ID/app`):
 * image repositories are lower case, so an upper-case name is a template; and ko's `ko://` build
 * reference, which ko resolves to a digest.
 */
function isTemplateName(text: string): boolean {
  return text.startsWith('ko://') || /[A-Z]/.test(parseImageReference(text).name);
}
