import { config } from '@reception/eslint-config';

// Two TypeScript programs: the renderer (DOM, tsconfig.json) and the Node side (Electron main, preload,
// build config and Node-side tests of renderer modules: tsconfig.electron.json). Each file is linted with
// the program that typechecks it.
export default [
  ...config(import.meta.dirname),
  {
    files: [
      'src/main/**/*.ts',
      'src/host/**/*.ts',
      'src/preload/**/*.ts',
      'src/renderer/**/*.node.test.ts',
      '*.ts',
    ],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: './tsconfig.electron.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
];
