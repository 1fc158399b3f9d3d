/**
 * The csmlint engine in-process, without the CLI: walks a corpus, lints every package with
 * `loadLinter()` and prints `{ packages, diagnostics: [{ file, ruleId, severity }] }`.
 * `--threads N` splits the packages over N worker threads; the figure says what parallel linting
 * would buy the CLI on this machine.
 *
 *   node bench/lib/engine-probe.mjs CORPUS_DIR [--threads N]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const PACKAGE_FILES = new Set(['metadata.yaml', 'metadata.yml', 'custom_metrics.py']);
const SKIPPED_DIRS = new Set(['.git', 'node_modules', '.venv', '__pycache__']);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Directories under `root` that hold at least one package file, with those files. */
export function findPackages(root) {
  const packages = [];
  const walk = (dir) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    const files = entries.filter((e) => e.isFile() && PACKAGE_FILES.has(e.name)).map((e) => join(dir, e.name));
    if (files.length) packages.push(files);
    for (const entry of entries) if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) walk(join(dir, entry.name));
  };
  walk(root);
  return packages;
}

async function lintPackages(root, packages) {
  const { loadLinter } = await import(pathToFileURL(join(repoRoot, 'packages/cli/dist/index.js')).href);
  const linter = await loadLinter();
  const diagnostics = [];
  for (const files of packages) {
    const inputs = files.map((path) => ({ path: relative(root, path), content: readFileSync(path) }));
    for (const d of linter.lint(inputs).diagnostics) diagnostics.push({ file: d.file, ruleId: d.ruleId, severity: d.severity });
  }
  return diagnostics;
}

async function main() {
  const [root, flag, count] = process.argv.slice(2);
  const threads = flag === '--threads' ? Number(count) : 1;
  const packages = findPackages(root);
  let diagnostics;
  if (threads <= 1) {
    diagnostics = await lintPackages(root, packages);
  } else {
    const chunks = Array.from({ length: threads }, (_, i) => packages.filter((_, j) => j % threads === i));
    const results = await Promise.all(
      chunks.map(
        (chunk) =>
          new Promise((resolve, reject) => {
            const worker = new Worker(new URL(import.meta.url), { workerData: { engineProbe: true, root, packages: chunk } });
            worker.once('message', resolve);
            worker.once('error', reject);
          }),
      ),
    );
    diagnostics = results.flat();
  }
  process.stdout.write(JSON.stringify({ packages: packages.length, diagnostics }));
}

if (isMainThread) {
  if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) await main();
} else if (workerData?.engineProbe) {
  parentPort.postMessage(await lintPackages(workerData.root, workerData.packages));
}
