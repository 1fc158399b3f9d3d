/**
 * Profiles csmlint with `node --cpu-prof` and prints where the time goes: self time by module
 * (csmlint's own files, each dependency, Node internals) and the top functions.
 *
 *   node bench/profile.mjs cli [CORPUS_DIR]       the CLI on .bench-tmp/corpus-1000 (run `pnpm bench` once first)
 *   node bench/profile.mjs version                `csmlint --version`
 *   node bench/profile.mjs server-yaml|server-python   the language server during 200 edits to the 100-metric package
 *   node bench/profile.mjs scan                   the language server's scan of .bench-tmp/corpus-1000
 *   node bench/profile.mjs --summarize FILE.cpuprofile
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { editLatency, lspServers, workspaceScan } from './lib/lsp-bench.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Self time (ms) by module and by function from a V8 .cpuprofile. */
export function summarizeProfile(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const byModule = new Map();
  const byFunction = new Map();
  let total = 0;
  for (const [id, ms] of self) {
    const frame = byId.get(id).callFrame;
    const module = moduleOf(frame.url, frame.functionName);
    const fn = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    byModule.set(module, (byModule.get(module) ?? 0) + ms);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    total += ms;
  }
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
  return { totalMs: total, modules: top(byModule, 15), functions: top(byFunction, 25), phases: top(inclusiveOwn(profile, byId, self), 25) };
}

/** Inclusive time (self + callees) of csmlint's own functions: the phases of a run. */
function inclusiveOwn(profile, byId, self) {
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map();
  for (const [id, ms] of self) {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at).callFrame;
      if (!/packages\/[^/]+\/dist\//.test(frame.url)) continue;
      const name = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  }
  return inclusive;
}

function moduleOf(url, functionName) {
  if (!url) return functionName === '(garbage collector)' ? '(garbage collector)' : functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pnpm) return pnpm[1];
  const plain = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (plain) return plain[1];
  const own = /packages\/([^/]+)\/dist\/(.*)$/.exec(url);
  if (own) return `${own[1]}/${own[2].split('/').slice(0, -1).join('/') || '.'}`;
  return 'wasm / other';
}

function shortUrl(url) {
  return url.replace(/^file:\/\//, '').replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(`${repoRoot}`, '');
}

function print(summary) {
  const line = ([name, ms]) => `  ${ms.toFixed(0).padStart(7)} ms  ${((100 * ms) / summary.totalMs).toFixed(1).padStart(5)}%  ${name}`;
  console.log(`self time ${summary.totalMs.toFixed(0)} ms\n\nby module:`);
  summary.modules.forEach((m) => console.log(line(m)));
  console.log('\ntop functions (self):');
  summary.functions.forEach((f) => console.log(line(f)));
  console.log("\ncsmlint's functions by inclusive time (the phases):");
  summary.phases.forEach((f) => console.log(line(f)));
}

const tmpDir = join(repoRoot, '.bench-tmp');
const profileDir = join(tmpDir, 'profiles');

function readProfile() {
  const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written to ${profileDir}`);
  console.log(`profile: ${join(profileDir, file)}`);
  return JSON.parse(readFileSync(join(profileDir, file), 'utf8'));
}

async function profileServer(kind) {
  const base = lspServers(repoRoot, join(tmpDir, 'schema/metadata.schema.json'), tmpDir).csmlintNoDebounce;
  const server = { ...base, args: ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-interval', '200', ...base.args] };
  if (kind === 'scan') console.log(await workspaceScan(server, join(tmpDir, 'corpus-1000')));
  else {
    const { samples, ...figures } = await editLatency(server, join(tmpDir, 'package-100-metrics'), { edits: 200, target: kind === 'server-python' ? 'python' : 'yaml' });
    console.log(figures);
  }
  return readProfile();
}

function profileRun(kind, corpusDir) {
  const cli = join(repoRoot, 'packages/cli/bin/csmlint.js');
  const args = kind === 'version' ? [cli, '--version'] : [cli, '.', '--format', 'json'];
  try {
    execFileSync('node', ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-interval', '200', ...args], { cwd: corpusDir, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (error) {
    if (error.status !== 1) throw error; // 1 = findings
  }
  return readProfile();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const kind = args[0] ?? 'cli';
  if (kind === '--summarize') print(summarizeProfile(JSON.parse(readFileSync(args[1], 'utf8'))));
  else {
    rmSync(profileDir, { recursive: true, force: true });
    mkdirSync(profileDir, { recursive: true });
    const profile = kind.startsWith('server') || kind === 'scan' ? await profileServer(kind) : profileRun(kind, args[1] ?? join(tmpDir, 'corpus-1000'));
    print(summarizeProfile(profile));
  }
}
