/**
 * The printed lists (issue 17 §2) on a Danish desk, in Chromium against `npm run serve`: each print
 * view rendered to PDF by Chromium (`page.pdf()`, the engine of Electron's `printToPDF`) and its text
 * read back with pdftotext (Debian's poppler-utils): the list's words and guests are on the paper, the
 * desk's header is not, and the housekeeping list starts a page per floor. The Print button prints
 * the page in a browser (`window.print()`).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Stay } from '../../shared/contract/stays';
import { aStay } from './support/api-client';
import { hotelDay, type Desk } from './support/desk-fixture';
import { hotelDeskPerFile } from './support/hotel-desk';

const run = promisify(execFile);
let desk: Desk;
let page: Page;
let arriving: Stay;
let inHouse: Stay;
let dir: string;
const rooms = hotelDeskPerFile(
  { rooms: [[101, { category: 'Enkeltværelse', nightlyRate: 75_000 }], [201, { category: 'Suite', floor: 2 }]], settings: { locale: 'da' } },
  (opened) => ({ desk, page } = opened),
);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'frontdesk-print-'));
  arriving = await aStay(desk.api, { room: rooms.get(101)!, checkin: hotelDay(0), checkout: hotelDay(2), guestName: 'Astrid Ankomst' });
  inHouse = await aStay(desk.api, { room: rooms.get(201)!, checkin: hotelDay(0), checkout: hotelDay(3), guestName: 'Søren Indlogeret' });
  await desk.api.call('POST', `/api/v1/stays/${inHouse.id}/check-in`);
});

/** The print view of `hash` as Chromium prints it, as text (pages split by form feeds). */
async function printedText(hash: string, ready: string): Promise<string> {
  await page.goto(`/#/print?${hash}`);
  await page.getByTestId(ready).waitFor();
  const file = join(dir, `${hash.replace(/\W/g, '-')}.pdf`);
  await writeFile(file, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  const { stdout } = await run('pdftotext', ['-layout', file, '-']);
  return stdout;
}

describe('printed lists (Danish)', () => {
  it('prints the arrivals with the guest, room, nights and price, and none of the desk\'s header', async () => {
    const text = await printedText('list=arrivals', 'print-sheet-arrivals');
    expect(text).toContain('Ankomster');
    expect(text).toContain('Hotel E2E');
    expect(text).toMatch(/101\s+Astrid Ankomst/);
    expect(text).toContain('Enkeltværelse');
    expect(text).toMatch(/1\.500,00/);
    expect(text).not.toContain('Søren Indlogeret');
    // Paper only: no navigation, no list buttons.
    expect(text).not.toContain('Oversigt');
    expect(text).not.toContain('Registreringskort');
    expect(text.split('\f').filter((p) => p.trim()).length).toBe(1);
  });

  it('prints the guests in house and the (empty) departures', async () => {
    const house = await printedText('list=inHouse', 'print-sheet-inHouse');
    expect(house).toContain('Indlogerede');
    expect(house).toMatch(/201\s+Søren Indlogeret/);
    const departures = await printedText('list=departures', 'print-sheet-departures');
    expect(departures).toContain('Afrejser');
    expect(departures).toContain('Ingen på denne liste.');
  });

  it('prints the housekeeping list a floor to a page', async () => {
    const text = await printedText('list=housekeeping', 'print-sheet-housekeeping');
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('1. sal');
    expect(pages[0]).toMatch(/101\s+Enkeltværelse\s+Rent\s+Astrid Ankomst/);
    expect(pages[1]).toContain('2. sal');
    expect(pages[1]).toMatch(/201\s+Suite\s+Rent\s+Søren Indlogeret/);
  });

  it('prints a guest\'s registration card with the stay and the lines to sign', async () => {
    const text = await printedText(`list=card&stay=${arriving.id}`, 'print-sheet-card');
    expect(text).toContain('Registreringskort');
    expect(text).toContain(`#${arriving.id}`);
    expect(text).toContain('Astrid Ankomst');
    expect(text).toContain('Gæstens underskrift');
  });

  it('prints the page with the browser\'s print when Udskriv is clicked', async () => {
    await page.goto('/#/print?list=arrivals');
    await page.getByTestId('print-sheet-arrivals').waitFor();
    await page.evaluate(() => {
      const w = globalThis as unknown as { printed: number; print(): void };
      w.printed = 0;
      w.print = () => void (w.printed += 1);
    });
    await page.getByTestId('print-go').click();
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { printed: number }).printed)).toBe(1);
  });
});
