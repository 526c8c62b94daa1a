import '../browser-globals';
import { beforeEach, describe, expect, it } from 'vitest';
import { useLocaleStore } from '../../../renderer/src/i18n/lang-store';
import { hotelToday, useSettingsStore } from '../../../renderer/src/settings/settings-store';
import { registerRefresher } from '../../../renderer/src/stores/refresh-after-change';
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

  it("knows today's date at the hotel, not at this PC", () => {
    useSettingsStore.setState({ settings: someSettings({ timeZone: 'Pacific/Kiritimati' }) });
    // 2026-05-01 20:00 UTC is already 2 May in Kiritimati (UTC+14).
    expect(hotelToday(Date.UTC(2026, 4, 1, 20))).toBe('2026-05-02');
    useSettingsStore.setState({ settings: someSettings({ timeZone: 'America/Los_Angeles' }) });
    expect(hotelToday(Date.UTC(2026, 4, 1, 5))).toBe('2026-04-30');
  });

  it('forgets the settings on sign-out', () => {
    useSettingsStore.setState({ settings: someSettings() });
    clearSessionData();
    expect(useSettingsStore.getState().settings).toBeNull();
  });
});
