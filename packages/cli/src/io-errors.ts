/** Turning a failed read into a CSM006 finding, worded by the io-error rule. */
import { basename } from 'node:path';
import { FILE_START, hostDiagnostic, type Diagnostic } from '@csmlint/core';

const DESCRIPTIONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a parent of it is not a directory',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the path is too long',
  EIO: 'input/output error',
  ERR_FS_FILE_TOO_LARGE: 'the file is too large to read',
};

/** A CSM006 finding at the start of `path` (a file, or a directory that could not be listed). */
export function ioErrorDiagnostic(path: string, error: unknown, what: 'file' | 'directory' = 'file'): Diagnostic {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const name = basename(path);
  if (what === 'directory') {
    return hostDiagnostic('CSM006', { file: path, range: FILE_START, messageId: 'unlistable', data: { name, detail: describeIoError(error) } });
  }
  if (code === 'EISDIR') return hostDiagnostic('CSM006', { file: path, range: FILE_START, messageId: 'isDirectory', data: { name } });
  if (code === 'EACCES' || code === 'EPERM') {
    return hostDiagnostic('CSM006', { file: path, range: FILE_START, messageId: 'permission', data: { name } });
  }
  return hostDiagnostic('CSM006', { file: path, range: FILE_START, messageId: 'unreadable', data: { name, detail: describeIoError(error) } });
}

/** A short reason for a file-system error, without Node's `CODE: …, open '/path'` wrapping. */
export function describeIoError(error: unknown): string {
  const e = error as NodeJS.ErrnoException | undefined;
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code && DESCRIPTIONS[e.code]) return DESCRIPTIONS[e.code]!;
  return e?.message ?? String(error);
}

/** True for "the path is not there" errors (absent files are not failures). */
export function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
