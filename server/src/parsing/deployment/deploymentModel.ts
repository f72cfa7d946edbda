import type { Span } from '../sourceFile';
import type { YamlFile } from '../yaml/yamlDocuments';
import type { YMap, YNode, YPair, YScalar } from '../yaml/yamlNodes';

/** The platforms whose manifests become {@link Workload}s. */
export type Platform = 'kubernetes' | 'cloudfoundry' | 'compose';

/** How an env entry gets its value. */
export type EnvValue =
  /** Written in the manifest. `text` is the value as the app receives it, `span` where it is written. */
  | { type: 'literal'; text: string; span: Span; node: YScalar }
  /** Taken from elsewhere at deploy time: a Secret, a ConfigMap, the pod, a bound service, an env file, the host. */
  | { type: 'reference'; via: EnvReferenceKind; span: Span }
  /** Filled in by a tool before deployment: `${VAR}`, `${VAR:-x}`, `((var))`, `{{ … }}`. */
  | { type: 'placeholder'; text: string; span: Span; node: YScalar }
  /** No value (`KEY:` or `- KEY` in compose: passed through from the shell). */
  | { type: 'empty'; span: Span };

/** Where a referenced env value comes from. */
export type EnvReferenceKind = 'secretKeyRef' | 'configMapKeyRef' | 'fieldRef' | 'resourceFieldRef' | 'envFrom' | 'serviceBinding' | 'env_file' | 'host';

/** One environment variable of a container or process. */
export interface EnvEntry {
  name: string;
  nameSpan: Span;
  value: EnvValue;
  /** The whole entry: a Kubernetes `- name: … value: …` item, a compose or CF `KEY: value` pair, a compose `KEY=value` item. */
  span: Span;
  /** How the entry is written, for fixes that rewrite it. */
  syntax: EnvSyntax;
}

/** How an env entry is written in YAML. */
export type EnvSyntax =
  /** Kubernetes: a list item map with `name` and `value` (the `value` pair given). */
  | { form: 'k8s-item'; item: YMap; valuePair?: YPair }
  /** compose / CF map form: `KEY: value`. */
  | { form: 'map-pair'; pair: YPair }
  /** compose list form: `- KEY=value`. */
  | { form: 'list-item'; item: YScalar };

/** A port a container declares. */
export interface DeclaredPort {
  port: number;
  span: Span;
  name?: string;
  /** `TCP` (the default), `UDP` or `SCTP`, when written. */
  protocol?: string;
}

/** A volume mount or compose volume of a container. */
export interface Mount {
  /** Path inside the container. */
  target?: string;
  /** compose: the host path or named volume; Kubernetes: the volume name. */
  source?: string;
  /** A host path bind mount (compose `./data:/data`, a Kubernetes `hostPath` volume). */
  hostPath: boolean;
  /** The container cannot write to it (compose `:ro`, `read_only: true`); set where the builder reads it. */
  readOnly?: boolean;
  span: Span;
}

/** A container of a workload: a Kubernetes container, a CF app or process or sidecar, a compose service. */
export interface Container {
  name: string;
  nameSpan: Span;
  /** A Kubernetes init container (runs to completion before the app). */
  init: boolean;
  image?: { text: string; span: Span; templated: boolean };
  /** The command and its arguments, each with its span (`command` then `args`). */
  command: { text: string; span: Span }[];
  env: EnvEntry[];
  /** Sources of variables whose names are not written here: `envFrom`, compose `env_file`, CF bound services. */
  envSources: { kind: 'envFrom' | 'env_file' | 'services'; name: string; span: Span }[];
  ports: DeclaredPort[];
  mounts: Mount[];
  probes: { readiness?: YNode; liveness?: YNode; startup?: YNode };
  /** The container's own map, for rule-specific keys and for fixes that insert keys. */
  node: YMap;
}

/** What every named object of a manifest has: its name, where it is, and its map. */
export interface ManifestObject {
  /** Kubernetes kind (`Deployment`, `CronJob`…), `Application` for CF, `Service` for compose. */
  kind: string;
  name: string;
  nameSpan: Span;
  namespace?: string;
  /** The object's map (the Kubernetes object, the CF application, the compose service). */
  node: YMap;
  /** The document the object is in. */
  documentIndex: number;
  /** The document is a Helm/Go template: values may be unknown, and missing keys may be rendered in. */
  templated: boolean;
}

/** A deployable unit: a Kubernetes workload, a CF application, a compose service. */
export interface Workload extends ManifestObject {
  platform: Platform;
  /** Replicas (Kubernetes), instances (CF), `deploy.replicas` (compose), when written. */
  replicas?: { value: number; span: Span };
  /** Runs to completion (Job, CronJob, a Pod with restartPolicy Never/OnFailure, a CF task). */
  runsToCompletion: boolean;
  /** The map holding the pod spec's keys (`terminationGracePeriodSeconds`, `volumes`), for Kubernetes. */
  podSpec?: YMap;
  containers: Container[];
}

/** A Kubernetes object of any kind, for rules about non-workloads (Secrets, ConfigMaps, Services, Ingresses). */
export interface KubeObject extends ManifestObject {
  apiVersion: string;
}

/** What every deployment kind's parser produces: the YAML plus the workloads in it. */
export interface DeploymentModel {
  platform: Platform;
  yaml: YamlFile;
  workloads: Workload[];
  /** Every Kubernetes object, workloads included (empty for CF and compose). */
  objects: KubeObject[];
}

/** A name as messages show it: `(unnamed)` for an object or container written without one. */
export function displayName(name: string): string {
  return name || '(unnamed)';
}
