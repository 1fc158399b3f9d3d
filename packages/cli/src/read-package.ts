/** Reading one package's files from disk as bytes (the engine decodes them). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CODE_FILE_NAME, METADATA_FILE_NAMES, type Diagnostic, type PackageFileInput } from '@csmlint/core';
import { ioErrorDiagnostic, isMissing } from './io-errors.js';

/** The file names that make a directory a metric package. */
export const PACKAGE_FILE_NAMES: readonly string[] = [...METADATA_FILE_NAMES, CODE_FILE_NAME];

export interface PackageFiles {
  /** The package files present, with paths `join(dir, name)`. */
  files: PackageFileInput[];
  /** CSM006 findings for files that exist but could not be read; when non-empty, do not lint the package. */
  diagnostics: Diagnostic[];
}

/** Reads `metadata.yaml`, `metadata.yml` and `custom_metrics.py` in `dir`, whichever exist. */
export async function readPackageFiles(dir: string): Promise<PackageFiles> {
  const result: PackageFiles = { files: [], diagnostics: [] };
  const reads = PACKAGE_FILE_NAMES.map(async (name) => {
    const path = join(dir, name);
    try {
      return { path, content: await readFile(path) };
    } catch (error) {
      return isMissing(error) ? undefined : ioErrorDiagnostic(path, error);
    }
  });
  for (const read of await Promise.all(reads)) {
    if (!read) continue;
    if ('content' in read) result.files.push(read);
    else result.diagnostics.push(read);
  }
  return result;
}
