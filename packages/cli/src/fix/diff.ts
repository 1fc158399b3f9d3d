/** `--fix-dry-run`: what `--fix` would change, as a unified diff (`git apply` / `patch -p1` read it). */
import { createTwoFilesPatch } from 'diff';
import type { FileContent } from '@csmlint/core';

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The unified diff of one file, with `a/` and `b/` prefixes on `displayPath`; empty when nothing changed. */
export function unifiedDiff(displayPath: string, before: FileContent, after: FileContent): string {
  const oldText = asText(before);
  const newText = asText(after);
  if (oldText === newText) return '';
  const patch = createTwoFilesPatch(`a/${displayPath}`, `b/${displayPath}`, oldText, newText);
  return patch.replace(/^=+\n/, ''); // jsdiff's separator line, which no diff tool needs
}

function asText(content: FileContent): string {
  return typeof content === 'string' ? content : decoder.decode(content);
}
