/** The server's name and version (from its package.json), for `serverInfo` and `--version`. */
import { createRequire } from 'node:module';

const pkg = createRequire(import.meta.url)('../package.json') as { version: string };

export const SERVER_NAME = 'csmlint-language-server';
export const SERVER_VERSION: string = pkg.version;
