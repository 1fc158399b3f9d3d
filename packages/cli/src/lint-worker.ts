/**
 * A worker thread of a parallel lint run (see parallel-lint.ts): loads the linter once, then lints
 * each batch of packages it is sent and posts the outcomes back, as plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lintPackage } from './lint-package.js';
import { loadLinter } from './linter.js';
import type { BatchReply, BatchRequest, WorkerSetup } from './parallel-lint.js';

const { cwd } = workerData as WorkerSetup;
const port = parentPort!;
const linter = loadLinter();

port.on('message', async ({ id, jobs }: BatchRequest) => {
  let reply: BatchReply;
  try {
    const ready = await linter;
    const outcomes = [];
    for (const job of jobs) outcomes.push(await lintPackage(job, ready, cwd));
    reply = { id, outcomes };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
