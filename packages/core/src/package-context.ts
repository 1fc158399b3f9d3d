/** Everything the rules read about one package, parsed once. */
import type { Tree } from 'web-tree-sitter';
import { CODE_FILE_NAME, DEFAULT_MAX_FILE_SIZE, METADATA_FILE_NAMES, TARGET_TYPES, type TargetType } from './conventions.js';
import type { LineIndex } from './positions.js';
import { baseName, decodeSource, type FileContent, type SourceFile } from './source.js';
import { parseMetadata, rootScalarValue, type MetadataModel } from './yaml/metadata-model.js';
import { indexModule, type PythonModule } from './python/module-index.js';

export interface PackageFileInput {
  /** The path diagnostics will carry (the caller's choice: relative, absolute, a URI). Its base name gives the file's role. */
  path: string;
  content: FileContent;
}

export interface PackageOptions {
  /** The target type from the project config (`--target-type`, `targetType:`), if any. */
  targetType?: string;
  maxFileSize?: number;
}

/** The parsed package the rules read. Built by the engine; rules never parse. */
export interface PackageContext {
  files: SourceFile[];
  /** The metadata file that is checked (`metadata.yaml` when both exist). */
  metadataFile?: SourceFile;
  /** `metadata.yml` when `metadata.yaml` exists too (CSM003). */
  ambiguousMetadataFile?: SourceFile;
  codeFile?: SourceFile;
  /** Absent when there is no readable metadata file. */
  metadata?: MetadataModel;
  /** Absent when there is no readable code file. */
  python?: PythonModule;
  /** The target type in force: config first, then metadata's `targetType`; canonical spelling. */
  targetType?: TargetType;
  options: PackageOptions;
}

export type PythonParse = (text: string) => Tree;

/**
 * Parses an earlier context of the same package can lend: each is reused when its file's text is
 * unchanged (the language server re-checks both files on every edit of either), and the Python
 * index of a changed file reuses its unchanged top-level statements (see `indexModule`). The
 * caller keeps a reused module's tree alive; the tree of a module lent for a changed text may be
 * deleted already.
 */
export interface ReusableParses {
  metadata?: MetadataModel;
  python?: PythonModule;
}

/** Decodes and parses the files of one package. Never throws on file contents. */
export function buildPackageContext(inputs: PackageFileInput[], options: PackageOptions, parsePython: PythonParse, reuse: ReusableParses = {}): PackageContext {
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const files = inputs.map((f) => decodeSource(f.path, f.content, maxFileSize, earlierLines(f.path, reuse)));
  const byName = (name: string) => files.find((f) => baseName(f.path) === name);
  const yamlFile = byName(METADATA_FILE_NAMES[0]);
  const ymlFile = byName(METADATA_FILE_NAMES[1]);
  const pkg: PackageContext = {
    files,
    metadataFile: yamlFile ?? ymlFile,
    ambiguousMetadataFile: yamlFile && ymlFile ? ymlFile : undefined,
    codeFile: byName(CODE_FILE_NAME),
    options,
  };
  if (pkg.metadataFile && !pkg.metadataFile.unreadable) {
    const { text, lines } = pkg.metadataFile;
    pkg.metadata = reuse.metadata?.lines.text === text ? reuse.metadata : parseMetadata(text, lines);
  }
  if (pkg.codeFile && !pkg.codeFile.unreadable) {
    const { text, lines } = pkg.codeFile;
    pkg.python = reuse.python?.lines.text === text ? reuse.python : indexModule(parsePython(text), lines, reuse.python);
  }
  pkg.targetType = canonicalTargetType(options.targetType) ?? canonicalTargetType(metadataTargetType(pkg.metadata));
  return pkg;
}

/** The line index a lent parse of the file at `path` holds (the language server re-checks unchanged files). */
function earlierLines(path: string, reuse: ReusableParses): LineIndex | undefined {
  const name = baseName(path);
  if (name === CODE_FILE_NAME) return reuse.python?.lines;
  return (METADATA_FILE_NAMES as readonly string[]).includes(name) ? reuse.metadata?.lines : undefined;
}

/** `regression` → `Regression`; undefined for anything the API does not accept. */
export function canonicalTargetType(value: unknown): TargetType | undefined {
  if (typeof value !== 'string') return undefined;
  return TARGET_TYPES.find((t) => t === value || t.toLowerCase() === value);
}

function metadataTargetType(metadata: MetadataModel | undefined): unknown {
  // Read from the model: `toJS` would expand aliases again and throws past yaml's own alias cap.
  if (!metadata || metadata.layout.kind !== 'metrics') return undefined;
  return rootScalarValue(metadata, 'targetType');
}
