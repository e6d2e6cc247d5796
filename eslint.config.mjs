import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules/**', '.build/**', '.data/**', 'test-results/**', '**/*.js', '**/*.mjs'] },
  // Declarations for TypeScript 3.9 only: outside the root tsconfig (TS 5 has them), type-checked
  // by the react/ step of scripts/vtex-build-check.
  { ignores: ['react/typings/intl-ts39.d.ts'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['node/**/*.ts'],
    ignores: ['node/**/*.test.ts'],
    rules: { 'no-console': 'error' },
  }
)
