/**
 * Client settings (section `csmlint`), read through `workspace/configuration` with a timeout, so a
 * client that never answers cannot hold diagnostics back. Settings are merged over the config files.
 */
import { SEVERITIES, findRule, type SeverityOrOff } from '@csmlint/core';

/** What the editor may set under `csmlint.*`. */
export interface ServerSettings {
  /** False: no diagnostics for the scope. */
  enable: boolean;
  /** Quiet period after an edit before the package is checked. */
  debounceMs: number;
  /** Severities per rule ID or name, over the config file's `rules`. */
  rules: Record<string, SeverityOrOff>;
  /** Overrides the config file's `targetType`. */
  targetType?: string;
  /** Run the execution check (imports custom_metrics.py with python3) on save. */
  run?: boolean;
}

/**
 * 30 ms: a check of a 100-metric package takes a few ms, and keystrokes arrive every ~100 ms or
 * more, so typing is checked per keystroke while machine-made bursts (paste, multi-cursor, undo,
 * auto-pairs) collapse into one check; edit-to-diagnostics stays in the tens of milliseconds.
 */
export const DEFAULT_DEBOUNCE_MS = 30;
const MAX_DEBOUNCE_MS = 10_000;

export const DEFAULT_SETTINGS: ServerSettings = { enable: true, debounceMs: DEFAULT_DEBOUNCE_MS, rules: {} };

/** Reads a `csmlint` settings object; a wrong value is dropped (and named in `problems`), never fatal. */
export function parseSettings(raw: unknown, problems: string[] = []): ServerSettings {
  const settings: ServerSettings = { ...DEFAULT_SETTINGS, rules: {} };
  if (raw === null || raw === undefined) return settings;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('`csmlint` settings must be an object');
    return settings;
  }
  const input = raw as Record<string, unknown>;
  if (input.enable !== undefined) {
    if (typeof input.enable === 'boolean') settings.enable = input.enable;
    else problems.push('`csmlint.enable` must be true or false');
  }
  if (input.debounceMs !== undefined) {
    const value = input.debounceMs;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) settings.debounceMs = Math.min(value, MAX_DEBOUNCE_MS);
    else problems.push('`csmlint.debounceMs` must be a number of milliseconds ≥ 0');
  }
  if (input.targetType !== undefined && input.targetType !== null) {
    if (typeof input.targetType === 'string') settings.targetType = input.targetType;
    else problems.push('`csmlint.targetType` must be a string');
  }
  if (input.run !== undefined) {
    if (typeof input.run === 'boolean') settings.run = input.run;
    else problems.push('`csmlint.run` must be true or false');
  }
  if (input.rules !== undefined && input.rules !== null) {
    if (typeof input.rules !== 'object' || Array.isArray(input.rules)) problems.push('`csmlint.rules` must be an object');
    else {
      for (const [rule, severity] of Object.entries(input.rules as Record<string, unknown>)) {
        if (!findRule(rule)) problems.push(`\`csmlint.rules\`: unknown rule \`${rule}\``);
        else if (severity !== 'off' && !SEVERITIES.includes(severity as never)) {
          problems.push(`\`csmlint.rules.${rule}\` must be one of off, hint, info, warning, error`);
        } else settings.rules[rule] = severity as SeverityOrOff;
      }
    }
  }
  return settings;
}

/** How the provider asks the client; undefined when the client has no `workspace/configuration`. */
export type ConfigurationRequest = (scopeUri: string | undefined) => Promise<unknown>;

/** Caches settings per scope (workspace folder), asking the client once per scope until settings change. */
export class SettingsProvider {
  private readonly cache = new Map<string, ServerSettings>();
  private readonly pending = new Map<string, Promise<ServerSettings>>();
  /** Settings pushed by `didChangeConfiguration` or `initializationOptions` (clients without `workspace/configuration`). */
  private pushed: unknown;

  private request: ConfigurationRequest | undefined;

  constructor(
    private readonly timeoutMs: number,
    private readonly log: (message: string) => void,
    /** Called when an answer arrives after the timeout, so checks made with defaults are redone. */
    private readonly onLateAnswer: () => void,
  ) {}

  /** Sets how to ask the client (none: use pushed settings) and the settings pushed at initialize. */
  configure(request: ConfigurationRequest | undefined, pushed: unknown): void {
    this.request = request;
    this.reset(pushed);
  }

  /** Settings for a scope, asking the client when not cached; resolves to the fallback after the timeout. */
  get(scope: string | undefined): Promise<ServerSettings> {
    const key = scope ?? '';
    const cached = this.cache.get(key);
    if (cached) return Promise.resolve(cached);
    const waiting = this.pending.get(key);
    if (waiting) return waiting;
    const result = this.fetch(key, scope).finally(() => this.pending.delete(key));
    this.pending.set(key, result);
    return result;
  }

  /** Settings already known for a scope (no request): for decisions made while handling a notification. */
  peek(scope: string | undefined): ServerSettings {
    return this.cache.get(scope ?? '') ?? this.fallback();
  }

  /** Forgets everything cached (settings changed); `pushed` replaces the pushed settings when given. */
  reset(pushed?: unknown): void {
    if (pushed !== undefined) this.pushed = pushed;
    this.cache.clear();
  }

  private async fetch(key: string, scope: string | undefined): Promise<ServerSettings> {
    if (!this.request) return this.store(key, this.fallback());
    let timedOut = false;
    const answer = this.request(scope).then(
      (raw) => {
        const settings = this.parse(raw ?? this.pushed);
        if (timedOut) {
          this.store(key, settings);
          this.onLateAnswer();
        }
        return settings;
      },
      (error: unknown) => {
        this.log(`workspace/configuration failed: ${String(error)}`);
        return this.fallback();
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), this.timeoutMs);
    });
    const settings = await Promise.race([answer, timeout]);
    clearTimeout(timer);
    if (settings) return this.store(key, settings);
    timedOut = true;
    this.log(`workspace/configuration did not answer within ${this.timeoutMs} ms; using defaults`);
    return this.store(key, this.fallback());
  }

  private store(key: string, settings: ServerSettings): ServerSettings {
    this.cache.set(key, settings);
    return settings;
  }

  private fallback(): ServerSettings {
    return this.parse(this.pushed);
  }

  private parse(raw: unknown): ServerSettings {
    const problems: string[] = [];
    const settings = parseSettings(raw, problems);
    for (const problem of problems) this.log(`settings: ${problem}`);
    return settings;
  }
}
