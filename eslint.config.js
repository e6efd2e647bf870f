import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Import boundaries. The repository has three kinds of workspaces:
// - apps/* (api, bot, web, worker): the programs we ship. An app never imports another app, by
//   package name or by relative path, tests included; a test that needs another app starts it
//   as a process through @wb-assist/test-system.
// - packages/*: the libraries the apps are made of. They never import an app. Their production
//   code never imports tooling either; their tests (*.test.ts) and `testing/` folders may (the
//   WB emulator, the embedded PostgreSQL of the test databases). The one exception is
//   packages/db/src/embedded.ts, whose dynamic import() of @wb-assist/embedded-postgres (outside
//   this rule: it checks static imports and re-exports; type imports are allowed) serves
//   development without DATABASE_URL and is never reached in production.
// - tooling/*: test and development tools (the WB emulator, the fake Telegram, the embedded
//   PostgreSQL, the test harness). Tooling may use packages, never apps: it starts apps by their
//   entry files' paths.
// scripts/ (the dev launcher) and bench/ (benchmarks of the apps' insides) are exempt.
// scripts/boundaries/import-boundaries.test.ts shows each rule failing on a violation.
const APPS = 'api|bot|web|worker';
const TOOLING = 'wb-emulator|telegram-fake|embedded-postgres|test-system';
const noApps = [
  { regex: `^@wb-assist/(${APPS}|bench)(/|$)`, message: 'Apps and bench are not libraries: never import them.' },
  {
    regex: `^(\\.\\./)+(apps/)?(${APPS})/src(/|$)|(^|/)apps/`,
    message: 'Never import an app by relative path; in a test, start it as a process (@wb-assist/test-system).',
  },
  { regex: '(^|/)tooling/', message: 'Import tooling by its package name, never by relative path.' },
];
const noTooling = [
  {
    regex: `^@wb-assist/(${TOOLING})(/|$)`,
    // Types vanish at run time: they tie nothing production runs to tooling.
    allowTypeImports: true,
    message: 'Production code of a package never imports tooling; its tests and testing/ folders may.',
  },
];
const restrict = (patterns) => ({ rules: { 'no-restricted-imports': ['error', { patterns }] } });
const packageTests = ['packages/**/*.test.ts', 'packages/**/testing/**'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/generated/**',
      '.cache/**',
      '.data/**',
      '**/dist/**',
      '**/.next/**',
      '**/.next-e2e/**',
      'artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Benchmarks print their figures; that is their whole output.
    files: ['bench/**'],
    rules: { 'no-console': 'off' },
  },
  { files: ['apps/**', 'tooling/**'], ...restrict(noApps) },
  { files: ['packages/**'], ignores: packageTests, ...restrict([...noApps, ...noTooling]) },
  { files: packageTests, ...restrict(noApps) },
);
