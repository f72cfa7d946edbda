import { isNonProductionFile, reportsSecret } from '../../analysis/nonProduction';
import { detectSecret } from '../../analysis/secrets';
import { defineRule } from '../../engine/defineRule';
import { displayName, type DeploymentModel } from '../../parsing/deployment/deploymentModel';
import { embeddedSettings } from '../../parsing/yaml/embeddedSettings';
import { get, pairs } from '../../parsing/yaml/yamlNodes';

/**
 * A ConfigMap entry that is a secret: a `data` key whose value is one, or a setting inside a config
 * file held in `data` (`application.properties: |`). Templated values are never literals.
 */
export default defineRule<DeploymentModel>({
  id: 'config/secret-in-configmap',
  factor: 'config',
  kinds: ['kubernetes'],
  defaultSeverity: 'warning',
  description: 'A ConfigMap key, or a setting in a config file a ConfigMap holds, whose value is a secret.',
  rationale: 'Credentials are config that needs its own protection; a ConfigMap is readable by everyone who may read config, and is committed with it.',
  messages: {
    secretValue: 'ConfigMap {{configMap}} key {{key}} holds a {{label}} ({{masked}}); ConfigMaps are not for secrets: move it to a Secret and read it from there.',
    secretInFile: 'ConfigMap {{configMap}} file {{file}} sets {{key}} to a {{label}} ({{masked}}); move the value to a Secret and have the file read it from the environment or a mounted file.',
  },
  fixable: false,
  scope: 'document',
  check(model, ctx) {
    // A dev or test overlay's throwaway database password is no leak; a provider token still is.
    const nonProduction = isNonProductionFile(ctx.file.path);
    for (const object of model.objects) {
      if (object.kind !== 'ConfigMap') continue;
      for (const pair of pairs(get(object.node, 'data'))) {
        const value = pair.value;
        if (value?.type !== 'scalar' || value.templated || value.value === null) continue;
        const text = String(value.value);
        let inFile = 0;
        for (const setting of text.includes('\n') ? embeddedSettings(pair.key, value, ctx.file.text) : []) {
          const verdict = detectSecret(setting.key, setting.value);
          if (!verdict || !reportsSecret(verdict, nonProduction)) continue;
          inFile++;
          ctx.report({
            messageId: 'secretInFile',
            data: { configMap: displayName(object.name), file: pair.key, key: setting.key, label: verdict.label, masked: verdict.masked },
            at: setting.span,
          });
        }
        // A whole value that is a secret: a single-line value under a secret key, or a file that is a private key or holds a token.
        const verdict = inFile === 0 ? detectSecret(pair.key, text) : undefined;
        if (verdict && reportsSecret(verdict, nonProduction) && (!text.includes('\n') || verdict.reason !== 'name')) {
          ctx.report({ messageId: 'secretValue', data: { configMap: displayName(object.name), key: pair.key, label: verdict.label, masked: verdict.masked }, at: value.span });
        }
      }
    }
  },
});
