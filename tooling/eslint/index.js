// Shared flat config: typescript-eslint's type-checked rules on every TypeScript file of a package.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** @param {string} tsconfigRootDir the package folder (import.meta.dirname of the caller) */
export function config(tsconfigRootDir) {
  return tseslint.config(
    { ignores: ['dist/**', 'build/**', 'node_modules/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
    js.configs.recommended,
    ...tseslint.configs.strictTypeChecked,
    {
      files: ['**/*.tsx'],
      rules: {
        '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      },
    },
    {
      languageOptions: {
        globals: { ...globals.node },
        parserOptions: { projectService: true, tsconfigRootDir },
      },
      rules: {
        '@typescript-eslint/restrict-template-expressions': [
          'error',
          { allowNumber: true, allowBoolean: true },
        ],
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
        '@typescript-eslint/no-confusing-void-expression': 'off',
        '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
        '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description' }],
      },
    },
    {
      files: ['**/web/**/*.{ts,tsx}', '**/renderer/**/*.{ts,tsx}', '**/preload/**/*.ts'],
      languageOptions: { globals: { ...globals.browser } },
    },
    {
      files: ['**/*.test.ts', '**/*.test.tsx', '**/test/**/*.ts'],
      rules: {
        '@typescript-eslint/no-non-null-assertion': 'off',
        '@typescript-eslint/no-floating-promises': 'off',
      },
    },
    prettier,
  );
}
