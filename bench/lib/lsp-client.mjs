/** A minimal LSP client over stdio (hand-rolled JSON-RPC), enough to time diagnostics. */
import { spawn } from 'node:child_process';

/**
 * Starts a language server. `configuration(section)` answers `workspace/configuration`;
 * every `textDocument/publishDiagnostics` is kept with its arrival time (ms, monotonic).
 */
export function startServer({ command, args, cwd, env, configuration = () => null }) {
  const startedAt = now();
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  const pending = new Map();
  const published = [];
  const waiters = new Set();
  const notifications = [];
  let nextId = 1;
  let buffer = Buffer.alloc(0);
  let stderr = '';
  let exited = false;

  const send = (message) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  };

  const onMessage = (message, at) => {
    if (message.id !== undefined && message.method === undefined) {
      const request = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) request?.reject(new Error(`${request.method}: ${message.error.message}`));
      else request?.resolve(message.result);
      return;
    }
    if (message.id !== undefined) {
      if (process.env.LSP_DEBUG) console.error('server request', JSON.stringify(message)); // LSP_DEBUG=1: trace the server's requests
      send({ id: message.id, result: answerServerRequest(message, configuration) });
      return;
    }
    if (message.method === 'textDocument/publishDiagnostics') {
      const entry = { at, uri: message.params.uri, version: message.params.version, diagnostics: message.params.diagnostics };
      published.push(entry);
      for (const waiter of [...waiters]) waiter(entry);
    } else {
      const entry = { at, method: message.method, params: message.params };
      notifications.push(entry);
      for (const waiter of [...waiters]) waiter(entry);
    }
  };

  child.stdout.on('data', (chunk) => {
    const at = now();
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      buffer = buffer.subarray(headerEnd + 4 + length);
      onMessage(JSON.parse(body), at);
    }
  });
  child.stdin.on('error', () => {}); // EPIPE when the server died: reported through 'exit'
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code) => {
      exited = true;
      for (const request of pending.values()) request.reject(new Error(`server exited (${code}) during ${request.method}: ${errorLine(stderr)}`));
      pending.clear();
      for (const waiter of [...waiters]) waiter(undefined);
      resolve(code);
    });
  });

  return {
    pid: child.pid,
    startedAt,
    published,
    notifications,
    get stderr() {
      return stderr;
    },
    get exited() {
      return exited;
    },
    request(method, params) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { method, resolve, reject });
        send({ id, method, params });
      });
    },
    notify(method, params) {
      send({ method, params });
    },
    /** Resolves with the first notification `test` accepts: a publish (`{ at, uri, diagnostics }`) or another (`{ at, method, params }`). */
    waitFor(test, timeoutMs, what) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
        }, timeoutMs);
        const waiter = (entry) => {
          if (exited) {
            clearTimeout(timer);
            waiters.delete(waiter);
            reject(new Error(`server exited while waiting for ${what}: ${errorLine(stderr)}`));
            return;
          }
          if (!test(entry)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(entry);
        };
        waiters.add(waiter);
      });
    },
    /** `shutdown` + `exit`, then SIGKILL if the server is still alive after a second. */
    async stop() {
      if (exited) return;
      try {
        await Promise.race([this.request('shutdown', null), sleep(2000)]);
        this.notify('exit', null);
      } catch {
        /* the server may already be gone */
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), 1000);
      await exitPromise;
      clearTimeout(timer);
    },
  };
}

function answerServerRequest(message, configuration) {
  switch (message.method) {
    case 'workspace/configuration':
      return message.params.items.map((item) => configuration(item.section ?? ''));
    case 'workspace/workspaceFolders':
      return null;
    default:
      return null;
  }
}

/** The line of a crash's stderr that says what went wrong (not the stack frames). */
function errorLine(stderr) {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('at ') && !l.startsWith('^'));
  return (lines.findLast((l) => /error/i.test(l)) ?? lines.at(-1) ?? 'no output').slice(0, 200);
}

/** Monotonic milliseconds. */
export function now() {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** A promise that resolves after `ms`. */
export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
