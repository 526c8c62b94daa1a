/**
 * Admin → Services (appointment setup): the service rooms (seed 003) and the providers (seed 001) as tables;
 * add, change, take out of use and back; and "Generate timeslots" for a room, which says how many
 * slots it will make before it makes them.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { Provider, ServiceRoom } from '../../../shared/contract/appointments';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { ActiveToggle } from '../ui/active-toggle';
import { DataTable, type DataColumn } from '../ui/data-table';
import { ErrorAlert } from '../ui/error-alert';
import { useRowAction } from '../ui/use-row-action';
import { GenerateDialog } from './generate-dialog';
import { ProviderDialog } from './provider-dialog';
import { ServiceRoomDialog } from './service-room-dialog';
import { useSetupStore } from './setup-store';
import './appointments.css';
import './appointments-text';
import { WEEKDAYS } from './vocabulary';
import { Page } from '../ui/page';

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

/** One of the screen's lists: its heading, its create button, its table. */
function SetupSection({ title, addLabel, onAdd, addTestId, children }: { title: string; addLabel: string; onAdd(): void; addTestId: string; children: ReactNode }) {
  return (
    <div className="panel settings-section">
      <div className="screen-head">
        <h2>{title}</h2>
        <button type="button" className="button button-primary push-right" onClick={onAdd} data-testid={addTestId}>
          {addLabel}
        </button>
      </div>
      {children}
    </div>
  );
}

// eslint-disable-next-line max-lines-per-function -- the service rooms, providers and timeslots tabs share the screen's selection and dialogs
export function AppointmentSetupScreen() {
  const t = useT();
  const f = useFormats();
  const { rooms, providers, loaded, error } = useSetupStore();
  const [open, setOpen] = useState<Open>(null);
  const { busyKey, run: act } = useRowAction<string>();

  useEffect(() => {
    useSetupStore.getState().load().catch(() => undefined);
  }, []);

  const store = useSetupStore.getState;

  const roomColumns: DataColumn<ServiceRoom>[] = [
    { header: t('appt.name'), strong: true, cell: (r) => r.name },
    { header: t('appt.roomTypeLabel'), cell: (r) => t(`appt.roomType.${r.roomType}`) },
    { header: t('appt.capacity'), num: true, cell: (r) => r.capacity },
    { header: t('appt.hourlyRate'), num: true, cell: (r) => f.money(r.hourlyRate) },
    { header: t('appt.state'), cell: (r) => (r.isActive ? t('appt.active') : t('appt.inactive')) },
  ];
  const providerColumns: DataColumn<Provider>[] = [
    { header: t('appt.name'), strong: true, cell: (p) => p.name },
    { header: t('appt.email'), cell: (p) => p.email },
    { header: t('appt.length'), num: true, cell: (p) => t('appt.minutesEach', { n: p.appointmentMinutes }) },
    { header: t('appt.price'), num: true, cell: (p) => f.money(p.price) },
    { header: t('appt.workingHours'), cell: (p) => <HoursSummary p={p} /> },
    { header: t('appt.daysOff'), num: true, cell: (p) => p.daysOff.length },
    { header: t('appt.state'), cell: (p) => (p.active ? t('appt.active') : t('appt.inactive')) },
  ];

  return (
    <Page
      titleId="setup-title" title={t('appt.setupTitle')} testId="appointment-setup"
      head={
        <>
          <button type="button" className="button push-right" onClick={() => setOpen({ kind: 'generate', roomId: null })} disabled={!rooms.some((r) => r.isActive)} data-testid="generate-open">
            {t('appt.generateTitle')}
          </button>
        </>
      }
    >
      <ErrorAlert error={error} testId="setup-error" />

      <SetupSection title={t('appt.serviceRooms')} addLabel={t('appt.addRoom')} onAdd={() => setOpen({ kind: 'room', room: null })} addTestId="service-room-add">
        <DataTable
          rows={rooms}
          rowTestId={(r) => `service-room-row-${r.id}`}
          inactive={(r) => !r.isActive}
          columns={roomColumns}
          actionsHeader={t('appt.actions')}
          actions={(r) => (
            <>
              {r.isActive ? (
                <button type="button" className="button button-small" onClick={() => setOpen({ kind: 'generate', roomId: r.id })} data-testid={`generate-room-${r.id}`}>
                  {t('appt.generate')}
                </button>
              ) : null}
              <button type="button" className="button button-small" onClick={() => setOpen({ kind: 'room', room: r })} data-testid={`service-room-edit-${r.id}`}>
                {t('common.edit')}
              </button>
              <ActiveToggle
                active={r.isActive}
                busy={busyKey === `room-${r.id}`}
                onClick={() =>
                  void act<unknown>(
                    `room-${r.id}`,
                    () => (r.isActive ? store().deactivateRoom(r.id) : store().updateRoom({ id: r.id, isActive: true })),
                    t(r.isActive ? 'appt.roomDeactivated' : 'appt.roomReactivated', { name: r.name }),
                  )
                }
                deactivateLabel={t('appt.deactivate')}
                reactivateLabel={t('appt.reactivate')}
                testId={`service-room-${r.isActive ? 'deactivate' : 'reactivate'}-${r.id}`}
              />
            </>
          )}
        >
          {loaded && rooms.length === 0 ? <p className="muted panel-center">{t('appt.noRooms')}</p> : null}
          {!loaded && !error ? <p className="muted panel-center">{t('common.loading')}</p> : null}
        </DataTable>
      </SetupSection>

      <SetupSection title={t('appt.providers')} addLabel={t('appt.addProvider')} onAdd={() => setOpen({ kind: 'provider', provider: null })} addTestId="provider-add">
        <DataTable
          rows={providers}
          rowTestId={(p) => `provider-row-${p.id}`}
          inactive={(p) => !p.active}
          columns={providerColumns}
          actionsHeader={t('appt.actions')}
          actions={(p) => (
            <>
              <button type="button" className="button button-small" onClick={() => setOpen({ kind: 'provider', provider: p })} data-testid={`provider-edit-${p.id}`}>
                {t('common.edit')}
              </button>
              <ActiveToggle
                active={p.active}
                busy={busyKey === `provider-${p.id}`}
                onClick={() =>
                  void act(`provider-${p.id}`, () => store().updateProvider({ id: p.id, active: !p.active }), t(p.active ? 'appt.providerDeactivated' : 'appt.providerReactivated', { name: p.name }))
                }
                deactivateLabel={t('appt.deactivate')}
                reactivateLabel={t('appt.reactivate')}
                testId={`provider-${p.active ? 'deactivate' : 'reactivate'}-${p.id}`}
              />
            </>
          )}
        >
          {loaded && providers.length === 0 ? <p className="muted panel-center">{t('appt.noProviders')}</p> : null}
        </DataTable>
      </SetupSection>

      {open?.kind === 'room' ? <ServiceRoomDialog room={open.room} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'provider' ? <ProviderDialog provider={open.provider} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'generate' ? <GenerateDialog rooms={rooms} roomId={open.roomId} onClose={() => setOpen(null)} /> : null}
    </Page>
  );
}
