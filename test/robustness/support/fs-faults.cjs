/**
 * Preloaded into the CLI (`node --require`) by the robustness tests to make the file system fail on
 * cue, deterministically:
 * - CSMLINT_TEST_DELETE_ON_READ=PATH deletes PATH just before the CLI first opens or reads it (a file
 *   deleted between discovery and reading);
 * - CSMLINT_TEST_FAIL_WRITE=TEXT:CODE fails (errno CODE) every write whose path contains TEXT;
 * - CSMLINT_TEST_FAIL_RENAME=TEXT:CODE fails every rename whose target contains TEXT.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { syncBuiltinESMExports } = require('node:module');

const toPath = (file) => (file instanceof URL ? file.pathname : typeof file === 'string' ? file : undefined);

function rule(variable) {
  const value = process.env[variable];
  if (!value) return undefined;
  const cut = value.lastIndexOf(':');
  return { text: value.slice(0, cut), code: value.slice(cut + 1) };
}

function failure(code, syscall, file) {
  const error = new Error(`${code}: simulated failure, ${syscall} '${file}'`);
  error.code = code;
  error.syscall = syscall;
  error.path = file;
  return error;
}

const deleteTarget = process.env.CSMLINT_TEST_DELETE_ON_READ ? path.resolve(process.env.CSMLINT_TEST_DELETE_ON_READ) : undefined;
let deleted = false;
const failWrite = rule('CSMLINT_TEST_FAIL_WRITE');
const failRename = rule('CSMLINT_TEST_FAIL_RENAME');

/** Runs before each wrapped call; throws the simulated error, if any. */
function beforeCall(name, args) {
  const file = toPath(args[0]);
  if (file === undefined) return;
  if (deleteTarget && !deleted && /^(readFile|open|createReadStream)/.test(name) && path.resolve(file) === deleteTarget) {
    deleted = true;
    fs.rmSync(deleteTarget, { force: true });
  }
  const writing = /^(writeFile|appendFile|createWriteStream)/.test(name) || (/^open/.test(name) && /[wa+]/.test(String(args[1] ?? '')));
  if (failWrite && writing && file.includes(failWrite.text)) throw failure(failWrite.code, name, file);
  const target = toPath(args[1]);
  if (failRename && /^rename/.test(name) && target && target.includes(failRename.text)) throw failure(failRename.code, name, target);
}

function wrap(object, name, isPromise) {
  const original = object[name];
  if (typeof original !== 'function') return;
  object[name] = function (...args) {
    try {
      beforeCall(name, args);
    } catch (error) {
      if (isPromise) return Promise.reject(error);
      const callback = args[args.length - 1];
      if (typeof callback === 'function' && !name.endsWith('Sync')) return process.nextTick(callback, error);
      throw error;
    }
    return original.apply(this, args);
  };
}

for (const name of ['readFile', 'readFileSync', 'open', 'openSync', 'createReadStream', 'writeFile', 'writeFileSync', 'appendFile', 'createWriteStream', 'rename', 'renameSync']) wrap(fs, name, false);
for (const name of ['readFile', 'open', 'writeFile', 'appendFile', 'rename']) wrap(fs.promises, name, true);
syncBuiltinESMExports();
