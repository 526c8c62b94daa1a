/**
 * The calendar's two views. Day: a time axis and a column per service room or provider, free slots
 * and appointments placed by their wall time. Week: a row per room or provider and a column per day,
 * each cell its appointments and free start times in order. Everything is a button (Tab moves
 * through them, Enter opens); an appointment can be dragged onto a free place to move it.
 */
import type { DragEvent } from 'react';
import type { Appointment, AppointmentCalendar } from '../../../shared/contract/appointments';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { formatDayHeader } from '../format/dates';
import {
  appointmentsOf, canMoveTo, clock, freeSlotsOf, hourRange, placeItems, wallMinutes,
  type CalendarColumn, type FreeSlot, type ProviderFreeTime,
} from './calendar-layout';

export const PX_PER_MINUTE = 1.6;
/** A block shorter than this shows time and guest on one line (its state is in its colours and label). */
const SHORT_BLOCK_PX = 60;

export interface CalendarActions {
  onFree(slot: FreeSlot): void;
  onAppointment(id: number): void;
  /** The appointment being dragged, if any. */
  dragging: Appointment | null;
  onDragStart(a: Appointment | null): void;
  onDrop(slot: FreeSlot): void;
}

interface ViewProps extends CalendarActions {
  calendar: AppointmentCalendar;
  columns: CalendarColumn[];
  days: string[];
  availability: ReadonlyMap<string, readonly ProviderFreeTime[]>;
  showCancelled: boolean;
  nowMs: number;
}

function useLabels() {
  const t = useT();
  const f = useFormats();
  return {
    t,
    f,
    block: (a: Appointment) =>
      t('appt.blockLabel', { time: a.time.slice(0, 5), guest: a.guestName, status: t(`appt.status.${a.status}`), payment: t(`appt.payment.${a.paymentStatus}`) }),
    free: (col: CalendarColumn, s: FreeSlot) => t('appt.freeLabel', { where: col.name, date: f.shortDate(s.date), time: s.start }),
  };
}

function dropProps(slot: FreeSlot, { dragging, onDrop }: CalendarActions) {
  const ok = dragging !== null && canMoveTo(dragging, slot);
  return {
    'data-drop': ok ? 'yes' : undefined,
    onDragOver: (e: DragEvent) => {
      if (ok) e.preventDefault();
    },
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      if (ok) onDrop(slot);
    },
  };
}

function dragProps(a: Appointment, { onDragStart }: CalendarActions) {
  const movable = a.status === 'pending' || a.status === 'confirmed';
  return movable
    ? {
        draggable: true,
        onDragStart: (e: DragEvent) => {
          e.dataTransfer.effectAllowed = 'move';
          e.dataTransfer.setData('text/plain', String(a.id));
          onDragStart(a);
        },
        onDragEnd: () => onDragStart(null),
      }
    : {};
}

/** An appointment's button in either view: its label, opening it, dragging it, its test id and state. */
function appointmentProps(a: Appointment, props: CalendarActions, label: string) {
  return {
    type: 'button' as const,
    'aria-label': label,
    title: label,
    onClick: () => props.onAppointment(a.id),
    ...dragProps(a, props),
    'data-testid': `appt-block-${a.id}`,
    'data-status': a.status,
    'data-payment': a.paymentStatus,
  };
}

/** A free place's button in either view: its label, booking it, dropping an appointment on it, its test id. */
function freeProps(col: CalendarColumn, s: FreeSlot, props: CalendarActions, label: string) {
  return {
    type: 'button' as const,
    'aria-label': label,
    title: label,
    onClick: () => props.onFree(s),
    ...dropProps(s, props),
    'data-testid': `appt-free-${col.key}-${s.date}-${s.start}`,
  };
}

function BlockText({ a }: { a: Appointment }) {
  const { t } = useLabels();
  return (
    <>
      <span className="appt-block-time">
        {a.time.slice(0, 5)}–{clock(wallMinutes(a.time) + a.durationMinutes)}
      </span>
      <span className="appt-block-guest">{a.guestName}</span>
      <span className="appt-block-state">
        {t(`appt.status.${a.status}`)} · {t(`appt.payment.${a.paymentStatus}`)}
      </span>
    </>
  );
}

