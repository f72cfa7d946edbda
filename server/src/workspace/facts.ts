import type { FileKind } from '../parsing/fileKind';
import type { SourceFile, Span } from '../parsing/sourceFile';

/** A named object a manifest defines or points at (a Deployment, the target of an HPA). */
export interface ObjectRef {
  kind: string;
  name: string;
  namespace?: string;
}

/** A replica count a file sets for a workload by name: its own `spec.replicas`, or an overlay's. */
export interface ReplicaCount {
  /** Undefined for Kustomize's `replicas:` field, which applies to the workload of that name whatever its kind. */
  kind?: string;
  name: string;
  namespace?: string;
  count: number;
}

/**
 * How a provider gives a variable its value: written in the file (`literal`), taken from a Secret or
 * a secret store (`secret`), from elsewhere at deploy time (`reference`: a ConfigMap, the pod, the
 * host), filled in by a tool (`placeholder`: `${X}`, `((x))`), left empty (`empty`), set only while
 * the image builds (`build`: a Dockerfile ARG, which never reaches the running app), documented in a
 * `.env` template (`documented`), set in one developer's `.env` (`local`), or a Spring property key
 * (`property`).
 */
export type EnvForm = 'literal' | 'secret' | 'reference' | 'placeholder' | 'empty' | 'build' | 'documented' | 'local' | 'property';

/** One environment variable that a file provides or reads, with where. */
export interface EnvFact {
  name: string;
  span: Span;
  /** For reads: the code supplies a default, so a missing provider is not an error. */
  hasDefault?: boolean;
  /** For reads of a Spring placeholder: the property key as written (`spring.datasource.url`). */
  property?: string;
  /** For providers: how the value is given. */
  form?: EnvForm;
  /** For literal providers: the value as written (hovers mask it when it looks like a secret). */
  value?: string;
}

/**
 * A place whose variables are not written by name, so that a reader cannot tell what it provides:
 * a Kubernetes `envFrom` (`kind` ConfigMap or Secret, with its `prefix`), a compose `env_file`.
 * When the object is in the workspace, its keys are provided; otherwise it provides anything.
 */
export interface EnvSource {
  kind: 'ConfigMap' | 'Secret' | 'env_file';
  /** The object's name, or the env file's absolute path. */
  name: string;
  prefix?: string;
  span: Span;
}

/**
 * One deployable unit as a file describes it, for the env contract: a compose service, a Cloud
 * Foundry app, a Kubernetes workload, a Dockerfile, a Procfile, a `.env` file. It provides variables
 * to the code it runs, which its scope says (absolute folders and image names).
 */
export interface EnvService {
  /** The platform whose variables it also gets (PORT on Cloud Foundry), or the file family. */
  platform: 'kubernetes' | 'cloudfoundry' | 'compose' | 'dockerfile' | 'procfile' | 'dotenv' | 'spring' | 'cloudrun';
  /** What people call it: the compose service, the CF app, the workload (`Deployment api`), the file. */
  name: string;
  nameSpan: Span;
  /** The Kubernetes container it is, in its workload. */
  container?: string;
  /** Folders (absolute) of the code it runs: the compose build context, the CF path, the Dockerfile's folder. */
  folders?: string[];
  /** Dockerfiles (absolute) it builds. */
  dockerfiles?: string[];
  /** Images it runs (Kubernetes, compose `image:` without `build:`), matched against images built in the workspace. */
  images?: string[];
  /** The image it builds (compose `image:` beside `build:`). */
  builtImage?: string;
  /** A pulled image of a backing service (postgres, redis): its variables are for that image, never for the workspace's code. */
  thirdParty?: boolean;
  provided: EnvFact[];
  sources?: EnvSource[];
  /** A developer's or a test run's set-up (`docker-compose.test.yml`): it provides, but does not define what a deploy must set. */
  local?: boolean;
  /** It may provide variables nobody can list here (a Helm template renders its env from values). */
  opaque?: boolean;
  /** It runs a program the analysis does not read (a shell script as entrypoint), which may read variables itself. */
  runsUnreadCode?: boolean;
}

/** A Kubernetes ConfigMap or Secret in the workspace and the keys it holds, for `envFrom`. */
export interface EnvObject {
  kind: 'ConfigMap' | 'Secret';
  name: string;
  namespace?: string;
  keys: EnvFact[];
}

/** A backing-service image a manifest runs, with the product and major version its tag names. */
export interface ServiceImageFact {
  /** The product, as versions compare (`postgres`, `mariadb`, `redis`). */
  product: string;
  /** The major version (`15`, `9.6`). */
  major: string;
  /** The image as written. */
  image: string;
  /** The workload that runs it (a compose service, a Kubernetes workload). */
  workload: string;
  span: Span;
}

/** A backing service a file shows the deployment provides: an image it runs, a variable or bound service named for it, a URL. */
export interface BackingServiceFact {
  /** The family (`postgres`, `mysql`, `redis`, `mongodb`…). */
  family: string;
  /** How the file shows it, for messages: `image postgres:16`, `DATABASE_URL`, `bound service orders-db`. */
  via: string;
}

/**
 * What one file contributes to cross-file rules. Facts are small and plain (no syntax trees), so the
 * index can hold thousands of files; each family extracts them from its own model.
 */
export interface FileFacts {
  /** Objects the file defines: Kubernetes workloads by kind and name. */
  objects?: ObjectRef[];
  /** Objects the file scales: HorizontalPodAutoscaler and KEDA ScaledObject targets. */
  scaleTargets?: ObjectRef[];
  /** Replica counts the file sets: workloads and Kustomize patches (`spec.replicas`), kustomizations (`replicas:`). */
  replicaCounts?: ReplicaCount[];
  /** Service names a compose file defines. */
  services?: string[];
  /** Environment variables the file provides to an app (manifest env, compose environment, `.env.example`). */
  envProvided?: EnvFact[];
  /** Environment variables the file's code reads. */
  envReads?: EnvFact[];
  /** The deployable units the file describes, with the variables each provides (the env contract's providers). */
  envServices?: EnvService[];
  /** ConfigMaps and Secrets the file defines, with their keys. */
  envObjects?: EnvObject[];
  /** The code hands the environment as a whole to a library: it may read any variable (see `readsWholeEnv`). */
  readsWholeEnv?: boolean;
  /** Prefixes of variables the code binds all at once (a Spring `@ConfigurationProperties` prefix as `ORDER_DESTINATIONS_`). */
  envPrefixes?: string[];
  /** A code file that could not be analysed (too large, unparsable): the contract of its folder is incomplete. */
  notAnalysed?: boolean;
  /** Backing-service images with a versioned tag that the file's workloads run. */
  serviceImages?: ServiceImageFact[];
  /** Backing services the file shows the deployment provides (images, service URLs, bound services). */
  backingServices?: BackingServiceFact[];
}

/** Extracts a file's facts from the model its parser produced. */
export type FactExtractor = (model: unknown, file: SourceFile) => FileFacts;

const extractors = new Map<FileKind, FactExtractor>();

/** Registers the fact extractor of a kind; each family's parser module calls this once. */
export function registerFactExtractor(kind: FileKind, extractor: FactExtractor): void {
  extractors.set(kind, extractor);
}

/** Whether files of a kind contribute facts at all: the index need not parse the others. */
export function hasFactExtractor(kind: FileKind): boolean {
  return extractors.has(kind);
}

/** The facts of a parsed file, or none when its kind contributes nothing across files. */
export function extractFacts(kind: FileKind, model: unknown, file: SourceFile): FileFacts | undefined {
  return extractors.get(kind)?.(model, file);
}
