/** The parking's settings section (shared/contract/settings-section.ts): the longest booking of a space. */
import { z } from 'zod';
import { settingsSection } from './settings-section';

export const parkingSettings = settingsSection({
  /** The most days one booking may hold a space. */
  parkingMaxDays: { answer: z.number().int(), update: z.number().int().min(1).max(365), default: 14 },
});
