/**
 * A stay's guest details (issue 10 item 7): edit name, e-mail, phone, guests (at most the room's
 * capacity, checked again by the host) and notes; a returning guest's profile (the stays that share
 * an e-mail or phone, `guests:profile`), shown in the stay dialog and offered in New stay.
 */
import { useEffect, useState } from 'react';
import type { GuestProfile } from '../../../shared/contract/stay-desk';
import type { Stay } from '../../../shared/contract/stays';
import { useBoardStore } from '../board/board-store';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { CancelSubmit } from '../ui/cancel-submit';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { useFormSubmit } from '../ui/use-form-submit';
import { useStaysStore } from './stays-store';

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function GuestEditPanel({ stay, onDone, onBack }: { stay: Stay; onDone(stay: Stay): void; onBack(): void }) {
  const t = useT();
  const capacity = useBoardStore((s) => s.board?.rooms.find((r) => r.id === stay.roomId)?.capacity);
  const [name, setName] = useState(stay.guestName);
  const [email, setEmail] = useState(stay.guestEmail ?? '');
  const [phone, setPhone] = useState(stay.guestPhone ?? '');
  const [guests, setGuests] = useState(String(stay.guests));
  const [notes, setNotes] = useState(stay.notes);

  const count = Number(guests);
  const nameError = name.trim() === '' ? t('validation.required', { field: t('booking.guestName') }) : null;
  const emailError = email.trim() !== '' && !EMAIL_RE.test(email.trim()) ? t('validation.email') : null;
  const guestsError = !Number.isInteger(count) || count < 1 || count > 20
    ? t('validation.range', { min: 1, max: capacity ?? 20 })
    : capacity !== undefined && count > capacity
      ? t('guest.capacity', { room: stay.roomNumber, capacity })
      : null;
  const patch = {
    ...(name.trim() !== stay.guestName ? { guestName: name.trim() } : {}),
    ...(email.trim() !== (stay.guestEmail ?? '') ? { guestEmail: email.trim() === '' ? null : email.trim() } : {}),
    ...(phone.trim() !== (stay.guestPhone ?? '') ? { guestPhone: phone.trim() === '' ? null : phone.trim() } : {}),
    ...(count !== stay.guests ? { guests: count } : {}),
    ...(notes !== stay.notes ? { notes } : {}),
  };
  const unchanged = Object.keys(patch).length === 0;
  const invalid = Boolean(nameError || emailError || guestsError);

  const { busy, error, submit } = useFormSubmit(invalid || unchanged, async () => {
    onDone(await useStaysStore.getState().updateGuest({ id: stay.id, ...patch }));
  });

  return (
    <form className="change-panel" onSubmit={(e) => { e.preventDefault(); void submit(); }} data-testid="guest-edit-panel">
      <ErrorAlert error={error} />
      <div className="form-grid">
        <Field label={t('booking.guestName')} wide error={nameError}>
          <input className="input" value={name} onChange={(e) => setName(e.target.value)} autoFocus autoComplete="off" data-testid="guest-edit-name" />
        </Field>
        <Field label={t('booking.email')} error={emailError} hint={t('common.optional')}>
          <input type="email" className="input" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" data-testid="guest-edit-email" />
        </Field>
        <Field label={t('booking.phone')} hint={t('common.optional')}>
          <input type="tel" className="input" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="off" data-testid="guest-edit-phone" />
        </Field>
        <Field label={t('booking.guests')} error={guestsError} hint={capacity !== undefined ? t('guest.capacity', { room: stay.roomNumber, capacity }) : undefined}>
          <input type="number" className="input" min={1} max={capacity} value={guests} onChange={(e) => setGuests(e.target.value)} data-testid="guest-edit-guests" />
        </Field>
        <Field label={t('booking.notes')} wide hint={t('common.optional')}>
          <textarea className="input" rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} data-testid="guest-edit-notes" />
        </Field>
      </div>
      <div className="button-row">
        <CancelSubmit onCancel={onBack} busy={busy} submitLabel={t('guest.save')} submitTestId="guest-edit-submit" disabled={invalid || unchanged} />
      </div>
    </form>
  );
}

/** The profile for an e-mail and/or phone, reloaded when they change; null until known or when neither is given. */
export function useGuestProfile(email: string | null, phone: string | null): GuestProfile | null {
  const [profile, setProfile] = useState<GuestProfile | null>(null);
  const validEmail = email && EMAIL_RE.test(email.trim()) ? email.trim() : undefined;
  const validPhone = phone && /\d{4,}/.test(phone.replace(/\D/g, '')) ? phone.trim() : undefined;
  useEffect(() => {
    setProfile(null);
    if (!validEmail && !validPhone) return;
    let live = true;
    useStaysStore
      .getState()
      .guestProfile({ ...(validEmail ? { email: validEmail } : {}), ...(validPhone ? { phone: validPhone } : {}), limit: 20 })
      .then((p) => live && setProfile(p))
      // A profile is a help, not a requirement: a failed lookup shows nothing.
      .catch(() => live && setProfile(null));
    return () => {
      live = false;
    };
  }, [validEmail, validPhone]);
  return profile;
}

/** In the stay dialog: the guest's other stays, when there are any. */
export function GuestProfileSummary({ stay }: { stay: Stay }) {
  const t = useT();
  const f = useFormats();
  const profile = useGuestProfile(stay.guestEmail, stay.guestPhone);
  if (!profile || profile.total < 2) return null;
  return (
    <details className="guest-profile" data-testid="guest-profile">
      <summary>{t('guest.profile', { n: profile.total })}</summary>
      <ul>
        {profile.stays.map((s) => (
          <li key={s.id} data-testid={`guest-profile-stay-${s.id}`}>
            {t('guest.profileStay', { id: s.id, room: s.roomNumber, from: f.shortDate(s.checkinDate), to: f.shortDate(s.checkoutDate), status: t(`status.${s.status}`) })}
            {s.id === stay.id ? ` (${t('guest.profileThis')})` : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** In New stay: a returning guest found by the e-mail or phone typed, with one click to use their details. */
export function ReturningGuest(props: { email: string; phone: string; onUse(profile: GuestProfile): void }) {
  const t = useT();
  const profile = useGuestProfile(props.email, props.phone);
  if (!profile || profile.total === 0) return null;
  return (
    <div className="returning-guest field-wide" role="status" data-testid="returning-guest">
      <span>{t('guest.returning', { name: profile.guestName ?? '', n: profile.total })}</span>
      <button type="button" className="button button-small" onClick={() => props.onUse(profile)} data-testid="returning-guest-use">
        {t('guest.useDetails')}
      </button>
    </div>
  );
}
