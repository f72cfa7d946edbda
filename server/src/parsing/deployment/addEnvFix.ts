import * as path from 'node:path';
import { isSecretName } from '../../analysis/secrets';
import type { Fix, TextEdit } from '../../engine/types';
import type { EnvService } from '../../workspace/facts';
import { SourceFile } from '../sourceFile';
import { appendItem, insertPairs, type YamlValue } from '../yaml/yamlEdits';
import { get, type YMap } from '../yaml/yamlNodes';
import type { Container, DeploymentModel, Platform } from './deploymentModel';
import { deploymentParser } from './deploymentParser';
import { secretDestination } from './secretEnvFix';

/**
 * The fix that declares a variable in a manifest, in that manifest's idiom: compose `X: ${X}` (the
 * value from the shell or `.env` at `docker compose up`), Cloud Foundry `X: ((x))` (from a vars
 * file), Kubernetes `- name: X` with an empty value to fill in, or a `secretKeyRef` to the
 * workload's Secret when the name is secret-like. Undefined when the service is no longer in the text.
 */
export function addEnvFix(service: EnvService & { file: string }, name: string, text: string): Fix | undefined {
  if (service.platform !== 'kubernetes' && service.platform !== 'compose' && service.platform !== 'cloudfoundry') return undefined;
  const platform: Platform = service.platform;
  const file = new SourceFile(service.file, text);
  let model: DeploymentModel;
  try {
    model = deploymentParser(platform).parse(file);
  } catch {
    return undefined;
  }
  const workload = model.workloads.find((w) => w.nameSpan.start === service.nameSpan.start) ?? model.workloads.find((w) => service.name.endsWith(w.name));
  const container = workload?.containers.find((c) => !c.init && (service.container === undefined || c.name === service.container));
  if (!workload || !container || workload.templated) return undefined;
  const edit = platform === 'kubernetes' ? kubernetesEdit(file, container, name, secretDestination(platform, workload, container.name, { name } as never).name) : mapEdit(file, container.node, name, platform === 'compose' ? `\${${name}}` : `((${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')}))`, platform);
  if (!edit) return undefined;
  return { title: `Add ${name} to ${path.basename(service.file)} (${service.name})`, edits: [], otherFiles: [{ path: service.file, edits: [edit] }], automatic: false };
}

function mapEdit(file: SourceFile, node: YMap, name: string, value: string, platform: Platform): TextEdit | undefined {
  const key = platform === 'compose' ? 'environment' : 'env';
  const env = get(node, key);
  if (env === undefined) return insertPairs(file.text, node, [[key, { [name]: value }]], file.eol);
  if (env.type === 'map') return insertPairs(file.text, env, [[name, value]], file.eol);
  if (env.type === 'seq' && platform === 'compose') return appendItem(file.text, env, `${name}=${value}`, file.eol);
  return undefined;
}

function kubernetesEdit(file: SourceFile, container: Container, name: string, secret: string): TextEdit | undefined {
  const item: YamlValue = isSecretName(name) ? { name, valueFrom: { secretKeyRef: { name: secret, key: name } } } : { name, value: '' };
  const env = get(container.node, 'env');
  if (env === undefined) return insertPairs(file.text, container.node, [['env', [item]]], file.eol);
  return env.type === 'seq' ? appendItem(file.text, env, item, file.eol) : undefined;
}
