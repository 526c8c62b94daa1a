/** The desk's parking: the spaces, a booking form, the bookings (cancel one), their CSV. */
import { useEffect, useState, type FormEvent } from 'react';
import type { ParkingBooking } from '../../../shared/contract/parking';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { toast } from '../stores/toast-store';
import { DataTable, type DataColumn } from '../ui/data-table';
import { DateInput } from '../ui/date-input';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { Page } from '../ui/page';
import { useParkingStore } from './parking-store';

function BookForm() {
  const t = useT();
  const spaces = useParkingStore((s) => s.spaces);
  const [draft, setDraft] = useState({ spaceId: '', plate: '', guestName: '', from: '', to: '' });
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const booking = await useParkingStore.getState().book({ ...draft, spaceId: Number(draft.spaceId) });
      toast('success', t('parking.booked', { label: booking.spaceLabel }));
      setDraft({ spaceId: '', plate: '', guestName: '', from: '', to: '' });
    } catch (refusal) {
      setError(refusal);
    }
  };
  const text = (key: 'plate' | 'guestName') => (
    <input className="input" value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} data-testid={`parking-${key}`} />
  );
  return (
    <form className="panel form-grid" onSubmit={(e) => void submit(e)} data-testid="parking-book-form">
      <ErrorAlert error={error} testId="parking-error" />
      <Field label={t('parking.label')}>
        <select className="input" value={draft.spaceId} onChange={(e) => setDraft({ ...draft, spaceId: e.target.value })} data-testid="parking-space">
          <option value="" />
          {spaces.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
        </select>
      </Field>
      <Field label={t('parking.plate')}>{text('plate')}</Field>
      <Field label={t('parking.guest')}>{text('guestName')}</Field>
      <Field label={t('parking.from')}><DateInput value={draft.from} onChange={(from) => setDraft({ ...draft, from })} testId="parking-from" /></Field>
      <Field label={t('parking.to')}><DateInput value={draft.to} onChange={(to) => setDraft({ ...draft, to })} testId="parking-to" /></Field>
      <button type="submit" className="button button-primary" data-testid="parking-book">{t('parking.book')}</button>
    </form>
  );
}

export function ParkingScreen() {
  const t = useT();
  const f = useFormats();
  const { bookings, spaces, error } = useParkingStore();
  const [label, setLabel] = useState('');
  useEffect(() => {
    useParkingStore.getState().load().catch(() => undefined);
  }, []);
  const columns: DataColumn<ParkingBooking>[] = [
    { header: t('parking.label'), strong: true, cell: (b) => b.spaceLabel },
    { header: t('parking.plate'), cell: (b) => b.plate },
    { header: t('parking.guest'), cell: (b) => b.guestName },
    { header: t('parking.from'), cell: (b) => f.shortDate(b.from) },
    { header: t('parking.to'), cell: (b) => f.shortDate(b.to) },
    { header: t('parking.status'), cell: (b) => b.status },
  ];
  const addSpace = () => void useParkingStore.getState().addSpace(label).then(() => setLabel(''), () => undefined);
  return (
    <Page
      titleId="parking-title" title={t('parking.title')} testId="parking-screen"
      head={
        <>
          <span className="muted">{t('parking.spaces')}: {spaces.map((s) => s.label).join(', ')}</span>
          <input className="input push-right" value={label} onChange={(e) => setLabel(e.target.value)} aria-label={t('parking.label')} data-testid="parking-new-label" />
          <button type="button" className="button" onClick={addSpace} data-testid="parking-add-space">{t('parking.addSpace')}</button>
          <button type="button" className="button" onClick={() => void useParkingStore.getState().exportCsv()} data-testid="parking-export">{t('parking.export')}</button>
        </>
      }
    >
      <ErrorAlert error={error} testId="parking-load-error" />
      <BookForm />
      <DataTable
        rows={bookings}
        rowTestId={(b) => `parking-row-${b.id}`}
        inactive={(b) => b.status === 'cancelled'}
        columns={columns}
        actionsHeader={t('parking.bookings')}
        actions={(b) => (b.status === 'booked' ? (
          <button type="button" className="button button-small" onClick={() => void useParkingStore.getState().cancel(b.id).catch(() => undefined)} data-testid={`parking-cancel-${b.id}`}>
            {t('parking.cancel')}
          </button>
        ) : null)}
      />
    </Page>
  );
}
