/**
 * Admin → Services (appointment setup): the service rooms (seed 003) and the providers (seed 001) as tables;
 * add, change, take out of use and back; and "Generate timeslots" for a room, which says how many
 * slots it will make before it makes them.
 */
import { useEffect, useState } from 'react';
import type { Provider, ServiceRoom } from '../../../shared/contract/appointments';
import { errorText } from '../i18n/error-text';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { toast } from '../stores/toast-store';
import { ErrorAlert } from '../ui/error-alert';
import { GenerateDialog } from './generate-dialog';
import { ProviderDialog } from './provider-dialog';
import { ServiceRoomDialog } from './service-room-dialog';
import { useSetupStore } from './setup-store';
import './appointments.css';
import './appointments-text';
import { WEEKDAYS } from './vocabulary';

type Open = { kind: 'room'; room: ServiceRoom | null } | { kind: 'provider'; provider: Provider | null } | { kind: 'generate'; roomId: number | null } | null;

function HoursSummary({ p }: { p: Provider }) {
  const t = useT();
  return (
    <span className="small">
      {WEEKDAYS.map((d) => {
        const h = p.workingHours[d];
        return (
          <span key={d} className={`appt-hours-day${h ? '' : ' muted'}`}>
            {t(`appt.weekdayShort.${d}`)} {h ? `${h.start}–${h.end}` : '—'}
          </span>
        );
      })}
    </span>
  );
}

export function AppointmentSetupScreen() {
  const t = useT();
  const f = useFormats();
  const { rooms, providers, loaded, error } = useSetupStore();
  const [open, setOpen] = useState<Open>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);

  useEffect(() => {
    useSetupStore.getState().load().catch(() => undefined);
  }, []);

  const act = async (key: string, action: () => Promise<unknown>, done: string) => {
    setBusyKey(key);
    try {
      await action();
      toast('success', done);
    } catch (e) {
      toast('error', errorText(e, t));
    } finally {
      setBusyKey(null);
    }
  };
  const store = useSetupStore.getState;

  return (
    <section className="screen admin-screen" data-testid="appointment-setup" aria-labelledby="setup-title">
      <div className="screen-head">
        <h1 id="setup-title">{t('appt.setupTitle')}</h1>
        <button type="button" className="button push-right" onClick={() => setOpen({ kind: 'generate', roomId: null })} disabled={!rooms.some((r) => r.isActive)} data-testid="generate-open">
          {t('appt.generateTitle')}
        </button>
      </div>
      <ErrorAlert error={error} testId="setup-error" />

      <div className="panel settings-section">
        <div className="screen-head">
          <h2>{t('appt.serviceRooms')}</h2>
          <button type="button" className="button button-primary push-right" onClick={() => setOpen({ kind: 'room', room: null })} data-testid="service-room-add">
            {t('appt.addRoom')}
          </button>
        </div>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('appt.name')}</th>
                <th scope="col">{t('appt.roomTypeLabel')}</th>
                <th scope="col" className="num">{t('appt.capacity')}</th>
                <th scope="col" className="num">{t('appt.hourlyRate')}</th>
                <th scope="col">{t('appt.state')}</th>
                <th scope="col" className="actions-col">{t('appt.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rooms.map((r) => (
                <tr key={r.id} className={r.isActive ? '' : 'is-inactive'} data-testid={`service-room-row-${r.id}`}>
                  <td className="strong">{r.name}</td>
                  <td>{t(`appt.roomType.${r.roomType}`)}</td>
                  <td className="num">{r.capacity}</td>
                  <td className="num">{f.money(r.hourlyRate)}</td>
                  <td>{r.isActive ? t('appt.active') : t('appt.inactive')}</td>
                  <td className="actions-col">
                    {r.isActive ? (
                      <button type="button" className="button button-small" onClick={() => setOpen({ kind: 'generate', roomId: r.id })} data-testid={`generate-room-${r.id}`}>
                        {t('appt.generate')}
                      </button>
                    ) : null}
                    <button type="button" className="button button-small" onClick={() => setOpen({ kind: 'room', room: r })} data-testid={`service-room-edit-${r.id}`}>
                      {t('common.edit')}
                    </button>
                    <button
                      type="button"
                      className={`button button-small${r.isActive ? ' button-quiet-danger' : ''}`}
                      disabled={busyKey === `room-${r.id}`}
                      onClick={() =>
                        void act(
                          `room-${r.id}`,
                          () => (r.isActive ? store().deactivateRoom(r.id) : store().updateRoom({ id: r.id, isActive: true })),
                          t(r.isActive ? 'appt.roomDeactivated' : 'appt.roomReactivated', { name: r.name }),
                        )
                      }
                      data-testid={`service-room-${r.isActive ? 'deactivate' : 'reactivate'}-${r.id}`}
                    >
                      {r.isActive ? t('appt.deactivate') : t('appt.reactivate')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {loaded && rooms.length === 0 ? <p className="muted panel-center">{t('appt.noRooms')}</p> : null}
          {!loaded && !error ? <p className="muted panel-center">{t('common.loading')}</p> : null}
        </div>
      </div>

      <div className="panel settings-section">
        <div className="screen-head">
          <h2>{t('appt.providers')}</h2>
          <button type="button" className="button button-primary push-right" onClick={() => setOpen({ kind: 'provider', provider: null })} data-testid="provider-add">
            {t('appt.addProvider')}
          </button>
        </div>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('appt.name')}</th>
                <th scope="col">{t('appt.email')}</th>
                <th scope="col" className="num">{t('appt.length')}</th>
                <th scope="col" className="num">{t('appt.price')}</th>
                <th scope="col">{t('appt.workingHours')}</th>
                <th scope="col" className="num">{t('appt.daysOff')}</th>
                <th scope="col">{t('appt.state')}</th>
                <th scope="col" className="actions-col">{t('appt.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {providers.map((p) => (
                <tr key={p.id} className={p.active ? '' : 'is-inactive'} data-testid={`provider-row-${p.id}`}>
                  <td className="strong">{p.name}</td>
                  <td>{p.email}</td>
                  <td className="num">{t('appt.minutesEach', { n: p.appointmentMinutes })}</td>
                  <td className="num">{f.money(p.price)}</td>
                  <td>
                    <HoursSummary p={p} />
                  </td>
                  <td className="num">{p.daysOff.length}</td>
                  <td>{p.active ? t('appt.active') : t('appt.inactive')}</td>
                  <td className="actions-col">
                    <button type="button" className="button button-small" onClick={() => setOpen({ kind: 'provider', provider: p })} data-testid={`provider-edit-${p.id}`}>
                      {t('common.edit')}
                    </button>
                    <button
                      type="button"
                      className={`button button-small${p.active ? ' button-quiet-danger' : ''}`}
                      disabled={busyKey === `provider-${p.id}`}
                      onClick={() =>
                        void act(`provider-${p.id}`, () => store().updateProvider({ id: p.id, active: !p.active }), t(p.active ? 'appt.providerDeactivated' : 'appt.providerReactivated', { name: p.name }))
                      }
                      data-testid={`provider-${p.active ? 'deactivate' : 'reactivate'}-${p.id}`}
                    >
                      {p.active ? t('appt.deactivate') : t('appt.reactivate')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {loaded && providers.length === 0 ? <p className="muted panel-center">{t('appt.noProviders')}</p> : null}
        </div>
      </div>

      {open?.kind === 'room' ? <ServiceRoomDialog room={open.room} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'provider' ? <ProviderDialog provider={open.provider} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'generate' ? <GenerateDialog rooms={rooms} roomId={open.roomId} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}
