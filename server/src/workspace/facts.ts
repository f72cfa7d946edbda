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

/** One environment variable that a file provides or reads, with where. */
export interface EnvFact {
  name: string;
  span: Span;
  /** For reads: the code supplies a default, so a missing provider is not an error. */
  hasDefault?: boolean;
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
