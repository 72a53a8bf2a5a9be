// The arrows of docs/ARCHITECTURE.md, checked in `npm test` (`npm run -s arch`):
//   apps → capability packages → robot-link, nav, i18n → protocol; tooling is test support below all.
// Nothing imports an app, nothing imports in a circle, and a web page never imports server code.
/** Capability layers, lowest first; a package may import only from layers below its own. */
const LAYERS = [
  ['protocol'],
  ['robot-link', 'nav', 'i18n'],
  ['queue', 'ticket-printing', 'missions', 'intent', 'voice', 'dossiers', 'access'],
];
const pkg = (names) => `^packages/(${names.join('|')})/`;
const below = (i) => LAYERS.slice(0, i).flat();

/** Browser code: the kiosk's renderer and every staff page. */
const PAGES = '^apps/(kiosk/src/renderer|staff-web/src)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import circles make layers meaningless; break them with an interface in the lower module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'nothing-imports-an-app',
      severity: 'error',
      comment: 'Apps compose; packages own capabilities. Move what is shared into a package.',
      from: { pathNot: '^apps/([^/]+)/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-do-not-import-each-other',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    ...LAYERS.flatMap((layer, i) =>
      layer.map((name) => ({
        name: `layer-${name}`,
        severity: 'error',
        comment: `packages/${name} may import only ${below(i).join(', ') || 'no other package'} (and tooling).`,
        from: { path: `^packages/${name}/` },
        to: {
          path: '^packages/',
          pathNot: [`^packages/${name}/`, ...(below(i).length ? [pkg(below(i))] : [])],
        },
      })),
    ),
    {
      name: 'tooling-is-below-everything',
      severity: 'error',
      from: { path: '^tooling/' },
      to: { path: '^(apps|packages)/' },
    },
    {
      name: 'pages-do-not-import-server-code',
      severity: 'error',
      comment:
        'A page runs in a browser: only protocol (contracts) and i18n (strings); never Node built-ins or node-only modules.',
      from: { path: PAGES, pathNot: '\\.test\\.tsx?$' },
      to: {
        pathNot: [
          PAGES,
          '^packages/protocol/src/(?!site-file|site-error|testing/)',
          '^packages/i18n/src/',
          '^apps/kiosk/src/shared/',
          // Pure DSP with no imports: the kiosk's microphone worklet resamples with the models' resampler,
          // so the page and the engines hear the same 16 kHz signal.
          '^packages/voice/src/audio/resample\\.ts$',
          'node_modules/',
        ],
      },
    },
    {
      name: 'pages-do-not-import-node-builtins',
      severity: 'error',
      from: { path: PAGES, pathNot: '\\.test\\.tsx?$' },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|build|node_modules|\\.turbo)/' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    preserveSymlinks: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
    reporterOptions: {
      dot: { collapsePattern: '^(packages|apps|tooling)/[^/]+' },
    },
  },
};
