/**
 * Metric packages the server knows: for each directory, its files (open documents win over disk),
 * and for packages with an open document a cached, incrementally parsed PackageContext.
 */
import { readFileSync, statSync } from 'node:fs';
import { PACKAGE_FILE_NAMES } from 'csmlint';
import {
  CODE_FILE_NAME, baseName, buildPackageContext,
  type Linter, type PackageContext, type PackageFileInput, type PackageOptions, type PythonModule,
} from '@csmlint/core';
import type { DocumentStore } from './documents.js';
import { childKey, directoryKey, isDiskKey, keyToUri } from './uris.js';

type Tree = PythonModule['tree'];

/** "Not there" errors: an absent file is no failure. */
function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** True for `metadata.yaml`, `metadata.yml` and `custom_metrics.py`. */
export function isPackageFile(key: string): boolean {
  return PACKAGE_FILE_NAMES.includes(baseName(key));
}

/** One file of a package as the engine sees it: `path` is the URI diagnostics are published to. */
interface PackageFile {
  name: string;
  key: string;
  uri: string;
  content: string | Uint8Array;
  /** Changes whenever the content may have changed (document version or disk mtime/size). */
  stamp: string;
}

interface DiskEntry {
  stamp: string;
  bytes: Uint8Array;
}

type DiskRead = DiskEntry | { missing: true } | { error: unknown };

interface CachedContext {
  stamp: string;
  context: PackageContext;
  /** A tree parsed here (code file not open) that must be freed with the context. */
  ownedTree?: Tree;
}

/** A file of the package that exists but could not be read (the CLI reports CSM006 and skips the package). */
export interface UnreadableFile {
  key: string;
  uri: string;
  error: unknown;
}

/** A built context and the URIs of the package's files (key by URI). */
export interface PackageSnapshot {
  context: PackageContext;
  /** URI → file key, for every file in the context. */
  files: Map<string, string>;
  unreadable: UnreadableFile[];
}

export class PackageStore {
  /** Cached contexts of packages with an open document. */
  private readonly contexts = new Map<string, CachedContext>();
  /** Contexts handed out for packages without open documents, until `release` (with the tree to free). */
  private readonly pending = new Map<PackageContext, Tree | undefined>();
  private readonly disk = new Map<string, DiskEntry>();
  /** The options of the last check, reused by editor features so they share its cached context. */
  private readonly lastOptions = new Map<string, PackageOptions>();

  constructor(private readonly documents: DocumentStore, private readonly linter: Linter) {}

  /** The package directory key of a file key. */
  packageOf(fileKey: string): string {
    return directoryKey(fileKey);
  }

  /** True when some file of the package is open in the client. */
  hasOpenDocument(dirKey: string): boolean {
    return PACKAGE_FILE_NAMES.some((name) => this.documents.getByKey(childKey(dirKey, name)));
  }

  /** The current files of a package: open documents first, then files on disk (and those that cannot be read). */
  currentFiles(dirKey: string): { files: PackageFile[]; unreadable: UnreadableFile[] } {
    const cache = this.hasOpenDocument(dirKey);
    const files: PackageFile[] = [];
    const unreadable: UnreadableFile[] = [];
    for (const name of PACKAGE_FILE_NAMES) {
      const key = childKey(dirKey, name);
      const doc = this.documents.getByKey(key);
      if (doc) {
        files.push({ name, key, uri: doc.uri, content: doc.text, stamp: `v${doc.version}:${doc.text.length}` });
        continue;
      }
      if (!isDiskKey(key)) continue;
      const read = this.readDisk(key, cache);
      if ('bytes' in read) files.push({ name, key, uri: keyToUri(key), content: read.bytes, stamp: read.stamp });
      else if ('error' in read) unreadable.push({ key, uri: keyToUri(key), error: read.error });
    }
    return { files, unreadable };
  }

  /**
   * Builds (or reuses) the package's context. For packages with an open document the context is
   * cached and custom_metrics.py is reparsed incrementally; otherwise the caller must `release` it.
   */
  snapshot(dirKey: string, options: PackageOptions = this.lastOptions.get(dirKey) ?? {}): PackageSnapshot {
    this.lastOptions.set(dirKey, options);
    const { files, unreadable } = this.currentFiles(dirKey);
    const uris = new Map([...files, ...unreadable].map((f) => [f.uri, f.key]));
    const open = this.hasOpenDocument(dirKey);
    const stamp = JSON.stringify([files.map((f) => [f.name, f.stamp]), options]);
    const cached = this.contexts.get(dirKey);
    if (open && cached?.stamp === stamp) return { context: cached.context, files: uris, unreadable };

    let ownedTree: Tree | undefined;
    const codeDoc = this.documents.getByKey(childKey(dirKey, CODE_FILE_NAME));
    const parse = (text: string): Tree => {
      if (codeDoc?.pythonTree) return codeDoc.pythonTree.parse(text, this.linter.parsePython);
      ownedTree = this.linter.parsePython(text);
      return ownedTree;
    };
    const inputs: PackageFileInput[] = files.map((f) => ({ path: f.uri, content: f.content }));
    // An unchanged file keeps its parse: an edit of one file re-parses only that file.
    const reuse = open && cached ? { metadata: cached.context.metadata, python: cached.context.python } : {};
    const context = buildPackageContext(inputs, options, parse, reuse);
    if (cached && context.python && context.python === cached.context.python) {
      ownedTree = cached.ownedTree;
      cached.ownedTree = undefined;
    }
    this.dropContext(dirKey);
    if (open) this.contexts.set(dirKey, { stamp, context, ownedTree });
    else this.pending.set(context, ownedTree);
    return { context, files: uris, unreadable };
  }

  /** Frees a context built for a package without open documents. */
  release(context: PackageContext): void {
    if (!this.pending.has(context)) return;
    this.pending.get(context)?.delete();
    this.pending.delete(context);
  }

  /** Forgets cached contents of a package (a file changed on disk, a document closed, options changed). */
  invalidate(dirKey: string): void {
    this.dropContext(dirKey);
    for (const name of PACKAGE_FILE_NAMES) this.disk.delete(childKey(dirKey, name));
  }

  /** Frees everything. */
  dispose(): void {
    for (const key of [...this.contexts.keys()]) this.dropContext(key);
    for (const context of [...this.pending.keys()]) this.release(context);
    this.disk.clear();
  }

  private dropContext(dirKey: string): void {
    const cached = this.contexts.get(dirKey);
    if (!cached) return;
    cached.ownedTree?.delete();
    this.contexts.delete(dirKey);
  }

  /** Reads a file on disk; cached (by mtime and size) only for packages with an open document. */
  private readDisk(key: string, cache: boolean): DiskRead {
    let stamp: string;
    try {
      const stat = statSync(key);
      stamp = `d${stat.mtimeMs}:${stat.size}`;
    } catch (error) {
      this.disk.delete(key);
      return isMissing(error) ? { missing: true } : { error };
    }
    const known = this.disk.get(key);
    if (known?.stamp === stamp) return known;
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(key);
    } catch (error) {
      this.disk.delete(key);
      return isMissing(error) ? { missing: true } : { error };
    }
    const entry = { stamp, bytes };
    if (cache) this.disk.set(key, entry);
    return entry;
  }
}
