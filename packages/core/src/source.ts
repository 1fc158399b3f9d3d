/** Turning a file's bytes into text the parsers can read, and saying why when they cannot. */
import { LineIndex } from './positions.js';

export type FileContent = string | Uint8Array;

/** A file of the package, decoded. `text` never includes the BOM. */
export interface SourceFile {
  path: string;
  text: string;
  lines: LineIndex;
  hadBom: boolean;
  /** Why the file cannot be checked (binary, not UTF-8, too large); `text` is then empty. */
  unreadable?: { reason: 'binary' | 'invalid-utf8' | 'utf16' | 'too-large'; detail: string };
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes a file as UTF-8, recording a BOM and refusing binary or oversized content. `earlierLines`:
 * the line index of an earlier decode of the file, reused when the text is the same.
 */
export function decodeSource(path: string, content: FileContent, maxFileSize: number, earlierLines?: LineIndex): SourceFile {
  const size = typeof content === 'string' ? content.length : content.byteLength;
  if (size > maxFileSize) {
    return unreadable(path, 'too-large', `${size} bytes, over the limit of ${maxFileSize} bytes`);
  }
  let text: string;
  if (typeof content === 'string') {
    text = content;
  } else {
    if (hasUtf16Bom(content)) return unreadable(path, 'utf16', 'the file is UTF-16; save it as UTF-8');
    try {
      text = utf8.decode(content);
    } catch {
      const at = firstInvalidUtf8(content);
      return unreadable(path, 'invalid-utf8', `invalid UTF-8 at byte ${at}`);
    }
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) return unreadable(path, 'binary', `a NUL byte at offset ${nul} (binary data)`);
  const hadBom = text.charCodeAt(0) === 0xfeff;
  if (hadBom) text = text.slice(1);
  return { path, text, lines: earlierLines?.text === text ? earlierLines : new LineIndex(text), hadBom };
}

function unreadable(path: string, reason: NonNullable<SourceFile['unreadable']>['reason'], detail: string): SourceFile {
  return { path, text: '', lines: new LineIndex(''), hadBom: false, unreadable: { reason, detail } };
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const size = b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
    if (size === 0 || i + size > bytes.length) return i;
    try {
      utf8.decode(bytes.subarray(i, i + size));
    } catch {
      return i;
    }
    i += size;
  }
  return bytes.length;
}

/** The last path segment, with either separator. */
export function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut === -1 ? path : path.slice(cut + 1);
}
