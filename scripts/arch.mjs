#!/usr/bin/env node
// `npm run -s arch [-- --write]`: checks the import arrows (.dependency-cruiser.cjs: no circles, nothing
// imports an app, packages import only lower layers, pages never import server code) and that the package
// diagram in docs/ARCHITECTURE.md is the one the code draws. `--write` redraws the diagram.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const depcruise = path.join(root, 'node_modules/.bin/depcruise');
const DOC = path.join(root, 'docs/ARCHITECTURE.md');
const BEGIN = '<!-- arch:begin (npm run -s arch -- --write) -->';
const END = '<!-- arch:end -->';

function run(args) {
  const r = spawnSync(depcruise, args, { cwd: root, encoding: 'utf8' });
  if (r.error) throw r.error;
  return r;
}

const check = run(['apps', 'packages', 'tooling', 'test', '--config', '.dependency-cruiser.cjs']);
process.stdout.write(check.stdout);
if (check.status !== 0) {
  process.stderr.write(check.stderr);
  process.exit(1);
}

const diagram = run([
  ...['apps', 'packages', 'tooling', '--config', '.dependency-cruiser.cjs', '--output-type', 'mermaid'],
  ...['--collapse', '^(packages|apps|tooling)/[^/]+', '--include-only', '^(apps|packages|tooling/testkit)/'],
  ...[
    '--exclude',
    '(\\.test\\.tsx?|/bench/|/testing/|/scripts/|vite[a-z.]*\\.config\\.ts)$|/bench/|/testing/',
  ],
]);
if (diagram.status !== 0) {
  process.stderr.write(diagram.stderr);
  process.exit(1);
}
const block = `${BEGIN}\n\n\`\`\`mermaid\n${diagram.stdout.trim()}\n\`\`\`\n\n${END}`;
const doc = readFileSync(DOC, 'utf8');
const start = doc.indexOf(BEGIN);
const end = doc.indexOf(END);
if (start < 0 || end < start) {
  process.stderr.write(`arch: ${DOC} has no diagram markers\n`);
  process.exit(1);
}
const next = doc.slice(0, start) + block + doc.slice(end + END.length);
if (next === doc) {
  process.stdout.write('arch: docs/ARCHITECTURE.md diagram matches the code\n');
} else if (process.argv.includes('--write')) {
  writeFileSync(DOC, next);
  process.stdout.write('arch: docs/ARCHITECTURE.md diagram redrawn\n');
} else {
  process.stderr.write(
    'arch: the package diagram in docs/ARCHITECTURE.md is stale; run `npm run -s arch -- --write` and commit it\n',
  );
  process.exit(1);
}
