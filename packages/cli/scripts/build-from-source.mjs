// The root package's `postinstall`: builds the CLI when npm installs this repository from source.
// pre-commit's `language: node` does that (`npm install`, `npm pack`, `npm install -g` on a clone of
// the repository), and dist/ is not committed. Nothing to do in the pnpm workspace (`pnpm run build`
// builds it) nor in a packed copy (built already).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const built = existsSync(new URL('../dist/main.js', import.meta.url));
const pnpmWorkspace = existsSync(new URL('../../../node_modules/.pnpm', import.meta.url));
if (!built && !pnpmWorkspace) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const build = spawnSync(process.execPath, [tsc, '-b', 'packages/cli'], { cwd: root, stdio: 'inherit' });
  process.exit(build.status ?? 1);
}
