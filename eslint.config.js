// Lint config: typescript-eslint recommended everywhere, React hooks rules in the client, and the
// client's layers and the absence of import cycles (docs/architecture.md), with eslint-plugin-import-x
// resolving imports as TypeScript does (tsconfig paths: @shared/…, @client/…).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

/**
 * The client's layers, lowest first: a folder of client/src may import shared/, itself and the
 * folders listed for it, nothing else (so never a higher layer). Keep in step with docs/architecture.md.
 */
const BASE = ['lib', 'ui', 'i18n', 'styles', 'sync', 'store', 'connection', 'offline'];
const MAY_IMPORT = {
  lib: [],
  i18n: [],
  styles: [],
  ui: ['lib', 'i18n', 'styles'],
  sync: ['lib'],
  store: ['lib'],
  connection: ['lib', 'i18n', 'sync', 'store'],
  // Service worker registration, the new-version prompt, lazy chunks that survive a failed download.
  offline: ['lib', 'ui', 'i18n', 'styles'],
  boards: BASE,
  facilitation: [...BASE, 'boards'],
  // The pages: each may use every layer below, never another page.
  workshop: [...BASE, 'boards', 'facilitation'],
  archive: [...BASE, 'boards', 'facilitation'],
  start: [...BASE, 'boards', 'facilitation'],
  app: [...BASE, 'boards', 'facilitation', 'workshop', 'archive', 'start'],
};
const layerZones = Object.entries(MAY_IMPORT).map(([folder, allowed]) => ({
  target: `./client/src/${folder}`,
  from: './client/src',
  except: [folder, ...allowed].map((name) => `./${name}`),
  message: `client/src/${folder}/ may import only ${[folder, ...allowed].join('/, ')}/ and shared/ (docs/architecture.md: layers).`,
}));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'data/**',
      'coverage/**',
      'node_modules/**',
      'bench/results/**',
      'bench/.server-build-*/**',
      'bench/.boards-server-*/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // Parse .ts/.tsx dependencies too (no-cycle follows them), as import-x's typescript preset does.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.json', 'client/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...layerZones,
            {
              target: './shared',
              from: ['./client', './server'],
              message: 'shared/ is imported by the client and the server, never the reverse.',
            },
            {
              target: './server',
              from: './client',
              message: 'The server does not import client code: what both need lives in shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // Client imports that leave their folder use the path aliases (docs/architecture.md).
    // i18n/ is exempt until its two imports of shared/i18n/locales move to @shared/ too.
    files: ['client/**/*.{ts,tsx}'],
    ignores: ['client/src/i18n/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./){3,}',
              message: 'Climbing three levels or more: import @client/… or @shared/… instead.',
            },
          ],
        },
      ],
    },
  },
  {
    // One way to read the Y.Doc (docs/architecture.md, data flow): components and hooks go through
    // client/src/sync/ (useYValue, useYObserver, useYEntries, useYDerived, useCards), which alone
    // observes Y types. DOM observers (ResizeObserver…) are named …observer/…Observer and pass.
    files: ['client/src/**/*.{ts,tsx}'],
    ignores: ['client/src/sync/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression > MemberExpression.callee[property.name=/^(observeDeep|unobserveDeep)$/]',
          message:
            'Read the Y.Doc through the hooks of client/src/sync/ (useYValue, useYObserver(type, handler, { deep: true })…), not observeDeep() (docs/architecture.md: data flow).',
        },
        {
          selector:
            'CallExpression > MemberExpression.callee[property.name=/^(observe|unobserve)$/]:not([object.name=/[oO]bserver$/])',
          message:
            'Read the Y.Doc through the hooks of client/src/sync/ (useYValue, useYObserver, useYEntries, useCards…), not observe() (docs/architecture.md: data flow). A DOM observer: name it …observer.',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(on|off|once)$/][arguments.0.value=/^(beforeTransaction|beforeObserverCalls|afterTransaction|afterAllTransactions)$/]',
          message:
            "A Y.Doc's transaction events are client/src/sync/'s to listen to (docs/architecture.md: data flow).",
        },
      ],
    },
  },
);
