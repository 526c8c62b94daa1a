/**
 * A guest's registration card (issue 17 §2): the stay as booked (`stays:get`), and the lines the
 * guest fills in and signs at arrival. One A4 page.
 */
import type { Stay } from '../../../shared/contract/stays';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';

function Line({ label, value }: { label: string; value?: string }) {
  return (
    <div className="card-line">
      <span className="card-label">{label}</span>
      <span className="card-value">{value ?? ''}</span>
    </div>
  );
}

export function RegistrationCard({ stay, hotelName }: { stay: Stay; hotelName: string }) {
  const t = useT();
  const f = useFormats();
  return (
    <article className="print-sheet registration-card" data-testid="print-sheet-card">
      <header className="print-head">
        <h2>{t('print.heading.card')}</h2>
        <p className="print-meta">{hotelName}</p>
      </header>
      <Line label={t('print.card.stay')} value={`#${stay.id}`} />
      <Line label={t('print.card.name')} value={stay.guestName} />
      <Line label={t('print.card.address')} />
      <Line label={t('print.card.nationality')} />
      <Line label={t('print.card.passport')} />
      <Line label={t('print.card.email')} value={stay.guestEmail ?? ''} />
      <Line label={t('print.card.phone')} value={stay.guestPhone ?? ''} />
      <Line label={t('print.card.room')} value={`${stay.roomNumber} · ${stay.category}`} />
      <Line label={t('print.card.period')} value={`${f.longDate(stay.checkinDate)} – ${f.longDate(stay.checkoutDate)} (${stay.nights} ${t('print.col.nights').toLowerCase()})`} />
      <Line label={t('print.card.guests')} value={String(stay.guests)} />
      <Line label={t('print.card.price')} value={f.money(stay.price)} />
      <div className="card-sign">
        <Line label={t('print.card.date')} />
        <Line label={t('print.card.signature')} />
      </div>
    </article>
  );
}
