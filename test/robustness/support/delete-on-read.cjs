/**
 * Preloaded into the CLI (`node --require`) by the hostile-input table: deletes the file named by
 * CSMLINT_TEST_DELETE_ON_READ just before the CLI first opens or reads it, so "a file deleted
 * during the run" happens deterministically between discovery and reading.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { syncBuiltinESMExports } = require('node:module');

const target = path.resolve(process.env.CSMLINT_TEST_DELETE_ON_READ || '');
let deleted = false;

function deleteIfTarget(file) {
  if (deleted || (typeof file !== 'string' && !(file instanceof URL))) return;
  const resolved = path.resolve(file instanceof URL ? file.pathname : file);
  if (resolved !== target) return;
  deleted = true;
  fs.rmSync(target, { force: true });
}

function wrap(object, name) {
  const original = object[name];
  if (typeof original !== 'function') return;
  object[name] = function (file, ...rest) {
    deleteIfTarget(file);
    return original.call(this, file, ...rest);
  };
}

for (const name of ['readFile', 'readFileSync', 'open', 'openSync', 'createReadStream']) wrap(fs, name);
for (const name of ['readFile', 'open']) wrap(fs.promises, name);
syncBuiltinESMExports();
