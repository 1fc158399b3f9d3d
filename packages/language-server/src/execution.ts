/**
 * The execution check (`csmlint.run`): the CLI's `runExecutionCheck`, run on save only (it imports
 * the saved custom_metrics.py with python3, so it executes the user's code), never on keystrokes.
 */
import type { Diagnostic, PackageContext } from '@csmlint/core';
import { runExecutionCheck } from 'csmlint';
import { mergeOptions, type LoadedConfig } from './config.js';
import type { ServerSettings } from './settings.js';
import { isDiskKey } from './uris.js';

/** CSM500–CSM503 findings for the package in `dirKey` (a directory on disk). */
export async function executionCheck(dirKey: string, context: PackageContext, loaded: LoadedConfig, settings: ServerSettings): Promise<Diagnostic[]> {
  if (!isDiskKey(dirKey)) return [];
  const options = mergeOptions(loaded, settings);
  return runExecutionCheck(dirKey, context, {
    python: loaded.config.python,
    runTimeout: loaded.config.runTimeout,
    targetType: options.targetType,
    rules: options.rules,
  });
}
