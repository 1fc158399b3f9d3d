/**
 * The documents the client has open: their text, version and line index, with content changes
 * applied in the negotiated position encoding (and replayed on the Python tree for incremental reparse).
 */
import { LineIndex, baseName, CODE_FILE_NAME } from '@csmlint/core';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { PositionCodec } from './encoding.js';
import { IncrementalPythonTree } from './python-tree.js';
import { documentKey } from './uris.js';

/** One open document. */
export class OpenDocument {
  text: string;
  lines: LineIndex;
  /** For custom_metrics.py: the tree kept between edits. */
  readonly pythonTree: IncrementalPythonTree | undefined;

  constructor(
    readonly uri: string,
    /** The file-system path for `file:` URIs, else the URI: how packages find their files. */
    readonly key: string,
    public version: number,
    text: string,
  ) {
    this.text = text;
    this.lines = new LineIndex(text);
    this.pythonTree = baseName(key) === CODE_FILE_NAME ? new IncrementalPythonTree() : undefined;
  }

  /** Applies content changes in order; ranges are in the client's encoding, relative to the text before each change. */
  applyChanges(changes: readonly TextDocumentContentChangeEvent[], version: number, codec: PositionCodec): void {
    for (const change of changes) {
      if (!('range' in change) || !change.range) {
        this.replaceAll(change.text);
        continue;
      }
      const range = codec.rangeFromClient(this.lines, change.range);
      let start = this.lines.offsetAt(range.start);
      let end = this.lines.offsetAt(range.end);
      if (end < start) [start, end] = [end, start];
      const before = this.lines;
      this.text = this.text.slice(0, start) + change.text + this.text.slice(end);
      this.lines = new LineIndex(this.text);
      this.pythonTree?.edit(start, end, start + change.text.length, before, this.lines);
    }
    this.version = version;
  }

  private replaceAll(text: string): void {
    this.text = text;
    this.lines = new LineIndex(text);
    this.pythonTree?.reset();
  }

  dispose(): void {
    this.pythonTree?.dispose();
  }
}

/** Open documents by URI, and by key (file path) for package lookups. */
export class DocumentStore {
  private readonly byUri = new Map<string, OpenDocument>();
  private readonly byKey = new Map<string, OpenDocument>();

  open(uri: string, version: number, text: string): OpenDocument {
    this.close(uri);
    const doc = new OpenDocument(uri, documentKey(uri), version, text);
    this.byUri.set(uri, doc);
    this.byKey.set(doc.key, doc);
    return doc;
  }

  get(uri: string): OpenDocument | undefined {
    return this.byUri.get(uri);
  }

  /** The open document for a file path (or non-file URI) key. */
  getByKey(key: string): OpenDocument | undefined {
    return this.byKey.get(key);
  }

  close(uri: string): OpenDocument | undefined {
    const doc = this.byUri.get(uri);
    if (!doc) return undefined;
    this.byUri.delete(uri);
    if (this.byKey.get(doc.key) === doc) this.byKey.delete(doc.key);
    doc.dispose();
    return doc;
  }

  all(): IterableIterator<OpenDocument> {
    return this.byUri.values();
  }
}
