// Lint: strict TypeScript rules plus the layout's boundaries (STYLE.md):
// apps never import other apps, libs never import apps, domain libs know
// nothing of Nest or Kafka, libs are imported only through their root alias,
// and there are no import cycles.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';
import { readdirSync } from 'node:fs';

const apps = readdirSync('apps');
const DOMAIN_LIBS = ['text', 'kb', 'ingestion', 'translation', 'extraction', 'clustering'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.kafka/**', 'coverage/**', 'bin/**', 'jest.config.js', 'eslint.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })], 'import-x/internal-regex': '^@eventwire/' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['@eventwire/*/*'], message: 'import a lib through its root alias' }] }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './libs', from: './apps', message: 'libs never import apps' },
            ...apps.map((app) => ({
              target: `./apps/${app}`,
              from: './apps',
              except: [`./${app}`],
              message: 'apps never import other apps',
            })),
          ],
        },
      ],
    },
  },
  {
    files: DOMAIN_LIBS.map((lib) => `libs/${lib}/**/*.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'kafkajs', '@eventwire/kafka', '@eventwire/stages', '@eventwire/config'], message: 'domain libs are plain TypeScript' },
            { group: ['@eventwire/*/*'], message: 'import a lib through its root alias' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
