import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const script = resolve('scripts/ensure-electron.mjs');
let project: string;
let electronDir: string;

/** A project with a stand-in electron package whose install.js either "downloads" or fails. */
function fakeProject(install: 'succeeds' | 'fails', alreadyInstalled: boolean): void {
  writeFileSync(join(project, 'package.json'), '{"name":"probe","private":true}');
  mkdirSync(join(electronDir, 'dist'), { recursive: true });
  writeFileSync(join(electronDir, 'package.json'), '{"name":"electron","version":"45.4.1","main":"index.js"}');
  const body =
    install === 'succeeds'
      ? `const fs = require('fs'); fs.writeFileSync('path.txt', 'electron'); fs.writeFileSync('dist/electron', ''); fs.writeFileSync('ran', '');`
      : `require('fs').writeFileSync('ran', ''); console.error('getaddrinfo ENOTFOUND github.com'); process.exit(1);`;
  writeFileSync(join(electronDir, 'install.js'), body);
  if (alreadyInstalled) {
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    writeFileSync(join(electronDir, 'dist', 'electron'), '');
  }
}

function run() {
  const env = { ...process.env };
  delete env.ELECTRON_OVERRIDE_DIST_PATH;
  return spawnSync(process.execPath, [script], { cwd: project, env, encoding: 'utf8' });
}

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'frontdesk-ensure-'));
  electronDir = join(project, 'node_modules', 'electron');
});

afterEach(() => rmSync(project, { recursive: true, force: true }));

describe('scripts/ensure-electron.mjs', () => {
  it('does nothing when the binary is there', () => {
    fakeProject('succeeds', true);
    const result = run();
    expect(result.status).toBe(0);
    expect(existsSync(join(electronDir, 'ran'))).toBe(false);
  });

  it("runs Electron's installer when the binary is missing", () => {
    fakeProject('succeeds', false);
    const result = run();
    expect(result.status).toBe(0);
    expect(existsSync(join(electronDir, 'ran'))).toBe(true);
    expect(existsSync(join(electronDir, 'dist', 'electron'))).toBe(true);
  });

  it('stops with a clear message when the download fails', () => {
    fakeProject('fails', false);
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Could not download the Electron binary');
    expect(result.stderr).toContain('npm run serve');
  });

  it('says so when electron is not installed at all', () => {
    writeFileSync(join(project, 'package.json'), '{"name":"probe","private":true}');
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('npm install');
  });

  it("looks only in the project's own node_modules, never in a parent folder's", () => {
    fakeProject('succeeds', true);
    const nested = join(project, 'nested');
    mkdirSync(nested);
    writeFileSync(join(nested, 'package.json'), '{"name":"nested","private":true}');
    const env = { ...process.env };
    delete env.ELECTRON_OVERRIDE_DIST_PATH;
    const result = spawnSync(process.execPath, [script], { cwd: nested, env, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('npm install');
  });
});
