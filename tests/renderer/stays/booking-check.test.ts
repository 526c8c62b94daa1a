import { describe, expect, it } from 'vitest';
import { translate, type Lang } from '../../../renderer/src/i18n/translate';
import { checkBooking, type BookingTexts } from '../../../renderer/src/stays/booking-check';
// The words, installed as main.tsx installs them.
import '../../../renderer/src/composition/dictionaries';

const tr = (lang: Lang) => (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params);

const typed = (overrides: Partial<BookingTexts> = {}): BookingTexts => ({
  roomId: '3', checkin: '2026-05-01', checkout: '2026-05-03', guestName: '  Ida Jensen ', email: '', phone: '', guests: '2', price: undefined, notes: '', ...overrides,
});

describe("the booking dialog checked by the contract's StayCreateSchema", () => {
  it('sends what the schema made of the fields: trimmed, empty optional fields left out', async () => {
    expect(await checkBooking(typed(), tr('en'))).toEqual({
      ok: true,
      input: { roomId: 3, checkin: '2026-05-01', checkout: '2026-05-03', guestName: 'Ida Jensen', guests: 2 },
    });
  });

  it("says the contract's limits in the desk's language", async () => {
    expect(await checkBooking(typed({ guests: '21', email: 'not-an-address', phone: '1'.repeat(41) }), tr('en'))).toEqual({
      ok: false,
      errors: { guests: 'Enter 20 or less', guestEmail: 'Enter an e-mail address such as name@example.com', guestPhone: 'At most 40 characters' },
    });
  });

  it('asks for the room and the guest, in Danish too, and calls a price that is no amount a bad amount', async () => {
    expect(await checkBooking(typed({ roomId: '', guestName: ' ', guests: 'two', price: null }), tr('da'))).toEqual({
      ok: false,
      errors: { roomId: 'Værelse skal udfyldes', guestName: 'Gæstens navn skal udfyldes', guests: 'Skriv et helt tal', price: 'Skriv et beløb som 1195 eller 1.195,50' },
    });
  });
});
