import type { Fix, WorkspaceFiles } from '../../engine/types';
import type { SourceFile } from '../sourceFile';
import { replacePair, replaceScalar } from '../yaml/yamlEdits';
import type { YScalar } from '../yaml/yamlNodes';
import type { EnvEntry, Platform, Workload } from './deploymentModel';
import { besideEnvExampleChange } from '../dotenv/envFileEdits';

/** An env entry whose value is written in the manifest. */
export type LiteralEnvEntry = EnvEntry & { value: { type: 'literal'; node: YScalar } };

/** Where the secret goes instead, per platform: the names a fix writes and a message may show. */
export interface SecretDestination {
  /** Kubernetes: the Secret's name (`<workload>-secrets`). CF: the `((var))` name. compose: the `${VAR}` name. */
  name: string;
  /** Kubernetes: the key in the Secret (the variable name as it is). */
  key?: string;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/**
 * Names the place a literal secret moves to. Kubernetes: a Secret named after the workload
 * (`api` → `api-secrets`; the container's name when the workload's is templated or missing) with
 * the variable's name as its key, as `kubectl create secret generic api-secrets --from-env-file`
 * writes it. Cloud Foundry: a lower-kebab `((db-password))` variable, the vars-file convention. compose:
 * the variable's own name as `${DB_PASSWORD}`, upper-snake when the name is no shell name.
 */
export function secretDestination(platform: Platform, workload: Workload, containerName: string, entry: EnvEntry): SecretDestination {
  if (platform === 'kubernetes') {
    const base = [workload.name, containerName].map((n) => n.toLowerCase()).find((n) => DNS_LABEL.test(n) && n.length <= 200) ?? 'app';
    return { name: `${base}-secrets`, key: entry.name };
  }
  if (platform === 'cloudfoundry') return { name: entry.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'secret' };
  const shellName = /^[A-Za-z_][A-Za-z0-9_]*$/.test(entry.name) ? entry.name : entry.name.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^(\d)/, '_$1');
  return { name: shellName };
}

/**
 * The fix that moves a literal secret out of the manifest, or undefined when no safe edit exists.
 * Kubernetes: the `value:` pair becomes `valueFrom.secretKeyRef` in the pair's own style (block or
 * flow); a value shared through a scalar anchor (`value: &pw …` / `value: *pw`) gets no fix, since
 * replacing the pair would leave the alias dangling. CF: the scalar becomes `((var))`. compose: it
 * becomes `${VAR}`, and `VAR=` is appended to the `.env.example` beside the compose file (created
 * when missing). Block scalars (`|`) get no fix. Never automatic: the app then needs the Secret,
 * the vars file or the shell variable to exist.
 */
export function secretEnvFix(
  platform: Platform,
  entry: LiteralEnvEntry,
  destination: SecretDestination,
  file: SourceFile,
  workspace: WorkspaceFiles,
): Fix | undefined {
  const source = file.text;
  const node = entry.value.node;
  if (node.style.startsWith('BLOCK')) return undefined;
  if (platform === 'kubernetes') {
    const pair = entry.syntax.form === 'k8s-item' ? entry.syntax.valuePair : undefined;
    if (!pair || pair.value !== node || !(pair.span.start <= node.span.start && node.span.end <= pair.span.end)) return undefined;
    if (/[&*!]/.test(source.slice(pair.keySpan.end, node.span.start))) return undefined;
    const secretKeyRef = { name: destination.name, key: destination.key ?? entry.name };
    return {
      title: `Read ${entry.name} from Secret ${destination.name} (valueFrom.secretKeyRef)`,
      edits: [replacePair(source, pair, 'valueFrom', { secretKeyRef }, file.eol)],
      automatic: false,
    };
  }
  if (platform === 'cloudfoundry') {
    return { title: `Replace the value of ${entry.name} with ((${destination.name}))`, edits: [replaceScalar(node, `((${destination.name}))`)], automatic: false };
  }
  const reference = `\${${destination.name}}`;
  const edit = entry.syntax.form === 'list-item' ? replaceScalar(entry.syntax.item, `${entry.name}=${reference}`) : replaceScalar(node, reference);
  const change = besideEnvExampleChange(workspace, file.path, [{ name: destination.name }]);
  const otherFiles = change ? [change] : [];
  const also = otherFiles.length ? ` and add ${destination.name}= to .env.example` : '';
  return { title: `Replace the value of ${entry.name} with ${reference}${also}`, edits: [edit], otherFiles, automatic: false };
}

