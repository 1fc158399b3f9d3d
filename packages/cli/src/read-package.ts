/** Reading one package's files from disk as bytes (the engine decodes them). */
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { basename, join } from 'node:path';
import { CODE_FILE_NAME, FILE_START, hostDiagnostic, METADATA_FILE_NAMES, type Diagnostic, type PackageFileInput } from '@csmlint/core';
import { ioErrorDiagnostic, isMissing } from './io-errors.js';

/** The file names that make a directory a metric package. */
export const PACKAGE_FILE_NAMES: readonly string[] = [...METADATA_FILE_NAMES, CODE_FILE_NAME];

export interface PackageFiles {
  /** The package files present, with paths `join(dir, name)`. */
  files: PackageFileInput[];
  /** CSM006 findings for files that exist but could not be read; when non-empty, do not lint the package. */
  diagnostics: Diagnostic[];
}

/** Opening never waits for a writer (a FIFO); regular files read as usual. Windows has no O_NONBLOCK. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads the package files of `dir`, in the usual order: by default each of `metadata.yaml`,
 * `metadata.yml` and `custom_metrics.py` that exists; `names` limits it to the names a directory
 * listing found. Synchronous: faster than `fs.promises` for many small files.
 */
export function readPackageFiles(dir: string, names: readonly string[] = PACKAGE_FILE_NAMES): PackageFiles {
  const result: PackageFiles = { files: [], diagnostics: [] };
  for (const name of PACKAGE_FILE_NAMES) {
    if (!names.includes(name)) continue;
    const read = readPackageFile(join(dir, name));
    if (!read) continue;
    if ('content' in read) result.files.push(read);
    else result.diagnostics.push(read);
  }
  return result;
}

/** One file's bytes; undefined when it is absent; a CSM006 finding when it is no readable regular file. */
function readPackageFile(path: string): PackageFileInput | Diagnostic | undefined {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    return isMissing(error) ? undefined : ioErrorDiagnostic(path, error);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return notRegularFile(path, stats);
    return { path, content: readFileSync(fd) };
  } catch (error) {
    return ioErrorDiagnostic(path, error);
  } finally {
    closeSync(fd);
  }
}

/** A directory, FIFO, socket or device where a package file is expected: reading it could block or never end. */
function notRegularFile(path: string, stats: Stats): Diagnostic {
  const name = basename(path);
  if (stats.isDirectory()) return hostDiagnostic('CSM006', { file: path, range: FILE_START, messageId: 'isDirectory', data: { name } });
  const detail = `it is ${describeFileType(stats)}, not a regular file`;
  return hostDiagnostic('CSM006', { file: path, range: FILE_START, messageId: 'unreadable', data: { name, detail } });
}

function describeFileType(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'a special file';
}
