/**
 * A map keyed by text (a RUN line, an instruction) that keeps what was used last: beyond a count of
 * entries or a total key length, the least recently used entries go. Parsers keep their work on a
 * text here across versions of a file, since a keystroke leaves all but one piece of it as it was.
 */
export class TextCache<V> {
  private readonly entries = new Map<string, V>();
  private chars = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxChars: number,
  ) {}

  /** The value of a key, which then counts as used last. */
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    if (!this.entries.delete(key)) this.chars += key.length;
    this.entries.set(key, value);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.chars <= this.maxChars) break;
      this.entries.delete(oldest);
      this.chars -= oldest.length;
    }
  }

  /** How many entries are kept; for tests. */
  get size(): number {
    return this.entries.size;
  }
}
