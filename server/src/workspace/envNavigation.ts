import type { FileKind } from '../parsing/fileKind';
import type { Span } from '../parsing/sourceFile';
import { envContractOf, verdictFor, type EnvProvider, type EnvReadAt, type ReadVerdict } from './envContract';
import { inScope, type ScopedService } from './envScope';
import type { EnvFact, FileFacts } from './facts';
import type { WorkspaceIndexView } from './workspaceIndex';

/** A variable under the cursor: a read in code, or a place that provides it. */
export type EnvSymbol =
  | { kind: 'read'; fact: EnvFact }
  | { kind: 'provider'; fact: EnvFact; service?: ScopedService; object?: { kind: string; name: string } };

/** Where a variable is read or provided, in any file. */
export interface EnvLocation {
  file: string;
  span: Span;
}

/**
 * What the editor's navigation asks of the env contract, for one document: the variable at an
 * offset, its providers (hover, Go to Definition) and its reads (Find References). `facts` are the
 * document's own, fresh from its latest parse; the index may lag behind an edit.
 */
export class EnvNavigation {
  private readonly contract;

  constructor(
    index: WorkspaceIndexView,
    private readonly filePath: string,
    kind: FileKind,
    private readonly facts: FileFacts,
    private readonly readText: (p: string) => string | undefined,
  ) {
    this.contract = envContractOf(index, { path: filePath, kind, facts });
  }

  /** The read or provider whose name spans the offset. */
  symbolAt(offset: number): EnvSymbol | undefined {
    const within = (f: EnvFact) => f.span.start <= offset && offset <= f.span.end;
    const read = this.facts.envReads?.find(within);
    if (read) return { kind: 'read', fact: read };
    for (const service of this.contract.services.filter((s) => s.file === this.filePath)) {
      const fact = service.provided.find(within);
      if (fact) return { kind: 'provider', fact, service };
    }
    for (const object of this.facts.envObjects ?? []) {
      const fact = object.keys.find(within);
      if (fact) return { kind: 'provider', fact, object };
    }
    return undefined;
  }

  /** What provides a read: the providers in scope, and whether the platform or an opaque source does. */
  verdict(read: EnvFact): ReadVerdict {
    return verdictFor(this.contract, this.filePath, read.name, read.property, this.readText);
  }

  /** Every read of a name in the workspace (the document's own from its fresh facts). */
  readsOf(name: string): EnvReadAt[] {
    return this.contract.reads.filter((r) => r.name === name);
  }

  /** The reads a provider serves: reads of its name in the code its service deploys (for a ConfigMap key, by the services that load it). */
  readsServedBy(symbol: Extract<EnvSymbol, { kind: 'provider' }>): EnvReadAt[] {
    const services = symbol.service ? [symbol.service] : this.contract.services.filter((s) => s.sources?.some((src) => src.kind === symbol.object?.kind && src.name === symbol.object?.name));
    return this.readsOf(symbol.fact.name).filter((r) => r.fileKind !== 'dockerfile' && services.some((s) => inScope(s, r.file) || s.file === r.file));
  }
}

/** A provider as a location. */
export function providerLocation(provider: EnvProvider): EnvLocation {
  return { file: provider.file, span: provider.span };
}
