import { validateSettingsObject } from '../engine/config/configFiles';
import type { RuleSetting } from '../engine/config/teamConfig';
import type { TwelveFactorSettingsSection } from '../protocol';

/** The editor settings that apply to one document, validated. */
export interface DocumentSettings {
  enable: boolean;
  rules: Map<string, RuleSetting>;
}

/**
 * Settings pulled from the client per resource (`workspace/configuration` with the document's URI,
 * so folder and workspace scopes apply) and cached per document until the configuration changes.
 */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<DocumentSettings>>();

  /** @param fetch pulls the `twelveFactor` section for a resource URI from the client */
  constructor(private readonly fetch: (uri: string) => Promise<TwelveFactorSettingsSection | null | undefined>) {}

  /** The settings of a document, pulled once and then served from the cache. */
  get(uri: string): Promise<DocumentSettings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.fetch(uri).then(
        (section) => {
          const validated = validateSettingsObject(section ?? {}).value;
          return { enable: validated.enable ?? true, rules: validated.rules ?? new Map() };
        },
        () => ({ enable: true, rules: new Map() }),
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
