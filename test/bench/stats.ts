// Figures over runs: each run yields one number per measure; the table shows the median with min and max.

/** The p-th percentile of sorted numbers (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Collects one value per run under a key, in the order keys first appear. */
export class Runs {
  private readonly values = new Map<string, number[]>();

  add(key: string, value: number): void {
    let list = this.values.get(key);
    if (!list) this.values.set(key, (list = []));
    list.push(value);
  }

  get(key: string): number[] | undefined {
    return this.values.get(key);
  }

  /** `median (min–max)` in whole units, or `—` when the key has no value. */
  show(key: string, unit = 'ms', digits = 0): string {
    const list = this.values.get(key);
    if (!list?.length) return '—';
    const sorted = [...list].sort((a, b) => a - b);
    const f = (n: number) => n.toFixed(digits);
    const spread = sorted.length > 1 ? ` (${f(sorted[0])}–${f(sorted[sorted.length - 1])})` : '';
    return `${f(percentile(sorted, 50))}${unit === '×' ? '' : ' '}${unit}${spread}`;
  }

  median(key: string): number | undefined {
    const list = this.values.get(key);
    return list?.length ? percentile([...list].sort((a, b) => a - b), 50) : undefined;
  }
}

/** `met` or `missed` against a goal (lower is better). */
export function verdict(value: number | undefined, goal: number): string {
  if (value === undefined) return '';
  return value <= goal ? '✓' : '✗';
}
