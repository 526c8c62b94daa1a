/** The reports' settings section (shared/contract/settings-section.ts; docs/reports.md). */
import { z } from 'zod';
import { settingsSection } from './settings-section';

export const reportSettings = settingsSection({
  /** Whether out-of-order rooms leave the rooms available (default: they stay in, as USALI counts them). */
  reportsOutOfOrderUnavailable: { answer: z.boolean(), update: z.boolean(), default: false },
});
