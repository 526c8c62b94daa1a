/**
 * Where a worker thread of the host starts (the CSV export's and the import's): from the sources,
 * its entry in `core/composition/` run through tsx (the tests, `tsx` scripts); from a bundle, the
 * worker's own `.cjs` beside the host's file, unpacked from `app.asar` in the desktop app. Nothing of
 * the parent's command line (a debugger port, tsx) belongs in a bundled worker.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** `…/resources/app.asar/dist-electron/x.cjs` → `…/resources/app.asar.unpacked/dist-electron/x.cjs`. */
export function unpackedPath(file: string): string {
  return file.replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked');
}

/**
 * `callerUrl` is the starting module's `import.meta.url` (a `core/<folder>/` file in the sources, the
 * host's bundle otherwise); `sourceEntry` the entry's file in `core/composition/`; `bundleFile` the
 * worker's bundle.
 */
export function workerEntry(callerUrl: string, sourceEntry: string, bundleFile: string): { file: string; execArgv: string[] } {
  const here = fileURLToPath(callerUrl);
  if (here.endsWith('.ts')) {
    const tsx = pathToFileURL(createRequire(callerUrl).resolve('tsx')).href;
    return { file: join(dirname(here), '..', 'composition', sourceEntry), execArgv: ['--import', tsx] };
  }
  return { file: unpackedPath(join(dirname(here), bundleFile)), execArgv: [] };
}
