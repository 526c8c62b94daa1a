/**
 * The desk's Cars screen: the inventory (filters by fuel and state, a search; add, edit, delete with
 * the refusal's reason; reserve, report damage, mark repaired), the rentals timeline (cars × days:
 * open a rental to hand it out, take it back or cancel it; click a free day to reserve), and the
 * CSV exports of cars and rentals. Live: other desks' changes reload what is shown.
 */
import { useEffect, useMemo, useState } from 'react';
import { CAR_STATES, type Car } from '../../../shared/contract/cars';
import { localDate } from '../../../shared/time';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { DataTable, type DataColumn } from '../ui/data-table';
import { ErrorAlert } from '../ui/error-alert';
import { useRowAction } from '../ui/use-row-action';
import { CarFormDialog, carLabel } from './car-form-dialog';
import { filterCars, useCarsStore } from './cars-store';
import { DamageDialog, RentalDialog, ReserveDialog } from './rental-dialogs';
import { RentalsTimeline } from './rentals-timeline';
import './cars.css';
import { Page } from '../ui/page';

type Open =
  | { kind: 'car'; car: Car | null }
  | { kind: 'reserve'; carId: number; from: string }
  | { kind: 'rental'; id: number }
  | { kind: 'damage'; car: Car }
  | null;

