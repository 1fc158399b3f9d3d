// The workspace root links the CLI and the language server for the tests and the benchmark. The
// links are added here rather than in package.json because pre-commit installs our hook
// (`language: node`) by running npm on the repository root, and npm cannot read `workspace:` ranges.
// (package.json's `dependencies` are what that npm install needs; see packages/cli/scripts/build-from-source.mjs.)
module.exports = {
  hooks: {
    readPackage(manifest) {
      if (manifest.name === 'csmlint-workspace') {
        manifest.devDependencies = { ...manifest.devDependencies, csmlint: 'workspace:*', '@csmlint/language-server': 'workspace:*' };
      }
      return manifest;
    },
  },
};
