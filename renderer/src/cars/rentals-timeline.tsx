/**
 * The rentals timeline: cars × days, like the board but simpler. Each car is one row; the days are
 * a painted background (no element per cell), each rental one absolutely placed bar. A click on a
 * bar opens that rental; a click on a free day opens a reservation of that car from that day.
 */
import { memo, type MouseEvent } from 'react';
import type { RentalTimeline } from '../../../shared/contract/rentals';
import { addDays, nightsBetween } from '../../../shared/time';
import { formatDayHeader } from '../format/dates';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';

export const DAY_PX = 34;

interface TimelineProps {
  timeline: RentalTimeline;
  today: string;
  onRental(id: number): void;
  onFreeDay(carId: number, date: string): void;
}

export const RentalsTimeline = memo(function RentalsTimeline({ timeline, today, onRental, onFreeDay }: TimelineProps) {
  const t = useT();
  const f = useFormats();
  const { from, days } = timeline;
  const width = days * DAY_PX;
  const dates = Array.from({ length: days }, (_, i) => addDays(from, i));
  const todayIndex = nightsBetween(from, today);
  const byCar = new Map<number, RentalTimeline['rentals']>();
  for (const r of timeline.rentals) byCar.set(r.carId, [...(byCar.get(r.carId) ?? []), r]);

  const clickRow = (carId: number) => (e: MouseEvent<HTMLDivElement>) => {
    if ((e.target as HTMLElement).closest('[data-rental]')) return;
    const x = e.clientX - e.currentTarget.getBoundingClientRect().left;
    const index = Math.floor(x / DAY_PX);
    if (index >= 0 && index < days) onFreeDay(carId, dates[index]!);
  };

  if (timeline.cars.length === 0) return <p className="muted panel-center">{t('rentals.timelineEmpty')}</p>;

  return (
    <div className="car-timeline" data-testid="car-timeline" style={{ ['--day-px' as string]: `${DAY_PX}px` }}>
      <div className="car-timeline-head">
        <div className="car-timeline-label" />
        <div className="car-timeline-days" style={{ width }}>
          {dates.map((d, i) => {
            const h = formatDayHeader(d, f.locale);
            return (
              <div key={d} className={`car-timeline-day${i === todayIndex ? ' is-today' : ''}`} title={f.longDate(d)}>
                <span>{h.weekday}</span>
                <strong>{h.day}</strong>
              </div>
            );
          })}
        </div>
      </div>
      {timeline.cars.map((car) => (
        <div key={car.id} className="car-timeline-row" data-testid={`timeline-car-${car.id}`}>
          <div className="car-timeline-label" title={car.label}>
            <span className={`car-dot${car.hasDamage ? ' is-damaged' : car.isRented ? ' is-rented' : ''}`} aria-hidden="true" />
            {car.label}
          </div>
          <div className="car-timeline-lane" style={{ width }} onClick={clickRow(car.id)}>
            {todayIndex >= 0 && todayIndex < days ? <div className="car-timeline-today" style={{ left: todayIndex * DAY_PX }} /> : null}
            {(byCar.get(car.id) ?? []).map((r) => {
              const start = Math.max(0, nightsBetween(from, r.from));
              const end = Math.min(days, nightsBetween(from, r.to));
              return (
                <button
                  type="button"
                  key={r.id}
                  data-rental={r.id}
                  data-testid={`timeline-rental-${r.id}`}
                  className={`car-bar car-bar-${r.status}`}
                  style={{ left: start * DAY_PX + 1, width: Math.max(1, end - start) * DAY_PX - 2 }}
                  title={`${r.guestName}: ${f.shortDate(r.from)} – ${f.shortDate(r.to)} (${t(`rentals.status.${r.status}`)})`}
                  onClick={() => onRental(r.id)}
                >
                  {r.guestName}
                </button>
              );
            })}
          </div>
        </div>
      ))}
    </div>
  );
});
