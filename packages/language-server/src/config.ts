/**
 * The project config in force for a package: the CLI's own lookup (`loadConfigForDirectory`), cached
 * per directory until a config file changes, with the editor's settings merged on top.
 */
import { findRule, lintOptionsFromConfig, type LintOptions, type SeverityOrOff } from '@csmlint/core';
import { loadConfigForDirectory, type LoadedConfig } from 'csmlint';
import type { ServerSettings } from './settings.js';

export type { LoadedConfig };

const NO_CONFIG: LoadedConfig = { config: {}, diagnostics: [] };

export class ConfigCache {
  private readonly cache = new Map<string, Promise<LoadedConfig>>();

  constructor(private readonly log: (message: string) => void) {}

  /** The config for a package directory on disk; never rejects (a failure reads as no config). */
  forDirectory(dir: string): Promise<LoadedConfig> {
    let found = this.cache.get(dir);
    if (!found) {
      found = loadConfigForDirectory(dir).catch((error: unknown) => {
        this.log(`config lookup failed for ${dir}: ${String(error)}`);
        return NO_CONFIG;
      });
      this.cache.set(dir, found);
    }
    return found;
  }

  /** Forgets every cached lookup (a config file was created, changed or deleted). */
  invalidate(): void {
    this.cache.clear();
  }
}

/** The lint options for a package: the config file's, then the editor's settings over them (rule by rule). */
export function mergeOptions(loaded: LoadedConfig, settings: ServerSettings): LintOptions {
  const fromFile = loaded.diagnostics.length ? {} : lintOptionsFromConfig(loaded.config);
  const rules: Record<string, SeverityOrOff> = { ...fromFile.rules };
  for (const [key, severity] of Object.entries(settings.rules)) rules[findRule(key)?.id ?? key] = severity;
  const options: LintOptions = { ...fromFile };
  if (Object.keys(rules).length) options.rules = rules;
  if (settings.targetType) options.targetType = settings.targetType;
  return options;
}

/**
 * Whether the execution check runs: only when the user turned on `csmlint.run` in the editor. A
 * config file's `run: true` does not count here, so opening a cloned repository never runs its code.
 */
export function runEnabled(settings: ServerSettings): boolean {
  return settings.run === true;
}
