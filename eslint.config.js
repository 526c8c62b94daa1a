// Lint, and the layer boundaries (STYLE.md §6): where code may run is visible from its folder and
// enforced here, not by memory.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './scripts/import-layers.json' with { type: 'json' };

// Bare built-in names are matched exactly (as `paths`), so a file of ours named `events.ts` is not one.
const nodeBuiltinNames = [
  'fs', 'fs/promises', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'stream', 'stream/promises',
  'worker_threads', 'util', 'events', 'buffer', 'zlib', 'dns', 'tls', 'process', 'module', 'timers', 'timers/promises',
];
const nodeBuiltins = ['node:*'];
const builtinPaths = (message) => nodeBuiltinNames.map((name) => ({ name, message }));
const serverPackages = ['electron', 'better-sqlite3', 'pg', 'pg-*', 'drizzle-orm', 'drizzle-orm/*', 'fastify', '@fastify/*', 'ws', 'papaparse'];
// Which engine runs is known only in db/ (one copy of every rule): nothing else imports a driver.
const enginePackages = ['better-sqlite3', 'pg', 'pg-*', 'kysely', '@electric-sql/pglite'];
const engineMessage = 'Only db/ talks to a database engine (db/database.ts is the seam).';
const layer = (name) => [`**/${name}`, `**/${name}/**`];
/** The renderer's shared pieces, below its domains (renderer/README.md). */
const RENDERER_BASE = layers.rendererBase;
/**
 * The core's layers (core/README.md): the kernel (the root's commit, context, dispatcher; the platform
 * folders), the domains (any other folder), the composition (`composition/`: the lists that name every
 * domain) and the shell (the root's create-core, host and serve; the REST server; the demo hotel).
 */
