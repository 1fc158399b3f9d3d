/** `csmlint-language-server --stdio`: the process entry. */
import { loadLinter } from 'csmlint';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';
import { SERVER_NAME, SERVER_VERSION } from './version.js';

const USAGE = `Usage: ${SERVER_NAME} --stdio

The csmlint language server for metadata.yaml and custom_metrics.py (LSP over stdin/stdout).
Options:
  --stdio            talk LSP over stdin/stdout (also --node-ipc, --socket=PORT, --pipe=NAME)
  --clientProcessId  exit when this process is gone (also taken from initialize's processId)
  --version          print the version
  --help             print this help
`;

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--version')) {
    process.stdout.write(`${SERVER_VERSION}\n`);
    return;
  }
  if (argv.includes('--help') || !argv.some((a) => /^--(stdio|node-ipc|socket|pipe)/.test(a))) {
    (argv.includes('--help') ? process.stdout : process.stderr).write(USAGE);
    if (!argv.includes('--help')) process.exitCode = 2;
    return;
  }
  const linter = await loadLinter();
  const connection = createConnection(ProposedFeatures.all);
  process.on('uncaughtException', (error) => connection.console.error(`internal error: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`internal error: ${String(reason)}`));
  startServer(connection, linter);
  connection.listen();
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${SERVER_NAME}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
