/**
 * Add a provider or change one: name, e-mail, appointment length, buffer, price, working hours per
 * weekday (a day unticked is not worked) and days off.
 */
import { useState } from 'react';
import type { Provider, WeekHours, Weekday } from '../../../shared/contract/appointments';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { toast } from '../stores/toast-store';
import { Field } from '../ui/field';
import { FormDialog } from '../ui/form-dialog';
import { useFormSubmit } from '../ui/use-form-submit';
import { DateList } from './date-list';
import { useSetupStore } from './setup-store';
import { WEEKDAYS } from './vocabulary';
import { TimeInput } from '../ui/time-input';

type DayHours = { works: boolean; start: string; end: string };
const DEFAULT_DAY: DayHours = { works: true, start: '09:00', end: '17:00' };
const TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

function hoursOf(p: Provider | null): Record<Weekday, DayHours> {
  return Object.fromEntries(
    WEEKDAYS.map((d) => {
      const h = p ? p.workingHours[d] : DEFAULT_DAY;
      return [d, h ? { works: true, start: h.start, end: h.end } : { ...DEFAULT_DAY, works: false }];
    }),
  ) as Record<Weekday, DayHours>;
}

const whole = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : null);

// eslint-disable-next-line max-lines-per-function -- one form's fields, with a working-hours row per weekday, share its state
export function ProviderDialog({ provider, onClose }: { provider: Provider | null; onClose(): void }) {
  const t = useT();
  const f = useFormats();
  const [name, setName] = useState(provider?.name ?? '');
  const [email, setEmail] = useState(provider?.email ?? '');
  const [minutes, setMinutes] = useState(String(provider?.appointmentMinutes ?? 30));
  const [buffer, setBuffer] = useState(String(provider?.bufferMinutes ?? 0));
  const [price, setPrice] = useState(provider ? f.moneyInput(provider.price) : '');
  const [hours, setHours] = useState(() => hoursOf(provider));
  const [daysOff, setDaysOff] = useState<string[]>(provider?.daysOff ?? []);
  const [active, setActive] = useState(provider?.active ?? true);

  const priceMinor = price.trim() ? f.parseMoney(price) : 0;
  const len = whole(minutes);
  const buf = whole(buffer);
  const badDays = WEEKDAYS.filter((d) => hours[d].works && !(TIME.test(hours[d].start) && TIME.test(hours[d].end) && hours[d].start < hours[d].end));
  const errors = {
    name: name.trim() ? null : t('validation.required', { field: t('appt.name') }),
    email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? null : t('validation.email'),
    minutes: len !== null && len >= 5 && len <= 480 ? null : t('validation.range', { min: 5, max: 480 }),
    buffer: buf !== null && buf <= 240 ? null : t('validation.range', { min: 0, max: 240 }),
    price: priceMinor !== null ? null : t('validation.money'),
    hours: badDays.length === 0 ? null : t('appt.hoursInvalid'),
  };
  const { busy, error, submit, show } = useFormSubmit(Object.values(errors).some(Boolean), async () => {
    const workingHours = Object.fromEntries(WEEKDAYS.map((d) => [d, hours[d].works ? { start: hours[d].start, end: hours[d].end } : null])) as WeekHours;
    const fields = { name: name.trim(), email: email.trim(), appointmentMinutes: len!, bufferMinutes: buf!, price: priceMinor!, workingHours, daysOff: [...daysOff].sort(), active };
    const store = useSetupStore.getState();
    const saved = provider ? await store.updateProvider({ id: provider.id, ...fields }) : await store.createProvider(fields);
    toast('success', t('appt.providerSaved', { name: saved.name }));
    onClose();
  });

  const setDay = (d: Weekday, patch: Partial<DayHours>) => setHours((h) => ({ ...h, [d]: { ...h[d], ...patch } }));

  return (
    <FormDialog
      title={provider ? provider.name : t('appt.addProvider')}
      onClose={onClose}
      onSubmit={() => void submit()}
      size="lg"
      testId="provider-dialog"
      busy={busy}
      error={error}
      submitTestId="provider-submit"
      below={
        <>
          <fieldset className="fieldset">
            <legend>{t('appt.workingHours')}</legend>
            {show(errors.hours) ? <p className="field-error">{errors.hours}</p> : null}
            <table className="table appt-hours">
              <tbody>
                {WEEKDAYS.map((d) => (
                  <tr key={d} data-testid={`provider-day-${d}`}>
                    <th scope="row">
                      <label className="choice">
                        <input type="checkbox" checked={hours[d].works} onChange={(e) => setDay(d, { works: e.target.checked })} data-testid={`provider-works-${d}`} />
                        {t(`appt.weekday.${d}`)}
                      </label>
                    </th>
                    <td>
                      <TimeInput className="input input-compact" ariaLabel={t('appt.startOf', { day: t(`appt.weekday.${d}`) })} disabled={!hours[d].works} value={hours[d].start} onChange={(v) => setDay(d, { start: v })} testId={`provider-start-${d}`} />
                    </td>
                    <td>
                      <TimeInput className="input input-compact" ariaLabel={t('appt.endOf', { day: t(`appt.weekday.${d}`) })} disabled={!hours[d].works} value={hours[d].end} onChange={(v) => setDay(d, { end: v })} testId={`provider-end-${d}`} />
                    </td>
                    <td className="muted small">{hours[d].works ? '' : t('appt.dayNotWorked')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </fieldset>
          <DateList label={t('appt.daysOff')} dates={daysOff} onChange={setDaysOff} testId="provider-days-off" />
        </>
      }
    >
      <Field label={t('appt.name')} error={show(errors.name)}>
        <input className="input" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} data-autofocus data-testid="provider-name" />
      </Field>
      <Field label={t('appt.email')} error={show(errors.email)}>
        <input type="email" className="input" value={email} maxLength={200} onChange={(e) => setEmail(e.target.value)} data-testid="provider-email" />
      </Field>
      <Field label={t('appt.length')} error={show(errors.minutes)}>
        <input type="number" className="input" min={5} max={480} value={minutes} onChange={(e) => setMinutes(e.target.value)} data-testid="provider-minutes" />
      </Field>
      <Field label={t('appt.buffer')} error={show(errors.buffer)}>
        <input type="number" className="input" min={0} max={240} value={buffer} onChange={(e) => setBuffer(e.target.value)} data-testid="provider-buffer" />
      </Field>
      <Field label={`${t('appt.price')} (${f.currency})`} error={show(errors.price)}>
        <input className="input" inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} data-testid="provider-price" />
      </Field>
      <Field label={t('appt.inUse')} inline>
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} data-testid="provider-active" />
      </Field>
    </FormDialog>
  );
}
