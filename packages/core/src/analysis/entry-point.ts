/** `entryPoint` forms: `fn` (preferred) and the qualified forms that normalize to it. */
import { CODE_FILE_NAME, ENTRY_POINT_PREFIXES, METRIC_NAME_PATTERN } from '../conventions.js';
import { PYTHON_KEYWORDS } from './metric-name.js';

export type EntryPointForm =
  | { kind: 'bare'; functionName: string }
  | { kind: 'qualified'; functionName: string; prefix: string }
  | { kind: 'empty' }
  | { kind: 'invalid'; reason: 'other-module' | 'dotted-path' | 'file-path' | 'not-identifier' | 'whitespace' | 'keyword' };

/** Classifies an entryPoint string and gives the function name it stands for. */
export function parseEntryPoint(raw: string): EntryPointForm {
  const value = raw.trim();
  if (value === '') return { kind: 'empty' };
  // The server looks the text up as written: `" rmse"` names no function.
  if (value !== raw) return { kind: 'invalid', reason: 'whitespace' };
  if (value === CODE_FILE_NAME) return { kind: 'invalid', reason: 'file-path' };
  if (METRIC_NAME_PATTERN.test(value)) return PYTHON_KEYWORDS.has(value) ? { kind: 'invalid', reason: 'keyword' } : { kind: 'bare', functionName: value };
  for (const prefix of ENTRY_POINT_PREFIXES) {
    if (value.startsWith(prefix)) {
      const rest = value.slice(prefix.length);
      if (PYTHON_KEYWORDS.has(rest)) return { kind: 'invalid', reason: 'keyword' };
      if (METRIC_NAME_PATTERN.test(rest)) return { kind: 'qualified', functionName: rest, prefix };
      if (rest.includes('.')) return { kind: 'invalid', reason: 'dotted-path' };
      return { kind: 'invalid', reason: 'not-identifier' };
    }
  }
  if (/[\\/]/.test(value) || /\.py\b/.test(value)) return { kind: 'invalid', reason: 'file-path' };
  if (/^[A-Za-z_][\w]*([.:][A-Za-z_]\w*)+$/.test(value)) return { kind: 'invalid', reason: 'other-module' };
  return { kind: 'invalid', reason: 'not-identifier' };
}

/** The function an entryPoint names once normalized (`custom_metrics.fn` → `fn`), if it names one. */
export function entryPointFunction(raw: string): string | undefined {
  const form = parseEntryPoint(raw);
  return form.kind === 'bare' || form.kind === 'qualified' ? form.functionName : undefined;
}