const CORE_PLATFORM = layers.corePlatform;
const CORE_SHELL_FOLDERS = layers.coreShellFolders;
const coreShellFile = (prefix) => `^${prefix}(${layers.coreShellFiles.map((f) => f.replace(/\.ts$/, '')).join('|')})$`;
/** The core's import rule: no electron, no glue or UI, no engine; `layerRules` add where its file sits. */
const coreImports = (...layerRules) => ['error', { patterns: [
  { group: ['electron'], message: 'Only electron/ imports electron.' },
  { group: [...layer('electron'), ...layer('renderer')], message: 'The core never depends on the glue or the UI.' },
  { group: enginePackages, message: engineMessage },
  ...layerRules,
] }];
const kernelMessage = 'The kernel and the platform folders (auth, settings, outbox, jobs, export, reactions) import no domain, no composition and no shell: what they need of a domain is handed down (core/README.md).';
const shellMessage = 'The shell (create-core, host, serve, api/, demo/) reads the composition; nothing below it imports it.';
/** The renderer's import rule: no Node, no server code, no core; `layerRule` adds where its file sits. */
const rendererImports = (layerRule) => ['error', { paths: builtinPaths('The renderer has no Node.'), patterns: [
  { group: nodeBuiltins, message: 'The renderer has no Node.' },
  { group: serverPackages, message: 'The renderer reaches main only through the transport.' },
  { group: [...layer('core'), ...layer('db'), ...layer('electron')], message: 'The renderer imports only shared/ and its own code.' },
  ...(layerRule ? [layerRule] : []),
] }];
const noOnlyOrSkip = ['it', 'test', 'describe'].flatMap((object) =>
  ['only', 'skip', 'todo'].map((property) => ({ object, property, message: 'No focused or skipped tests are left behind.' })),
);

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-electron/**', 'dist-server/**', 'release/**', 'db/migrations/**', 'coverage/**', 'bench/.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-properties': ['error', ...noOnlyOrSkip],
    },
  },
  {
    // The contract and the pure rules run anywhere: main, preload, renderer, tests.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: builtinPaths('shared/ runs anywhere: no Node built-ins.'), patterns: [
        { group: nodeBuiltins, message: 'shared/ runs anywhere: no Node built-ins.' },
        { group: [...serverPackages, 'react', 'react-dom', 'zustand'], message: 'shared/ imports no runtime-specific packages.' },
        { group: [...layer('core'), ...layer('db'), ...layer('electron'), ...layer('renderer')], message: 'shared/ depends on nothing of ours.' },
      ] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'process', 'require'],
    },
  },
  {
    // The database and the core are plain Node: they run in Electron's main process and headless alike.
    // Storage sits below the core: it imports no domain, no service, nothing of core/.
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron'], message: 'Only electron/ imports electron.' },
        { group: [...layer('electron'), ...layer('renderer')], message: 'The core never depends on the glue or the UI.' },
        { group: layer('core'), message: 'db/ sits below the core: it imports nothing of core/ (a query takes what it needs as arguments).' },
      ] }],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: { 'no-restricted-imports': coreImports() },
  },
  {
    // The kernel at the core's root: only the platform folders and the other kernel files.
    files: ['core/*.ts'],
    ignores: layers.coreShellFiles.map((f) => `core/${f}`),
    rules: { 'no-restricted-imports': coreImports(
      { regex: `^\\./(?!(${CORE_PLATFORM.join('|')})/)[^./][^/]*/`, message: kernelMessage },
      { regex: coreShellFile('\\./'), message: shellMessage },
    ) },
  },
  {
    files: [`core/{${CORE_PLATFORM.join(',')}}/**/*.ts`],
    rules: { 'no-restricted-imports': coreImports(
      { regex: `^\\.\\./(?!(${CORE_PLATFORM.join('|')})/)[^./][^/]*/`, message: kernelMessage },
      { regex: coreShellFile('\\.\\./'), message: shellMessage },
    ) },
  },
  {
    // A domain imports the kernel and, where it must, another domain; never a list that names every
    // domain (composition/) nor the shell above it.
    files: ['core/*/**/*.ts'],
    ignores: [`core/{${[...CORE_PLATFORM, ...CORE_SHELL_FOLDERS, 'composition'].join(',')}}/**`],
    rules: { 'no-restricted-imports': coreImports(
      { regex: `^\\.\\./(composition|${CORE_SHELL_FOLDERS.join('|')})/`, message: 'A domain imports no composition (the lists that name every domain sit above the domains: core/composition/) and no shell.' },
      { regex: coreShellFile('\\.\\./'), message: shellMessage },
    ) },
  },
  {
    files: ['core/composition/**/*.ts'],
    rules: { 'no-restricted-imports': coreImports(
      { regex: `^\\.\\./(${CORE_SHELL_FOLDERS.join('|')})/`, message: shellMessage },
      { regex: coreShellFile('\\.\\./'), message: shellMessage },
    ) },
  },
  {
    files: ['electron/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: enginePackages, message: engineMessage }] }] },
  },
  {
    // The renderer talks to main only through the contract (IPC or HTTP): no Node, no core.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': rendererImports() },
  },
  {
    // The renderer's shared pieces sit below every domain: they import none, nor the app or the
    // composition above them (renderer/README.md). A domain's code that they need is handed down
    // (a refresher, a store's setState) or moves down.
    files: [`renderer/src/{${RENDERER_BASE.join(',')}}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': rendererImports({
      regex: `^\\.\\./(?!(${RENDERER_BASE.join('|')})/)[^./]`,
      message: 'ui/, stores/, transport/, i18n/, format/ and forms/ import no domain, nor app/, composition/ or the entries.',
    }) },
  },
  {
    // A domain imports the shared pieces and other domains, never the composition or the shell above it.
    files: ['renderer/src/*/**/*.{ts,tsx}'],
    ignores: [`renderer/src/{${[...RENDERER_BASE, 'app', 'composition'].join(',')}}/**`],
    rules: { 'no-restricted-imports': rendererImports({
      regex: '^\\.\\./(app|composition|main|boot)(/|$)',
      message: 'A domain imports no composition: the lists that name every domain (composition/) and the shell (app/) sit above the domains.',
    }) },
  },
  {
    files: ['renderer/src/composition/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': rendererImports({ regex: '^\\.\\./(app|main|boot)(/|$)', message: 'The composition lists the domains; the shell (app/) reads it, not the other way.' }) },
  },
  {
    // Components read stores and call their actions: every transport call is a store's action
    // (renderer/README.md). The entry (main.tsx) only picks the transport.
    files: ['renderer/src/**/*.tsx'],
    ignores: ['renderer/src/main.tsx'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: 'ImportDeclaration[source.value=/(^|\\/)transport\\/(current-transport|ipc-transport|http-transport|live-socket)$/]',
        message: 'A component calls no transport: it reads stores and calls their actions (the store calls the transport).',
      }],
    },
  },
  {
    // Functions of one job (issue 19 §6): none past 80 lines of code (blank lines and comments aside)
    // without its reason beside it: `// eslint-disable-next-line max-lines-per-function -- <why>`
    // (tests/lint/function-length.test.ts refuses such a comment without a reason). Tests aside: a
    // `describe` is a list of cases.
    files: ['shared/**/*.ts', 'db/**/*.ts', 'core/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs}'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Every promise is awaited or handed on: a write left floating would land outside its unit of
    // work, and a rejected one would go unseen (the storage seam is async: db/database.ts).
    files: ['db/**/*.ts', 'core/**/*.ts', 'electron/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['db/schema-postgres.kit.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