export function DayView(props: ViewProps) {
  const { calendar, columns, days, availability, showCancelled, nowMs } = props;
  const { t, f, block, free } = useLabels();
  const date = days[0]!;
  const perColumn = columns.map((col) => ({ col, free: freeSlotsOf(calendar, col, date, availability, nowMs), appts: appointmentsOf(calendar, col, date, showCancelled) }));
  const range = hourRange(
    perColumn.flatMap((c) => [
      ...c.free.map((s) => ({ start: wallMinutes(s.start), minutes: s.minutes })),
      ...c.appts.map((a) => ({ start: wallMinutes(a.time), minutes: a.durationMinutes })),
    ]),
  );
  const height = (range.to - range.from) * PX_PER_MINUTE;
  const hours = Array.from({ length: (range.to - range.from) / 60 }, (_, i) => range.from + i * 60);

  return (
    <div className="appt-day" style={{ gridTemplateColumns: `64px repeat(${Math.max(1, columns.length)}, minmax(170px, 1fr))` }} data-testid="appt-day" data-date={date}>
      <div className="appt-corner">{f.shortDate(date)}</div>
      {columns.map((c) => (
        <div key={c.key} className="appt-col-head" data-testid={`appt-col-${c.key}`}>
          <span className="strong">{c.name}</span>
          <span className="muted small">{c.kind === 'room' ? t(`appt.roomType.${c.detail as 'office'}`) : t('appt.minutesEach', { n: Number(c.detail) })}</span>
        </div>
      ))}
      <div className="appt-gutter" style={{ height }} aria-hidden="true">
        {hours.map((h) => (
          <span key={h} className="appt-hour" style={{ top: (h - range.from) * PX_PER_MINUTE }}>
            {clock(h)}
          </span>
        ))}
      </div>
      {perColumn.map(({ col, free: freeSlots, appts }) => (
        <div key={col.key} className="appt-col" style={{ height, backgroundSize: `100% ${60 * PX_PER_MINUTE}px` }} role="group" aria-label={col.name}>
          {placeItems(freeSlots, appts, range.from, PX_PER_MINUTE).map((item) => {
            const style = { top: item.top, height: item.height, left: `calc(${(item.lane / item.lanes) * 100}% + 2px)`, width: `calc(${100 / item.lanes}% - 4px)` };
            if (item.type === 'free') {
              const s = item.slot;
              return (
                <button
                  key={s.key}
                  className="appt-free"
                  style={style}
                  {...freeProps(col, s, props, free(col, s))}
                >
                  {s.start} {s.kind === 'timeslot' && s.seatsLeft > 1 ? t('appt.seatsLeft', { n: s.seatsLeft }) : t('appt.free')}
                </button>
              );
            }
            const a = item.appointment;
            return (
              <button
                key={`a-${a.id}`}
                className={`appt-block appt-status-${a.status} appt-pay-${a.paymentStatus}${item.height < SHORT_BLOCK_PX ? ' appt-short' : ''}`}
                style={style}
                {...appointmentProps(a, props, block(a))}
              >
                <BlockText a={a} />
              </button>
            );
          })}
        </div>
      ))}
      {columns.length === 0 ? <p className="muted panel-center appt-empty">{t('appt.noColumns')}</p> : null}
    </div>
  );
}

export function WeekView(props: ViewProps) {
  const { calendar, columns, days, availability, showCancelled, nowMs } = props;
  const { t, f, block, free } = useLabels();
  return (
    <div className="table-wrap appt-week-wrap">
      <table className="table appt-week" data-testid="appt-week">
        <thead>
          <tr>
            <th scope="col">{t('appt.column')}</th>
            {days.map((d) => {
              const h = formatDayHeader(d, f.locale);
              return (
                <th key={d} scope="col" data-date={d}>
                  {h.weekday} {f.shortDate(d)}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {columns.map((col) => (
            <tr key={col.key} data-testid={`appt-row-${col.key}`}>
              <th scope="row" className="appt-week-name">
                {col.name}
              </th>
              {days.map((d) => {
                const appts = appointmentsOf(calendar, col, d, showCancelled);
                const freeSlots = freeSlotsOf(calendar, col, d, availability, nowMs);
                return (
                  <td key={d} className="appt-week-cell">
                    {appts.map((a) => (
                      <button
                        key={a.id}
                        className={`appt-chip appt-block appt-status-${a.status} appt-pay-${a.paymentStatus}`}
                        {...appointmentProps(a, props, block(a))}
                      >
                        <span className="appt-block-time">{a.time.slice(0, 5)}</span> {a.guestName}
                      </button>
                    ))}
                    <div className="slot-chips">
                      {freeSlots.map((s) => (
                        <button
                          key={s.key}
                          className="slot-chip appt-free-chip"
                          {...freeProps(col, s, props, free(col, s))}
                        >
                          {s.start}
                        </button>
                      ))}
                    </div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {columns.length === 0 ? <p className="muted panel-center">{t('appt.noColumns')}</p> : null}
    </div>
  );
}