// eslint-disable-next-line max-lines-per-function -- the fleet's filters, table and its dialogs share the screen's selection state
export function CarsScreen() {
  const t = useT();
  const f = useFormats();
  const { cars, loaded, error, filter, timeline, timelineError, exporting, exportOutcome, exportError } = useCarsStore();
  const [tab, setTab] = useState<'inventory' | 'timeline'>('inventory');
  const [open, setOpen] = useState<Open>(null);
  const { busyKey: busyId, run } = useRowAction<number>();
  const [excel, setExcel] = useState(true);
  const today = localDate(Date.now(), f.timeZone);

  useEffect(() => {
    const store = useCarsStore.getState();
    store.load().catch(() => undefined);
    store.loadTimeline(store.timelineFrom ?? today).catch(() => undefined);
    // Loaded once when the screen opens; live events and changes reload it afterwards.
  }, []);

  const fuels = useMemo(() => [...new Set(cars.map((c) => c.fuelType))].sort((a, b) => a.localeCompare(b)), [cars]);
  const shown = useMemo(() => filterCars(cars, filter), [cars, filter]);

  const exportLine =
    exportOutcome === null ? null : exportOutcome === 'downloaded' ? t('export.downloaded') : exportOutcome.path === null ? t('export.cancelled') : t('export.saved', { path: exportOutcome.path, rows: exportOutcome.rows });
  const exportOptions = excel ? { delimiter: ';' as const, bom: true } : { delimiter: ',' as const, bom: false };
  const state = (c: Car) => (c.hasDamage ? 'damaged' : c.isRented ? 'rented' : 'available');
  const carColumns: DataColumn<Car>[] = [
    { header: `${t('cars.brand')} / ${t('cars.model')}`, strong: true, cell: (c) => `${c.brand} ${c.model}` },
    { header: t('cars.plate'), cell: (c) => c.plate ?? '' },
    { header: t('cars.fuel'), cell: (c) => c.fuelType },
    { header: t('cars.mileage'), num: true, cell: (c) => c.mileage },
    { header: t('cars.seats'), num: true, cell: (c) => c.seats },
    { header: t('cars.dailyRate'), num: true, cell: (c) => f.money(c.dailyRate) },
    {
      header: t('cars.state'),
      cell: (c) => (
        <span className={`pill car-pill-${state(c)}`} data-testid={`car-state-${c.id}`} title={c.damageNote ?? undefined}>
          {t(`cars.state.${state(c)}`)}
        </span>
      ),
    },
  ];

  return (
    <Page
      titleId="cars-title" title={t('cars.title')} testId="cars-screen"
      head={
        <>
          <span className="muted">{t('cars.count', { n: cars.length })}</span>
          <div className="car-tabs" role="tablist">
            <button type="button" role="tab" aria-selected={tab === 'inventory'} className={`button button-small${tab === 'inventory' ? ' is-active' : ''}`} onClick={() => setTab('inventory')} data-testid="cars-tab-inventory">
              {t('cars.tabInventory')}
            </button>
            <button type="button" role="tab" aria-selected={tab === 'timeline'} className={`button button-small${tab === 'timeline' ? ' is-active' : ''}`} onClick={() => setTab('timeline')} data-testid="cars-tab-timeline">
              {t('cars.tabTimeline')}
            </button>
          </div>
          <button type="button" className="button button-primary push-right" onClick={() => setOpen({ kind: 'car', car: null })} data-testid="car-add">
            {t('cars.add')}
          </button>
        </>
      }
    >
      <div className="toolbar car-toolbar">
        <label className="choice">
          <input type="checkbox" checked={excel} onChange={(e) => setExcel(e.target.checked)} />
          {t('cars.excel')}
        </label>
        <button type="button" className="button button-small" disabled={exporting} onClick={() => void useCarsStore.getState().exportCsv('cars', exportOptions)} data-testid="cars-export">
          {exporting ? t('export.working') : t('cars.exportCars')}
        </button>
        <button type="button" className="button button-small" disabled={exporting} onClick={() => void useCarsStore.getState().exportCsv('rentals', exportOptions)} data-testid="rentals-export">
          {t('cars.exportRentals')}
        </button>
        {exportLine ? <span className="muted" data-testid="cars-export-outcome">{exportLine}</span> : null}
      </div>
      <ErrorAlert error={exportError} testId="cars-export-error" />

      {tab === 'inventory' ? (
        <>
          <div className="toolbar car-filters">
            <select className="input" value={filter.fuel} onChange={(e) => useCarsStore.getState().setFilter({ fuel: e.target.value })} aria-label={t('cars.fuel')} data-testid="cars-filter-fuel">
              <option value="">{t('cars.allFuels')}</option>
              {fuels.map((fuel) => (
                <option key={fuel} value={fuel}>
                  {fuel}
                </option>
              ))}
            </select>
            <select className="input" value={filter.state} onChange={(e) => useCarsStore.getState().setFilter({ state: e.target.value as typeof filter.state })} aria-label={t('cars.state')} data-testid="cars-filter-state">
              <option value="">{t('cars.allStates')}</option>
              {CAR_STATES.map((s) => (
                <option key={s} value={s}>
                  {t(`cars.state.${s}`)}
                </option>
              ))}
            </select>
            <input type="search" className="input" placeholder={t('cars.search')} aria-label={t('cars.search')} value={filter.q} onChange={(e) => useCarsStore.getState().setFilter({ q: e.target.value })} data-testid="cars-search" />
          </div>
          <ErrorAlert error={error} testId="cars-error" />
          <DataTable
            rows={shown}
            rowTestId={(c) => `cars-row-${c.id}`}
            columns={carColumns}
            actionsHeader={t('cars.actions')}
            testId="cars-table"
            actions={(c) => (
              <>
                <button type="button" className="button button-small" onClick={() => setOpen({ kind: 'reserve', carId: c.id, from: today })} data-testid={`car-reserve-${c.id}`}>
                  {t('cars.reserve')}
                </button>
                <button type="button" className="button button-small" onClick={() => setOpen({ kind: 'car', car: c })} data-testid={`car-edit-${c.id}`}>
                  {t('common.edit')}
                </button>
                {c.hasDamage ? (
                  <button type="button" className="button button-small" disabled={busyId === c.id} onClick={() => void run(c.id, () => useCarsStore.getState().repair(c.id), t('cars.repaired', { label: carLabel(c) }))} data-testid={`car-repair-${c.id}`}>
                    {t('cars.repair')}
                  </button>
                ) : (
                  <button type="button" className="button button-small" onClick={() => setOpen({ kind: 'damage', car: c })} data-testid={`car-damage-${c.id}`}>
                    {t('cars.reportDamage')}
                  </button>
                )}
                <button type="button" className="button button-small button-quiet-danger" disabled={busyId === c.id} onClick={() => void run(c.id, () => useCarsStore.getState().remove(c.id), t('cars.deleted', { label: carLabel(c) }))} data-testid={`car-delete-${c.id}`}>
                  {t('cars.delete')}
                </button>
              </>
            )}
          >
            {loaded && cars.length === 0 ? <p className="muted panel-center">{t('cars.empty')}</p> : null}
            {loaded && cars.length > 0 && shown.length === 0 ? <p className="muted panel-center">{t('cars.noMatch')}</p> : null}
            {!loaded && !error ? <p className="muted panel-center">{t('common.loading')}</p> : null}
          </DataTable>
        </>
      ) : (
        <>
          <div className="toolbar">
            <button type="button" className="button button-small" onClick={() => void useCarsStore.getState().shiftTimeline(-7)} data-testid="timeline-prev">
              {t('rentals.prev')}
            </button>
            <button type="button" className="button button-small" onClick={() => void useCarsStore.getState().loadTimeline(today)} data-testid="timeline-today">
              {t('rentals.today')}
            </button>
            <button type="button" className="button button-small" onClick={() => void useCarsStore.getState().shiftTimeline(7)} data-testid="timeline-next">
              {t('rentals.next')}
            </button>
          </div>
          <ErrorAlert error={timelineError} testId="timeline-error" />
          {timeline ? (
            <RentalsTimeline timeline={timeline} today={today} onRental={(id) => setOpen({ kind: 'rental', id })} onFreeDay={(carId, date) => setOpen({ kind: 'reserve', carId, from: date })} />
          ) : (
            <p className="muted panel-center">{t('common.loading')}</p>
          )}
        </>
      )}

      {open?.kind === 'car' ? <CarFormDialog car={open.car} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'reserve' ? <ReserveDialog cars={cars} carId={open.carId} from={open.from} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'rental' ? <RentalDialog rentalId={open.id} cars={cars} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'damage' ? <DamageDialog car={open.car} onClose={() => setOpen(null)} /> : null}
    </Page>
  );
}
