import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', '.data/', 'dist/', 'coverage/', 'test-results/', 'src/web/assets/vendor/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Handlers read validated wire data whose shape the JSON Schema guarantees; `any` there is deliberate.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A core module must not reach above itself (ARCHITECTURE.md: src/core imports nothing else in src).
    },
  },
  { files: ['src/web/public/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../*', '!../core/*'], message: 'src/core imports nothing else in src' }, { group: ['ioredis', 'bullmq', 'express', 'winston', 'axios'], message: 'src/core stays free of I/O libraries' }] }],
    },
  },
);
