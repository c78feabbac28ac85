/** The module rules of architecture.md, enforced on every `npm test` (src/architecture.test.ts). */
module.exports = {
  forbidden: [
    {
      name: 'no-cross-module-imports',
      comment: 'Modules do not import each other; cross-module work lives in src/flows.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'modules-only-through-index',
      comment: 'Outside a module, only its index.ts is reachable.',
      severity: 'error',
      from: { path: '^src/(flows|app|cli)/' },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'kernel-imports-nothing-of-ours',
      severity: 'error',
      from: { path: '^src/kernel/' },
      to: { path: '^src/', pathNot: '^src/kernel/' },
    },
    {
      name: 'db-imports-only-kernel',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/', pathNot: '^src/(db|kernel)/' },
    },
    {
      name: 'modules-do-not-import-flows-app-cli',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: '^src/(flows|app|cli)/' },
    },
    {
      name: 'flows-do-not-import-app-cli',
      severity: 'error',
      from: { path: '^src/flows/' },
      to: { path: '^src/(app|cli)/' },
    },
    {
      name: 'web-imports-no-server-code',
      comment: 'The web app talks to the server only through the HTTP API.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^src/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.tsx?$' },
  },
};
