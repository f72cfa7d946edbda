import * as path from 'node:path';
import { schemeFamily } from '../../analysis/backingServiceImages';
import { isNonProductionWord } from '../../analysis/nonProduction';
import { registerFactExtractor, type EnvFact, type EnvService, type FileFacts } from '../../workspace/facts';
import type { KindParser } from '../parsers';
import type { SourceFile } from '../sourceFile';
import { assignProfiles, isTestResource, profileOfFile, propertyAt, type SpringModel } from './springModel';
import { envNameOf, isEnvStyleName, placeholdersIn } from './springPlaceholders';
import { propertiesOf } from './springProperties';
import { yamlPropertiesOf } from './springYaml';

/** Parses a Spring configuration file of either format into the flattened property model. */
export function parseSpring(file: SourceFile): SpringModel {
  const format = /\.properties$/i.test(file.path) ? 'properties' : 'yaml';
  const { properties, problems } = format === 'properties' ? propertiesOf(file) : yamlPropertiesOf(file);
  const fileProfile = profileOfFile(file.path);
  assignProfiles(properties, fileProfile);
  const model: SpringModel = { file, format, properties, problems, testResource: isTestResource(file.path) };
  if (fileProfile) model.fileProfile = fileProfile;
  return model;
}

/**
 * What a Spring file tells other files: the environment variables its `${NAME}` / `${NAME:default}`
 * placeholders read. Only names written as environment variables count (`${DB_PASSWORD}`, not
 * `${spring.application.name}`, which refers to another property).
 */
export function springFacts(model: SpringModel): FileFacts {
  const envReads: EnvFact[] = [];
  for (const property of model.properties) {
    const raw = model.file.slice(property.valueSpan);
    for (const placeholder of placeholdersIn(raw, property.valueSpan.start)) {
      if (isEnvStyleName(placeholder.name)) envReads.push({ name: placeholder.name, span: placeholder.nameSpan, hasDefault: placeholder.default !== undefined });
    }
  }
  const facts: FileFacts = envReads.length ? { envReads } : {};
  // Test resources configure tests, not a deployed app: they provide nothing to its code.
  if (!model.testResource) facts.envServices = [springService(model)];
  // A datasource URL of a real database (`jdbc:postgresql://…`, also as a placeholder's default) shows what the app connects to.
  const backingServices = model.testResource ? [] : model.properties.flatMap((p) => {
    if (isNonProductionWord(p.profile)) return [];
    const scheme = /jdbc:(postgresql|mysql|mariadb):/.exec(model.file.slice(p.valueSpan))?.[0].slice(0, -1);
    const family = scheme && schemeFamily(scheme);
    return family ? [{ family, via: p.profile ? `${p.name} (profile ${p.profile})` : p.name }] : [];
  });
  if (backingServices.length) facts.backingServices = backingServices;
  return facts;
}

/**
 * The Spring file as a provider of properties: a key it sets satisfies a `@Value("${key}")` in the
 * module's code (the folder above `src/main/resources`). A config server import may set anything.
 */
function springService(model: SpringModel): EnvService {
  const filePath = model.file.path.replace(/\\/g, '/');
  const resources = filePath.lastIndexOf('/src/main/resources/');
  const folder = resources >= 0 ? model.file.path.slice(0, resources) : path.dirname(model.file.path);
  const provided = model.properties.map((p): EnvFact => ({ name: envNameOf(p.name), span: p.keySpan, form: 'property', property: p.name }));
  const service: EnvService = { platform: 'spring', name: path.basename(model.file.path), nameSpan: { start: 0, end: 0 }, folders: [folder], provided };
  if (model.properties.some((p) => /^spring\.cloud\.config\.uri$/.test(p.name) || (p.name.startsWith('spring.config.import') && p.value.includes('configserver:')))) service.opaque = true;
  return service;
}

/** The Spring parser: `.properties` or YAML, flattened to one property model; per-line or per-document problems. */
export const springParser: KindParser<SpringModel> = {
  parse: parseSpring,
  statementStart: (model, offset) => propertyAt(model, offset)?.keySpan.start ?? offset,
  problems: (model) => model.problems,
};

registerFactExtractor('spring', (model) => springFacts(model as SpringModel));
