import { validateSettingsObject } from '../engine/config/configFiles';
import type { BaselineFindings } from '../engine/config/configFiles';
import type { RuleSetting } from '../engine/config/teamConfig';
import type { TwelveFactorSettingsSection } from '../protocol';

/** The editor settings that apply to one document, validated. */
export interface DocumentSettings {
  enable: boolean;
  rules: Map<string, RuleSetting>;
  baselineFindings: BaselineFindings;
}

/**
 * Settings pulled from the client per resource (`workspace/configuration` with the document's URI,
 * so folder and workspace scopes apply) and cached per document until the configuration changes.
 */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<DocumentSettings>>();

  private readonly reported = new Set<string>();

  /**
   * @param fetch pulls the `twelveFactor` section for a resource URI from the client
   * @param warn tells the user about a bad setting once; problems in a workspace's `.vscode/settings.json`
   *   also show as diagnostics in that file, but user settings have no file the server can point at
   */
  constructor(
    private readonly fetch: (uri: string) => Promise<TwelveFactorSettingsSection | null | undefined>,
    private readonly warn: (message: string) => void = () => undefined,
  ) {}

  /** The settings of a document, pulled once and then served from the cache. */
  get(uri: string): Promise<DocumentSettings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.fetch(uri).then(
        (section) => {
          const { value, problems } = validateSettingsObject(section ?? {});
          for (const problem of problems) {
            if (this.reported.has(problem.message)) continue;
            this.reported.add(problem.message);
            this.warn(`Settings: ${problem.message} The rule defaults apply to that entry.`);
          }
          return { enable: value.enable ?? true, rules: value.rules ?? new Map(), baselineFindings: value.baselineFindings ?? 'hint' };
        },
        () => ({ enable: true, rules: new Map(), baselineFindings: 'hint' as const }),
      );
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** Forgets one document's settings (it was closed). */
  delete(uri: string): void {
    this.cache.delete(uri);
  }

  /** Forgets everything (the configuration changed). */
  clear(): void {
    this.cache.clear();
  }
}
