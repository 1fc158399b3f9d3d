/** `entryPoint` forms: `fn` (preferred) and the qualified forms that normalize to it. */
import { ENTRY_POINT_PREFIXES, METRIC_NAME_PATTERN } from '../conventions.js';

export type EntryPointForm =
  | { kind: 'bare'; functionName: string }
  | { kind: 'qualified'; functionName: string; prefix: string }
  | { kind: 'empty' }
  | { kind: 'invalid'; reason: 'other-module' | 'dotted-path' | 'file-path' | 'not-identifier' };

/** Classifies an entryPoint string and gives the function name it stands for. */
export function parseEntryPoint(raw: string): EntryPointForm {
  const value = raw.trim();
  if (value === '') return { kind: 'empty' };
  if (METRIC_NAME_PATTERN.test(value)) return { kind: 'bare', functionName: value };
  for (const prefix of ENTRY_POINT_PREFIXES) {
    if (value.startsWith(prefix)) {
      const rest = value.slice(prefix.length);
      if (METRIC_NAME_PATTERN.test(rest)) return { kind: 'qualified', functionName: rest, prefix };
      if (rest.includes('.')) return { kind: 'invalid', reason: 'dotted-path' };
      return { kind: 'invalid', reason: 'not-identifier' };
    }
  }
  if (/[\\/]/.test(value) || /\.py\b/.test(value)) return { kind: 'invalid', reason: 'file-path' };
  if (/^[A-Za-z_][\w]*([.:][A-Za-z_]\w*)+$/.test(value)) return { kind: 'invalid', reason: 'other-module' };
  return { kind: 'invalid', reason: 'not-identifier' };
}
