/**
 * Files are identified by a key: the file-system path for `file:` URIs (so open documents, files on
 * disk and watcher events meet), or the URI itself for other schemes (untitled, virtual file systems).
 */
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The key of a document URI. */
export function documentKey(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

/** True when the key is a path on disk (its package partners can be read from disk). */
export function isDiskKey(key: string): boolean {
  return isAbsolute(key);
}

/** The package (directory) key of a file key. */
export function directoryKey(key: string): string {
  if (isDiskKey(key)) return dirname(key);
  const slash = key.lastIndexOf('/');
  return slash === -1 ? key : key.slice(0, slash);
}

/** The key of file `name` in the package `dirKey`. */
export function childKey(dirKey: string, name: string): string {
  return isDiskKey(dirKey) ? join(dirKey, name) : `${dirKey}/${name}`;
}

/** The URI to publish for a key that is not open in the client. */
export function keyToUri(key: string): string {
  return isDiskKey(key) ? pathToFileURL(key).href : key;
}
