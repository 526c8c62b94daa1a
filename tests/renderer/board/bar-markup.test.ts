import { describe, expect, it } from 'vitest';
import type { BoardBlock, BoardStay } from '../../../shared/contract/board';
import { barsMarkup, escapeHtml, type BarsText, type BarsView } from '../../../renderer/src/board/bar-markup';
import { indexByRoom } from '../../../renderer/src/board/board-layout';

const aStay = (id: number, checkinDate: string, checkoutDate: string, more: Partial<BoardStay> = {}): BoardStay => ({
  id, roomId: 1, guestName: `Guest ${id}`, guests: 1, checkinDate, checkoutDate, status: 'booked', ...more,
});
const aBlock = (id: number, fromDate: string, toDate: string, reason = 'Paint'): BoardBlock => ({ id, roomId: 1, fromDate, toDate, reason, kind: 'blocked' });

/** 14 days of 40 px from 2026-05-01, all drawn. */
const view: BarsView = { from: '2026-05-01', days: 14, dayWidth: 40, drawnStart: 0, drawnEnd: 14 };
const text: BarsText = {
  stayTitle: (s) => `${s.guestName} (${s.status})`,
  blockTitle: (b) => `Blocked: ${b.reason}`,
  fit: (label) => label,
};

/** The bars as elements, the way the row's markup becomes them. */
function bars(stays: BoardStay[], blocks: BoardBlock[] = [], v: BarsView = view, t: BarsText = text) {
  const html = barsMarkup(indexByRoom(stays, blocks).get(1), v, t);
  return [...html.matchAll(/<div ([^>]*)>(.*?)<\/div>/g)].map(([, attrs, content]) => ({
    attrs: Object.fromEntries([...attrs!.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, k, val]) => [k!, val!])),
    content: content!,
  }));
}

describe('barsMarkup', () => {
  it('draws a stay from the middle of its arrival column to the middle of its departure column', () => {
    const [bar] = bars([aStay(7, '2026-05-03', '2026-05-05', { guestName: 'Ida Holm' })]);
    // [2.5 · 40, 4.5 · 40) less a 2 px gap at each end.
    expect(bar!.attrs).toMatchObject({
      role: 'button', class: 'bar bar-booked', style: 'left:102px;width:76px',
      'data-stay': '7', 'data-testid': 'stay-bar-7', 'data-status': 'booked', title: 'Ida Holm (booked)',
    });
    expect(bar!.content).toBe('Ida Holm');
  });

  it('escapes every text people typed, in content and attributes', () => {
    const name = `<img src=x onerror="alert('x')">&`;
    const [bar] = bars([aStay(1, '2026-05-03', '2026-05-05', { guestName: name })]);
    expect(bar!.content).toBe(escapeHtml(name));
    expect(bar!.content).not.toContain('<');
    expect(bar!.attrs.title).toBe(escapeHtml(`${name} (booked)`));
    const [block] = bars([], [aBlock(2, '2026-05-06', '2026-05-08', '"><script>x</script>')]);
    expect(block!.content).toBe('&quot;&gt;&lt;script&gt;x&lt;/script&gt;');
    expect(escapeHtml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;f');
  });

  it('paints blocks and no-shows first, so a stay that re-let the night lies on top', () => {
    const out = bars(
      [aStay(1, '2026-05-02', '2026-05-04'), aStay(2, '2026-05-03', '2026-05-05', { status: 'no_show' }), aStay(3, '2026-05-04', '2026-05-06')],
      [aBlock(9, '2026-05-10', '2026-05-12')],
    );
    expect(out.map((b) => b.attrs['data-testid'])).toEqual(['block-bar-9', 'stay-bar-2', 'stay-bar-1', 'stay-bar-3']);
  });

  it('draws only the bars that reach into the drawn days', () => {
    const stays = [aStay(1, '2026-05-01', '2026-05-03'), aStay(2, '2026-05-06', '2026-05-08'), aStay(3, '2026-05-12', '2026-05-14')];
    const drawn = bars(stays, [], { ...view, drawnStart: 4, drawnEnd: 9 });
    expect(drawn.map((b) => b.attrs['data-stay'])).toEqual(['2']);
  });

  it('marks a bar cut off by the period, and shows the guest count only on a wide bar', () => {
    const [early, wide, narrow] = bars([
      aStay(1, '2026-04-28', '2026-05-02'),
      aStay(2, '2026-05-04', '2026-05-08', { guests: 3 }),
      aStay(3, '2026-05-10', '2026-05-12', { guests: 3 }),
    ]);
    expect(early!.attrs.class).toBe('bar bar-booked clip-start');
    expect(wide!.attrs.class).toBe('bar bar-booked has-guests');
    expect(wide!.content).toBe('Guest 2<span class="bar-guests" aria-hidden="true">3</span>');
    expect(narrow!.attrs.class).toBe('bar bar-booked');
  });

  it('cuts the label to the room the bar has, and then names the bar by the whole name', () => {
    const rooms: number[] = [];
    const cutting: BarsText = {
      ...text,
      fit: (label, room) => {
        rooms.push(room);
        return label.slice(0, 3);
      },
    };
    const [bar] = bars([aStay(1, '2026-05-03', '2026-05-05', { guestName: 'Frederikke' })], [], view, cutting);
    // 76 px wide, less 8 + 6 padding, 3 px status edge and 1 px border.
    expect(rooms).toEqual([58]);
    expect(bar!.content).toBe('Fre');
    expect(bar!.attrs['aria-label']).toBe('Frederikke');
  });

  it('draws a stay with no nights as a marker where its night would begin, on top of the rest', () => {
    const out = bars([
      aStay(1, '2026-05-03', '2026-05-03', { status: 'checked_out', guestName: 'Ada <Day>' }),
      aStay(2, '2026-05-03', '2026-05-04', { guests: 2 }),
      aStay(3, '2026-05-05', '2026-05-05', { status: 'no_show' }),
    ]);
    // The stay that took the free night first, then the markers over it.
    expect(out[0]!.attrs['data-stay']).toBe('2');
    const [marker, noShow] = [out.find((b) => b.attrs['data-stay'] === '1')!, out.find((b) => b.attrs['data-stay'] === '3')!];
    // From the middle of the column, 16 px less a 2 px gap at each end; no label, named by the guest.
    expect(marker.attrs).toMatchObject({
      role: 'button', class: 'bar bar-checked_out bar-no-nights', style: 'left:102px;width:12px',
      'data-stay': '1', 'data-status': 'checked_out', 'data-nights': '0', title: 'Ada &lt;Day&gt; (checked_out)', 'aria-label': 'Ada &lt;Day&gt;',
    });
    expect(marker.content).toBe('');
    expect(noShow.attrs.class).toBe('bar bar-no_show bar-no-nights');
  });

  it('draws a marker only when its day is in the drawn days', () => {
    const stays = [aStay(1, '2026-05-03', '2026-05-03', { status: 'checked_out' }), aStay(2, '2026-05-09', '2026-05-09', { status: 'no_show' })];
    expect(bars(stays, [], { ...view, drawnStart: 7, drawnEnd: 14 }).map((b) => b.attrs['data-stay'])).toEqual(['2']);
    expect(bars(stays, [], { ...view, from: '2026-05-04' }).map((b) => b.attrs['data-stay'])).toEqual(['2']);
  });

  it('is empty for a room without stays or blocks', () => {
    expect(barsMarkup(undefined, view, text)).toBe('');
  });
});
