/**
 * The downtime pack (issue 17 §2; docs/printing.md): today's arrivals, guests in house and room status
 * written as HTML files to `<data folder>/downtime-packs/<hotel-local time>/`, so the desk can work
 * on paper when the PC or the power fails. A pack is written to a hidden folder first and renamed
 * when complete, so a pack folder is never half-written; the newest `KEEP_PACKS` are kept.
 */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { localDate, toCivil } from '../../shared/time';
import type { CoreDeps } from '../context';
import type { SettingsService } from '../settings/settings-service';
import { downtimePackFiles, packFormats } from './downtime-html';
import type { PrintService } from './print-service';

/** What a pack needs of the core: the clock, the settings, the printed lists. */
export interface PackCore {
  deps: CoreDeps;
  settings: Pick<SettingsService, 'get'>;
  services: { print: PrintService };
}

/** The folder in the data folder that holds the packs. */
export const PACKS_DIR = 'downtime-packs';
/** A day of packs at the default half hour (48), and at least the last few at any interval. */
export const KEEP_PACKS = 48;

const PACK_NAME = /^\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}$/;

/** `2026-05-01_10-30-00`: the hotel-local time a pack was written (folder names sort by time). */
export function packName(nowMs: number, timeZone: string): string {
  const c = toCivil(nowMs, timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${localDate(nowMs, timeZone)}_${p(c.hour)}-${p(c.minute)}-${p(c.second)}`;
}

/** Deletes all but the newest `keep` packs (and any hidden folder a crash left). Returns the names deleted. */
export async function prunePacks(dir: string, keep = KEEP_PACKS): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const packs = entries.filter((e) => e.isDirectory() && PACK_NAME.test(e.name)).map((e) => e.name).sort();
  const stale = entries.filter((e) => e.isDirectory() && e.name.startsWith('.writing-')).map((e) => e.name);
  const old = [...packs.slice(0, Math.max(0, packs.length - keep)), ...stale];
  for (const name of old) await rm(join(dir, name), { recursive: true, force: true });
  return old;
}

/** Writes one pack now; returns its folder. */
export async function writeDowntimePack(core: PackCore, dataDir: string, keep = KEEP_PACKS): Promise<string> {
  const settings = core.settings.get();
  const now = core.deps.clock();
  const lists = await core.services.print.lists();
  const files = downtimePackFiles(lists, settings.locale, packFormats(lists, settings.locale, now, settings.timeZone));
  const dir = join(dataDir, PACKS_DIR);
  const name = packName(now, settings.timeZone);
  const writing = join(dir, `.writing-${name}`);
  await mkdir(writing, { recursive: true });
  for (const [file, html] of Object.entries(files)) await writeFile(join(writing, file), html, 'utf8');
  const final = join(dir, name);
  // Two packs in the same second (a shutdown right after a round): the later one replaces it.
  await rm(final, { recursive: true, force: true });
  await rename(writing, final);
  await prunePacks(dir, keep);
  return final;
}
