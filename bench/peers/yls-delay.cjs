/**
 * Preload for yaml-language-server (`node -r`): sets its fixed validation delay
 * (`SettingsState.validationDelayMs`, 200 ms, not a user setting) to YLS_VALIDATION_DELAY_MS,
 * so the benchmark can report its figures with and without the delay.
 */
const Module = require('node:module');

const delay = Number(process.env.YLS_VALIDATION_DELAY_MS ?? 200);
const load = Module._load;
Module._load = function loadPatched(request, parent, isMain) {
  const exported = load.call(this, request, parent, isMain);
  if (request.endsWith('/yamlSettings') && exported?.SettingsState && !exported.SettingsState.patchedDelay) {
    const Original = exported.SettingsState;
    exported.SettingsState = class extends Original {
      static patchedDelay = true;
      constructor(...args) {
        super(...args);
        this.validationDelayMs = delay;
      }
    };
  }
  return exported;
};
