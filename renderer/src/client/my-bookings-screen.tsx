/** A client's own bookings (the host answers a client with its own only), and booking a room. */
import { useEffect } from 'react';
import type { SeedBooking } from '../../../shared/contract/seed-bookings';
import { formatLongDate } from '../format/dates';
import { useIntlLocale, useT } from '../i18n/locale-store';
import { useMyBookingsStore } from './my-bookings-store';
import { ErrorAlert } from '../ui/error-alert';
import { StatusPill } from '../ui/status-pill';
import { ClientBookingForm } from './client-booking-form';
import { Page } from '../ui/page';

/** `2026-05-02T14:00:00+02:00` → its hotel-local date, formatted. */
function dayOf(instant: string, locale: string): string {
  return formatLongDate(instant.slice(0, 10), locale);
}

function BookingRow({ b, locale }: { b: SeedBooking; locale: string }) {
  return (
    <tr data-testid={`my-booking-${b.id}`}>
      <td className="num">{b.id}</td>
      <td className="num strong">{b.roomnumber}</td>
      <td>{b.category}</td>
      <td>{b.guest_name}</td>
      <td>{dayOf(b.checkin, locale)}</td>
      <td>{dayOf(b.checkout, locale)}</td>
      <td>
        <StatusPill status={b.status} />
      </td>
    </tr>
  );
}

export function MyBookingsScreen() {
  const t = useT();
  const locale = useIntlLocale();
  const { bookings, loaded, error } = useMyBookingsStore();

  useEffect(() => {
    useMyBookingsStore.getState().load().catch(() => undefined);
  }, []);

  return (
    <Page
      titleId="my-bookings-title" title={t('myBookings.title')} testId="my-bookings"
      head={
        <>
          <span className="muted">{t('myBookings.count', { n: bookings.length })}</span>
          <button type="button" className="button push-right" onClick={() => void useMyBookingsStore.getState().load().catch(() => undefined)}>
            {t('common.refresh')}
          </button>
        </>
      }
    >
      <ErrorAlert error={error} testId="my-bookings-error" />
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col" className="num">{t('myBookings.id')}</th>
              <th scope="col" className="num">{t('myBookings.room')}</th>
              <th scope="col">{t('myBookings.category')}</th>
              <th scope="col">{t('myBookings.guestName')}</th>
              <th scope="col">{t('myBookings.checkin')}</th>
              <th scope="col">{t('myBookings.checkout')}</th>
              <th scope="col">{t('myBookings.status')}</th>
            </tr>
          </thead>
          <tbody>
            {bookings.map((b) => (
              <BookingRow key={b.id} b={b} locale={locale} />
            ))}
          </tbody>
        </table>
        {loaded && bookings.length === 0 ? <p className="muted panel-center" data-testid="my-bookings-empty">{t('myBookings.empty')}</p> : null}
        {!loaded && !error ? <p className="muted panel-center">{t('common.loading')}</p> : null}
      </div>
      <ClientBookingForm />
    </Page>
  );
}
