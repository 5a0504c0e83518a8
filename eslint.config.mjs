// ESLint 9 flat config: `npm run lint`, and a stage of `npm test` between the build and the unit tests.
// TypeScript gets typescript-eslint's recommended rules plus the few type-aware rules that catch
// real bugs in async code (a forgotten await, a promise passed where a callback's result is ignored);
// the type information comes from tsconfig.json through the project service. The .mjs scripts and
// harness files get the JavaScript recommendations with Node's globals and no type information.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'out/', 'node_modules/', 'notes/', '.vscode-test/', 'test/fixtures/', '**/*.vsix'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Harness tests run under mocha in plain Node.
    files: ['test/harness/**/*.test.mjs'],
    languageOptions: { globals: { ...globals.mocha } },
  },
  {
    // The note panel's script runs in the webview, a browser.
    files: ['src/webview/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
