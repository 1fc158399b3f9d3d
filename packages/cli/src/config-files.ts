/**
 * Finding the project config of a directory: the nearest `.csmlint.yaml`, or `pyproject.toml` with a
 * `[tool.csmlint]` table, walking up. Parsing and validation are core's (`parseConfig`).
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, FILE_START, hostDiagnostic, parseConfig, type CsmlintConfig, type Diagnostic } from '@csmlint/core';
import { ioErrorDiagnostic, isMissing } from './io-errors.js';

export interface ConfigLookupOptions {
  /** Use this file for every package instead of looking (`--config`). */
  configFile?: string;
  /** Use no config file at all (`--no-config`). */
  noConfig?: boolean;
}

export interface LoadedConfig {
  /** The config file in force (absolute path), if any. */
  file?: string;
  /** The directory `exclude` patterns are relative to: the config file's. */
  root?: string;
  config: CsmlintConfig;
  /** Findings about the config file itself (CSM901 bad config, CSM006 unreadable). Non-empty: do not lint with it. */
  diagnostics: Diagnostic[];
}

const NO_CONFIG: LoadedConfig = Object.freeze({ config: {}, diagnostics: [] });

/** Looks configs up and caches them per directory and per file, for one run over many packages. */
export class ConfigResolver {
  private readonly byDirectory = new Map<string, Promise<LoadedConfig>>();
  private readonly byFile = new Map<string, Promise<LoadedConfig | undefined>>();

  constructor(private readonly options: ConfigLookupOptions = {}) {}

  /**
   * The config in force for the files of `dir`. `listing` (the names in `dir`, when the caller has
   * listed it) spares reading the config file names that are not there.
   */
  forDirectory(dir: string, listing?: readonly string[]): Promise<LoadedConfig> {
    const absolute = resolve(dir);
    let found = this.byDirectory.get(absolute);
    if (!found) {
      found = this.lookUp(absolute, listing);
      this.byDirectory.set(absolute, found);
    }
    return found;
  }

  /** Every config file read so far, once each (to report the bad ones once). */
  async loadedConfigs(): Promise<LoadedConfig[]> {
    const loaded = await Promise.all(this.byFile.values());
    return loaded.filter((c): c is LoadedConfig => c !== undefined);
  }

  private async lookUp(dir: string, listing: readonly string[] | undefined): Promise<LoadedConfig> {
    if (this.options.noConfig) return NO_CONFIG;
    if (this.options.configFile) return (await this.load(resolve(this.options.configFile), true)) ?? NO_CONFIG;
    for (const name of CONFIG_FILE_NAMES) {
      if (listing && !listing.includes(name)) continue;
      const loaded = await this.load(join(dir, name), false);
      if (loaded) return loaded;
    }
    const parent = dirname(dir);
    return parent === dir ? NO_CONFIG : this.forDirectory(parent);
  }

  private load(path: string, explicit: boolean): Promise<LoadedConfig | undefined> {
    let loaded = this.byFile.get(path);
    if (!loaded) {
      loaded = readConfigFile(path, explicit);
      this.byFile.set(path, loaded);
    }
    return loaded;
  }
}

/** The config in force for `dir` (no caching: the language server calls it again after a config edit). */
export function loadConfigForDirectory(dir: string, options: ConfigLookupOptions = {}): Promise<LoadedConfig> {
  return new ConfigResolver(options).forDirectory(dir);
}

/** Reads one config file; undefined when it is absent, or a pyproject.toml that is not about csmlint. */
async function readConfigFile(path: string, explicit: boolean): Promise<LoadedConfig | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error) && !explicit) return undefined;
    return { file: path, root: dirname(path), config: {}, diagnostics: [ioErrorDiagnostic(path, error)] };
  }
  const parsed = parseConfig(path, text);
  if (!parsed.hasConfig) {
    if (!explicit) return undefined;
    const noTable = hostDiagnostic('CSM901', { file: path, range: FILE_START, messageId: 'noTable' });
    return { file: path, root: dirname(path), config: {}, diagnostics: [noTable] };
  }
  return { file: path, root: dirname(path), config: parsed.config, diagnostics: parsed.diagnostics };
}
