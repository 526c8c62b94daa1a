/** The printing's settings section (shared/contract/settings-section.ts; docs/printing.md). */
import { z } from 'zod';
import { settingsSection } from './settings-section';

export const printSettings = settingsSection({
  /** How often the host writes the downtime pack (arrivals, in house, room status) to the data folder, in minutes. */
  downtimePackMinutes: { answer: z.number().int(), update: z.number().int().min(5).max(1440), default: 30 },
});
