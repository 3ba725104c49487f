// Type-aware lint for the sources and tests (run by `npm run check`).
//
// The base is typescript-eslint's `recommendedTypeChecked`, which catches what the type checker
// alone does not: promises nobody awaits (`no-floating-promises`), async functions passed where a
// plain callback is expected (`no-misused-promises`), `any` leaking into typed code. An exception
// is written where it occurs: `// eslint-disable-next-line rule -- reason`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import solid from 'eslint-plugin-solid/configs/typescript';
import globals from 'globals';

const TESTS = ['**/*.test.{ts,tsx}', '**/*-test-helpers.ts', '**/testing.ts', 'tests/**'];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', '**/test-results/**', '**/.tmp/**'],
  },
  {
    files: ['apps/*/src/**/*.{ts,tsx}', 'packages/*/src/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // An empty catch loses an error without a word: say why it may be dropped, or handle it.
      'no-empty': ['error', { allowEmptyCatch: false }],
      '@typescript-eslint/no-floating-promises': 'error',
      // JSX event handlers may be async (Solid ignores what they return; each one reports its own
      // failure, mostly through `createTaskRunner`). Callbacks handed to functions (timers,
      // `addEventListener`, `forEach`, RxJS) and promises used as conditions are still checked.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        // `_name` marks a binding kept on purpose (a callback's position, a rest split).
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Numbers and booleans read fine in a message; objects and `undefined` are still caught.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // Off: an `async` function with no `await` is how a port's in-memory adapter or a fetch stub
      // keeps the Promise-returning contract (and turns a throw into a rejection). ~100 reports, no bug.
      '@typescript-eslint/require-await': 'off',
      // Off: a leftover `as`/`!` the types no longer need is cosmetic; removing them touches ~50 files
      // under active work. Worth a `--fix` pass on its own some quiet day.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Off: `String(x)` is how values read off the wire or from a FormData field are coerced on
      // purpose; `restrict-template-expressions` still catches an object pasted into a message.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    // Tests read `await res.json()` (typed `any`) and poke at it: a wrong shape fails the assertion.
    // Vitest's `describe.each` and spies hand methods around unbound by design.
    files: TESTS,
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['apps/pwa/src/**/*.tsx'],
    ...solid,
    rules: {
      ...solid.rules,
      // Off: today its reports are all callbacks run from event handlers through a task runner and
      // one-time reads of props fixed for a component's life (the shell's database context); the
      // rule cannot tell these from lost reactivity. The other Solid rules stay on.
      'solid/reactivity': 'off',
    },
  },
);
