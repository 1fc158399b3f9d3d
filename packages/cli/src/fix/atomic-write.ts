/** Writing a fixed file the safe way: a temporary file in the same directory, then a rename over the original. */
import { randomBytes } from 'node:crypto';
import { chmod, chown, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces the file at `path` with `content` atomically: readers see the old or the new file, never a
 * half-written one, and a failure leaves the original untouched. Keeps the file's mode (and, when
 * allowed, its owner); a symbolic link keeps pointing at its target, which is what gets replaced.
 */
export async function writeFileAtomically(path: string, content: Uint8Array): Promise<void> {
  const target = await realpath(path);
  const info = await stat(target);
  const temporary = join(dirname(target), `.${basename(target)}.csmlint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content, { flag: 'wx', mode: 0o600 });
    await chmod(temporary, info.mode & 0o7777);
    await chown(temporary, info.uid, info.gid).catch(() => undefined); // only root may give a file away
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
