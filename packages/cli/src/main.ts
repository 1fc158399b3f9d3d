/** The `csmlint` entry point. `--version` answers before the engine (and tree-sitter) is even imported. */
import { parseCliArgs } from './args.js';
import { UsageError } from './errors.js';
import { VERSION } from './version.js';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0); // `csmlint | head`: the reader left
  throw error;
});

try {
  const args = parseCliArgs(process.argv.slice(2));
  if (args.command === 'version') {
    process.stdout.write(`csmlint ${VERSION}\n`);
  } else {
    const { run } = await import('./run.js');
    process.exitCode = await run(args);
  }
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`csmlint: ${error.message}\n`);
  } else {
    const detail = process.env.CSMLINT_DEBUG ? String((error as Error).stack ?? error) : (error as Error).message;
    process.stderr.write(`csmlint: internal error: ${detail} (please report it; CSMLINT_DEBUG=1 shows the stack)\n`);
  }
  process.exitCode = 2;
}
