// Lint: strict TypeScript rules plus the layout's boundaries (STYLE.md):
// apps never import other apps, libs never import apps, domain libs know
// nothing of Nest or Kafka, libs are imported only through their root alias.
// Import cycles are checked by madge (`npm run lint`).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT_ALIAS_ONLY = { group: ['@eventwire/*/*'], message: 'import a lib through its root alias' };
const DOMAIN_LIBS = ['text', 'kb', 'ingestion', 'translation', 'extraction', 'clustering'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.kafka/**', '.scratch/**', 'coverage/**', 'bin/**', 'jest.config.js', 'eslint.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [ROOT_ALIAS_ONLY, { group: ['**/apps/**'], message: 'only an app may import its own files' }] }],
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
            ROOT_ALIAS_ONLY,
          ],
        },
      ],
    },
  },
  {
    // Plain broker code: the Nest transport the stages run on is libs/stages', so this lib works without Nest.
    files: ['libs/kafka/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@nestjs/*', '@eventwire/stages', '@eventwire/config'], message: 'libs/kafka is broker code, with no Nest' }, ROOT_ALIAS_ONLY] },
      ],
    },
  },
  {
    files: ['apps/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [ROOT_ALIAS_ONLY, { group: ['../../*', '!../../src/**'], message: 'apps never import other apps' }] },
      ],
    },
  },
  {
    // The page: plain ES modules for the browser, with the map libraries' globals.
    files: ['libs/page/public/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.browser } },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
