/** Where a running audit is: finding files, reading them for cross-file facts, or checking them. */
export interface AuditProgress {
  phase: 'walking' | 'indexing' | 'checking';
  /** Files found (walking) or done (indexing, checking) so far. */
  done: number;
  /** Files to do, once known. */
  total?: number;
}

/** How a caller follows and stops a running audit; the CLI passes neither. */
export interface AuditControl {
  /** Polled between files; the audit stops with {@link AuditCancelledError} once it returns true. */
  isCancelled?: () => boolean;
  /** Told where the audit is, at most once per time slice. */
  onProgress?: (progress: AuditProgress) => void;
}

/** The audit stopped because its caller cancelled it. */
export class AuditCancelledError extends Error {
  override readonly name = 'AuditCancelledError';
  constructor() {
    super('The audit was cancelled.');
  }
}

/** How long the audit runs before it lets other work (a cancel request, a keystroke's lint) have a turn. */
export const SLICE_MS = 10;

/**
 * Cuts a long loop into time slices: after each file, `step` yields to the event loop once the
 * current slice is used up, reports progress and checks for cancellation. A file's own work is never
 * interrupted, so the delay before a cancel takes effect is one slice plus the slowest file.
 */
export class Pacer {
  private sliceStart = performance.now();

  constructor(private readonly control: AuditControl = {}) {}

  /** Call after each unit of work; resolves at once while the slice lasts. */
  async step(progress: AuditProgress): Promise<void> {
    if (performance.now() - this.sliceStart < SLICE_MS) return;
    this.control.onProgress?.(progress);
    await new Promise((resolve) => setImmediate(resolve));
    this.check();
    this.sliceStart = performance.now();
  }

  /** Throws {@link AuditCancelledError} when the caller has cancelled. */
  check(): void {
    if (this.control.isCancelled?.()) throw new AuditCancelledError();
  }
}
