import { isNonProductionFile, reportsSecret } from '../../analysis/nonProduction';
import { detectSecret, isSecretName } from '../../analysis/secrets';
import { defineRule } from '../../engine/defineRule';
import type { DockerfileModel } from '../../parsing/dockerfile/dockerfileModel';
import { removePropertyEdit } from '../../parsing/dockerfile/editEnv';

/** ENV or ARG that puts a secret into the image, where every layer and `docker history` keep it. */
export default defineRule<DockerfileModel>({
  id: 'config/secret-in-image',
  factor: 'config',
  kinds: ['dockerfile'],
  defaultSeverity: 'error',
  description: 'ENV or ARG whose name or value is a secret: a password, token, private key or credentialed URL.',
  rationale: 'Config, credentials above all, lives in the environment of a deploy; an image is shared, cached and pushed.',
  messages: {
    envSecret: 'ENV {{name}} bakes a secret ({{label}}: {{masked}}) into the image, where anyone who can pull it can read it; provide it at runtime instead.',
    argDefault: 'ARG {{name}} has a secret ({{label}}: {{masked}}) as its default, which stays in the Dockerfile and in the history of every layer built with it; use RUN --mount=type=secret instead.',
    buildArg: 'ARG {{name}} passes a secret into the build, and build args are recorded in the history of every layer built with them; use RUN --mount=type=secret,id={{id}} instead.',
  },
  fixable: true,
  check(model, ctx) {
    const text = model.file.text;
    // A development or test image's throwaway database password is no leak; a provider token still is.
    const nonProduction = isNonProductionFile(ctx.file.path);
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG') continue;
      const isArg = instruction.keyword === 'ARG';
      for (const property of instruction.properties ?? []) {
        const name = property.name.value;
        const value = property.value?.value;
        // An ARG without a default (or with an empty one) still receives the secret through --build-arg.
        if (isArg && !value) {
          if (isSecretName(name)) ctx.report({ messageId: 'buildArg', data: { name, id: name.toLowerCase() }, at: property.name.span });
          continue;
        }
        if (value === undefined || !property.value) continue;
        const verdict = detectSecret(name, value);
        if (!verdict || !reportsSecret(verdict, nonProduction)) continue;
        ctx.report({
          messageId: isArg ? 'argDefault' : 'envSecret',
          data: { name, label: verdict.label, masked: verdict.masked },
          at: property.value.span,
          fix: {
            title: isArg
              ? `Remove the default of ARG ${name} (provide it with RUN --mount=type=secret)`
              : `Remove ENV ${name} from the image (provide it at runtime or via RUN --mount=type=secret)`,
            edits: [removePropertyEdit(text, instruction, property)],
            // The app may read this variable: removing it is a person's choice, never an unattended fix.
            automatic: false,
          },
        });
      }
    }
  },
});
