import '../browser-globals';
import '../installed-composition';
import { beforeEach, describe, expect, it } from 'vitest';
import { useLocaleStore } from '../../../renderer/src/i18n/lang-store';
import { useSettingsStore } from '../../../renderer/src/settings/settings-store';
import { hotelZone, useHotelStore } from '../../../renderer/src/stores/hotel-store';
import { registerRefresher } from '../../../renderer/src/stores/refreshers';
import { clearSessionData } from '../../../renderer/src/stores/session-data';
import { setTransport } from '../../../renderer/src/transport/current-transport';
import { someSettings } from '../builders';
import { fakeTransport, type FakeTransport } from '../stores/fake-transport';

let t: FakeTransport;
const reloads: string[] = [];
registerRefresher('board', async () => void reloads.push('board'));
registerRefresher('network', async () => void reloads.push('network'));

beforeEach(() => {
  t = fakeTransport('http');
  setTransport(t);
  reloads.length = 0;
  clearSessionData();
  useLocaleStore.setState({ lang: 'da', chosen: false });
});

describe('settings store', () => {
  it("loads the settings and speaks the hotel's language until the desk picks one", async () => {
    t.answer('settings:get', () => someSettings({ locale: 'en' }));
    await useSettingsStore.getState().load();
    expect(useSettingsStore.getState().settings?.hotelName).toBe('Hotel Test');
    expect(useLocaleStore.getState().lang).toBe('en');

    useLocaleStore.getState().choose('da');
    useSettingsStore.getState().received(someSettings({ locale: 'en', hotelName: 'Renamed' }));
    expect(useSettingsStore.getState().settings?.hotelName).toBe('Renamed');
    expect(useLocaleStore.getState().lang).toBe('da');
  });

  it('saves a change, then reloads the board and where the host listens', async () => {
    t.answer('settings:update', () => someSettings({ lanEnabled: true }));
    const saved = await useSettingsStore.getState().update({ lanEnabled: true });
    expect(saved.lanEnabled).toBe(true);
    expect(useSettingsStore.getState().settings?.lanEnabled).toBe(true);
    expect(reloads.sort()).toEqual(['board', 'network']);
  });

  it("hands the hotel's zone and currency to the screens as settings arrive (loaded, saved, from another desk), and forgets them on sign-out", async () => {
    t.answer('settings:get', () => someSettings({ timeZone: 'Pacific/Kiritimati', currency: 'EUR' }));
    await useSettingsStore.getState().load();
    expect(useHotelStore.getState()).toMatchObject({ timeZone: 'Pacific/Kiritimati', currency: 'EUR' });
    t.answer('settings:update', () => someSettings({ timeZone: 'America/Los_Angeles', currency: 'USD' }));
    await useSettingsStore.getState().update({ timeZone: 'America/Los_Angeles' });
    expect(hotelZone()).toBe('America/Los_Angeles');
    useSettingsStore.getState().received(someSettings({ timeZone: 'Europe/Oslo', currency: 'NOK' }));
    expect(useHotelStore.getState()).toMatchObject({ timeZone: 'Europe/Oslo', currency: 'NOK' });
    clearSessionData();
    expect(useHotelStore.getState()).toMatchObject({ timeZone: null, currency: null });
  });

  it('forgets the settings on sign-out', () => {
    useSettingsStore.setState({ settings: someSettings() });
    clearSessionData();
    expect(useSettingsStore.getState().settings).toBeNull();
  });
});
