/**
 * Checking a package and publishing the findings of ALL its files (so a change in one file never
 * leaves stale cross-file findings in the other), plus config-file findings on the config file.
 */
import { readFileSync } from 'node:fs';
import { LineIndex, type Diagnostic, type Linter, type PackageContext } from '@csmlint/core';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { ioErrorDiagnostic } from 'csmlint';
import { mergeOptions, runEnabled, type ConfigCache, type LoadedConfig } from './config.js';
import { linesOfContext, readDiagnosticData, toLspDiagnostic, type DiagnosticData } from './diagnostics.js';
import type { DocumentStore } from './documents.js';
import type { PositionCodec } from './encoding.js';
import type { PackageStore } from './packages.js';
import type { CheckToken } from './scheduler.js';
import type { ServerSettings, SettingsProvider } from './settings.js';
import { isDiskKey, keyToUri } from './uris.js';

export interface CheckerDeps {
  documents: DocumentStore;
  packages: PackageStore;
  settings: SettingsProvider;
  configs: ConfigCache;
  linter: Linter;
  codec: () => PositionCodec;
  /** The settings scope (workspace folder URI) of a package. */
  scopeOf: (dirKey: string) => string | undefined;
  /** Packages shown: inside a workspace folder, or with an open document. */
  isVisible: (dirKey: string) => boolean;
  publish: (uri: string, diagnostics: LspDiagnostic[], version?: number) => void;
  log: (message: string) => void;
  /** Runs the execution check (`run`) on the package as saved on disk. */
  runCheck?: (dirKey: string, context: PackageContext, loaded: LoadedConfig, settings: ServerSettings) => Promise<Diagnostic[]>;
  /** Called when execution-check findings arrive, to republish the package with them. */
  onRunFindings?: (dirKey: string) => void;
}

/** Execution-check findings, valid while the code file is unchanged since the run. */
interface RunFindings {
  codeStamp: string;
  diagnostics: Diagnostic[];
}

export class PackageChecker {
  /** dirKey → URI → what was last published there. */
  private readonly published = new Map<string, Map<string, LspDiagnostic[]>>();
  /** Config file URI → what we last published there (so a config shared by many packages is published once). */
  private readonly configPublished = new Map<string, string>();
  private readonly runFindings = new Map<string, RunFindings>();

  constructor(private readonly deps: CheckerDeps) {}

  /** Checks the package in `dirKey` and publishes every file's diagnostics, unless a newer check superseded it. */
  async check(dirKey: string, token: CheckToken, options: { run?: boolean } = {}): Promise<void> {
    const { deps } = this;
    const settings = await deps.settings.get(deps.scopeOf(dirKey));
    if (token.cancelled) return;
    const loaded = isDiskKey(dirKey) ? await deps.configs.forDirectory(dirKey) : { config: {}, diagnostics: [] };
    if (token.cancelled) return;
    this.publishConfigFindings(loaded);
    if (!settings.enable || !deps.isVisible(dirKey)) {
      this.clear(dirKey);
      return;
    }
    const lintOptions = mergeOptions(loaded, settings);
    const snapshot = deps.packages.snapshot(dirKey, { targetType: lintOptions.targetType, maxFileSize: lintOptions.maxFileSize });
    try {
      if (snapshot.files.size === 0) {
        this.clear(dirKey);
        return;
      }
      if (loaded.diagnostics.length) {
        // Like the CLI: a package under a bad config is not linted; the config file says why.
        this.publishPackage(dirKey, snapshot.context, [], [...snapshot.files.keys()]);
        return;
      }
      if (snapshot.unreadable.length) {
        const errors = snapshot.unreadable.map((f) => ({ ...ioErrorDiagnostic(f.key, f.error), file: f.uri }));
        this.publishPackage(dirKey, snapshot.context, errors, [...snapshot.files.keys()]);
        return;
      }
      const result = deps.linter.lintContext(snapshot.context, lintOptions);
      for (const failure of result.ruleFailures) deps.log(`rule ${failure.ruleId} failed: ${describe(failure.error)}`);
      const diagnostics = [...result.diagnostics, ...this.currentRunFindings(dirKey, snapshot.context)];
      this.publishPackage(dirKey, snapshot.context, diagnostics, [...snapshot.files.keys()]);
      if (options.run && runEnabled(settings) && deps.runCheck) void this.execute(dirKey, snapshot.context, loaded, settings);
    } catch (error) {
      deps.log(`checking ${dirKey} failed: ${describe(error)}`);
      this.clear(dirKey);
    } finally {
      deps.packages.release(snapshot.context);
    }
  }

