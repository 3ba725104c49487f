/**
 * The import layers (run by `npm run check` as `depcruise`): packages are pure libraries that the
 * apps share, the two apps never reach into each other, and nothing imports in a circle.
 *
 * Known exceptions: `.dependency-cruiser-known-violations.json` lists, one by one, the imports
 * that broke `feature-through-index` when the rule came in (features of the PWA reaching into
 * another feature's files: the signing and scan views, the dossier writer, the shell's lazy
 * imports of lock/intake/signing modules). `--ignore-known` lets those pass and fails any new one;
 * routing one through the feature's `index.ts` and regenerating the list
 * (`npm run depcruise:baseline`) shrinks it. A feature's index is a chunk boundary for the lazy
 * ones (signing is loaded on demand), so each move needs a look at what it pulls in.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A cycle makes load order matter and the modules inseparable: extract what both need. ' +
        'A cycle closed only by `import type` is erased at build and passes (today: db/conflict.ts ' +
        '↔ db/database.ts in the PWA; sync/push.ts ↔ tier-relay.ts and ↔ apply-actions.ts on the server).',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'packages-not-to-apps',
      severity: 'error',
      comment: 'packages/* are shared by the apps: they may not depend on either of them.',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'pwa-not-to-sync',
      severity: 'error',
      comment: 'The PWA and the server share code through packages/*, never directly.',
      from: { path: '^apps/pwa/' },
      to: { path: '^apps/sync/' },
    },
    {
      name: 'sync-not-to-pwa',
      severity: 'error',
      comment: 'The PWA and the server share code through packages/*, never directly.',
      from: { path: '^apps/sync/' },
      to: { path: '^apps/pwa/' },
    },
    {
      name: 'model-is-pure',
      severity: 'error',
      comment:
        'packages/model is the domain as data and pure functions: no Node built-ins, no storage, ' +
        'network or UI libraries (its tests may use what they like).',
      from: { path: '^packages/model/src/', pathNot: '\\.test\\.ts$' },
      to: {
        dependencyTypesNot: ['type-only'],
        path: [
          '^node:',
          'node_modules/(rxdb|rxjs|dexie|hono|@hono/|pg|pg-[^/]+|@electric-sql/|nodemailer|@tus/|tus-js-client|solid-js|@solidjs/|workbox-[^/]+|undici|node-fetch|ky|axios)/',
        ],
      },
    },
    {
      name: 'model-no-node-builtins',
      severity: 'error',
      comment: 'packages/model runs in the browser and on the server alike: no Node built-ins.',
      from: { path: '^packages/model/src/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'feature-through-index',
      severity: 'error',
      comment:
        "A PWA feature uses another feature only through that feature's index.ts. " +
        'The imports that did otherwise when the rule came in are listed as known violations.',
      from: { path: '^apps/pwa/src/features/([^/]+)/' },
      to: {
        path: '^apps/pwa/src/features/[^/]+/',
        pathNot: ['^apps/pwa/src/features/$1/', '^apps/pwa/src/features/[^/]+/index\\.ts$'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(apps|packages)/[^/]+/dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
