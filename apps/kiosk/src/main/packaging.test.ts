import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// electron-builder.json is used on a machine with network (`npm run -w @reception/kiosk package`): it must
// package what the two Electron builds produce, and nothing else.
const APP = path.resolve(import.meta.dirname, '..', '..');
const read = (f: string) => readFileSync(path.join(APP, f), 'utf8');
const builder = JSON.parse(read('electron-builder.json')) as {
  files: string[];
  extraMetadata: { main: string };
  linux: { target: string[]; executableName: string };
  deb: { depends: string[] };
  directories: { output: string };
};
const pkg = JSON.parse(read('package.json')) as { main: string; scripts: Record<string, string> };

describe('electron-builder config', () => {
  it('builds an AppImage and a deb for Linux', () => {
    expect(builder.linux.target).toEqual(['AppImage', 'deb']);
    expect(builder.linux.executableName).toMatch(/^[a-z-]+$/);
    expect(pkg.scripts.package).toContain('--config electron-builder.json');
  });

  it('starts the main process the Electron build writes, with its preload beside it', () => {
    expect(builder.extraMetadata.main).toBe(pkg.main);
    expect(read('vite.electron.config.ts')).toContain("'main.js'");
    expect(pkg.main).toBe('dist-electron/main.js');
    expect(read('src/main/main.ts')).toContain("path.join(here, 'preload.cjs')");
    expect(read('vite.electron.config.ts')).toContain("'preload.cjs'");
  });

  it('packages the renderer and both Electron bundles, no sources and no source maps', () => {
    expect(builder.files).toEqual(
      expect.arrayContaining(['dist/**/*', 'dist-electron/**/*', 'package.json', '!**/*.map']),
    );
    expect(builder.files.some((f) => f.startsWith('src'))).toBe(false);
    // The Electron bundles inline every dependency: nothing but electron and Node's own modules stay out.
    expect(read('vite.electron.config.ts')).toMatch(/external: \['electron', \.\.\.builtinModules/);
  });

  it('depends on espeak-ng in the deb, so the kiosk can read screens aloud', () => {
    expect(builder.deb.depends).toContain('espeak-ng');
    expect(read('.gitignore')).toContain(`${builder.directories.output}/`);
  });
});
