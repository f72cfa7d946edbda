import type { KindParser } from '../parsers';
import { parseYamlFile } from '../yaml/yamlDocuments';
import { buildCloudFoundryModel } from './cloudFoundryModel';
import { buildComposeModel } from './composeModel';
import type { DeploymentModel, Platform } from './deploymentModel';
import { registerDeploymentFacts } from './deploymentFacts';
import { documentParts } from './documentParts';
import { buildKubernetesModel } from './kubernetesModel';

const BUILDERS = { kubernetes: buildKubernetesModel, cloudfoundry: buildCloudFoundryModel, compose: buildComposeModel } as const;

/**
 * The parser of one deployment kind: the YAML layer (documents, anchors, templates), then the
 * platform's builder. A broken document is a problem of that document only; the others are analysed.
 */
export function deploymentParser(platform: Platform): KindParser<DeploymentModel> {
  registerDeploymentFacts(platform);
  return {
    parse: (file) => BUILDERS[platform](parseYamlFile(file), file),
    problems: (model) => model.yaml.documents.flatMap((d) => (d.error ? [d.error] : [])),
    parts: documentParts,
  };
}