  /** What was last published for `uri`, to recover fixes when a client drops `data`. */
  recoverData(uri: string, diagnostic: LspDiagnostic): DiagnosticData | undefined {
    for (const files of this.published.values()) {
      const match = files.get(uri)?.find((d) => d.code === diagnostic.code && d.message === diagnostic.message && sameRange(d.range, diagnostic.range));
      if (match) return readDiagnosticData(match.data);
    }
    return undefined;
  }

  /** Publishes empty diagnostics for every file of the package we published before. */
  clear(dirKey: string): void {
    const files = this.published.get(dirKey);
    if (!files) return;
    for (const uri of files.keys()) this.deps.publish(uri, []);
    this.published.delete(dirKey);
    this.runFindings.delete(dirKey);
  }

  private publishPackage(dirKey: string, context: PackageContext, diagnostics: Diagnostic[], uris: string[]): void {
    const { deps } = this;
    const codec = deps.codec();
    const linesOf = linesOfContext(context);
    const versionOf = (uri: string): number | null => deps.documents.get(uri)?.version ?? null;
    const byUri = new Map<string, LspDiagnostic[]>(uris.map((uri) => [uri, []]));
    for (const d of diagnostics) {
      const list = byUri.get(d.file) ?? [];
      list.push(toLspDiagnostic(d, linesOf, versionOf, codec));
      byUri.set(d.file, list);
    }
    const before = this.published.get(dirKey);
    for (const uri of before?.keys() ?? []) if (!byUri.has(uri)) deps.publish(uri, []);
    for (const [uri, list] of byUri) deps.publish(uri, list, deps.documents.get(uri)?.version);
    this.published.set(dirKey, byUri);
  }

  private publishConfigFindings(loaded: LoadedConfig): void {
    if (!loaded.file) return;
    const uri = keyToUri(loaded.file);
    const onConfig = loaded.diagnostics.filter((d) => d.file === loaded.file);
    if (onConfig.length === 0 && !this.configPublished.has(uri)) return;
    const lines = linesOfText(loaded.file);
    const codec = this.deps.codec();
    const list = onConfig.map((d) => toLspDiagnostic({ ...d, file: uri }, () => lines, () => null, codec));
    const signature = JSON.stringify(list);
    if (this.configPublished.get(uri) === signature) return;
    this.deps.publish(uri, list);
    if (list.length) this.configPublished.set(uri, signature);
    else this.configPublished.delete(uri);
  }

  /** Config files we published findings for: republished (cleared or not) after a config change. */
  resetConfigFindings(): void {
    for (const uri of this.configPublished.keys()) this.deps.publish(uri, []);
    this.configPublished.clear();
  }

  private currentRunFindings(dirKey: string, context: PackageContext): Diagnostic[] {
    const found = this.runFindings.get(dirKey);
    if (!found) return [];
    if (found.codeStamp !== codeStamp(context)) {
      this.runFindings.delete(dirKey);
      return [];
    }
    return found.diagnostics;
  }

  /** Runs the execution check; its findings stay valid (and are merged into checks) while the code is unchanged. */
  private async execute(dirKey: string, context: PackageContext, loaded: LoadedConfig, settings: ServerSettings): Promise<void> {
    const stamp = codeStamp(context);
    try {
      const diagnostics = await this.deps.runCheck!(dirKey, context, loaded, settings);
      this.runFindings.set(dirKey, { codeStamp: stamp, diagnostics });
      this.deps.onRunFindings?.(dirKey);
    } catch (error) {
      this.deps.log(`execution check of ${dirKey} failed: ${describe(error)}`);
    }
  }
}

function codeStamp(context: PackageContext): string {
  return context.codeFile?.text ?? '';
}

/** A config file's lines as on disk, where its findings come from (for clients that negotiated UTF-8 columns). */
function linesOfText(path: string): LineIndex {
  try {
    return new LineIndex(readFileSync(path, 'utf8'));
  } catch {
    return new LineIndex('');
  }
}

function sameRange(a: LspDiagnostic['range'], b: LspDiagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
