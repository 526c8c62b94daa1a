/**
 * The printed lists (issue 17 §2; docs/printing.md): choose a list, see it as it will print, print it.
 * `#/print?list=arrivals` (or `departures`, `inHouse`, `housekeeping`, `card&stay=42`) opens a list
 * directly. On paper only the sheet shows (print.css: A4, no header, a floor to a page).
 */
import { useEffect, useState } from 'react';
import { useT } from '../i18n/locale-store';
import { hashOptions } from '../stores/location-hash';
import { ErrorAlert } from '../ui/error-alert';
import { Page } from '../ui/page';
import { HousekeepingSheet, StayListSheet } from './print-sheets';
import { isPrintList, PRINT_LISTS, usePrintStore, type PrintListName } from './print-store';
import { RegistrationCard } from './registration-card';
import './print.css';

function fileName(list: PrintListName, today: string, stayId: number | null): string {
  return list === 'card' ? `registration-card-${stayId ?? ''}.pdf` : `${list === 'inHouse' ? 'in-house' : list}-${today}.pdf`;
}

export function PrintScreen() {
  const t = useT();
  const { list, lists, stay, loading, error, outcome } = usePrintStore();
  const [stayText, setStayText] = useState('');

  useEffect(() => {
    // The list named in the URL, now and whenever the hash changes (a link to another list).
    const apply = () => {
      const options = hashOptions(window.location.hash);
      const asked = options.get('list');
      if (isPrintList(asked)) usePrintStore.getState().choose(asked);
      const id = options.get('stay');
      if (id && /^\d{1,9}$/.test(id)) {
        setStayText(id);
        void usePrintStore.getState().loadStay(Number(id));
      }
    };
    apply();
    void usePrintStore.getState().load();
    window.addEventListener('hashchange', apply);
    return () => window.removeEventListener('hashchange', apply);
  }, []);

  const cardReady = list !== 'card' || stay !== null;
  const title = t(`print.list.${list}`);
  const print = () => void usePrintStore.getState().print(fileName(list, lists?.today ?? '', stay?.id ?? null), title);
  const result = outcome === null || outcome === 'printed' ? null : outcome.path === null ? t('print.cancelled') : t('print.saved', { path: outcome.path });

  return (
    <Page
      titleId="print-title"
      title={t('print.title')}
      testId="print-screen"
      className="print-screen"
      head={
        <div className="print-toolbar push-right">
          <button type="button" className="button button-primary" disabled={!lists || !cardReady} onClick={print} data-testid="print-go">
            {t('print.print')}
          </button>
        </div>
      }
    >
      <div className="print-controls" role="tablist" aria-label={t('print.list')}>
        {PRINT_LISTS.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={list === name} className={`button button-small${list === name ? ' button-primary' : ''}`} onClick={() => usePrintStore.getState().choose(name)} data-testid={`print-list-${name}`}>
            {t(`print.list.${name}`)}
          </button>
        ))}
        {list === 'card' ? (
          <form
            className="print-stay"
            onSubmit={(e) => {
              e.preventDefault();
              if (/^\d{1,9}$/.test(stayText)) void usePrintStore.getState().loadStay(Number(stayText));
            }}
          >
            <label>
              {t('print.stayNumber')}{' '}
              <input className="input" inputMode="numeric" value={stayText} onChange={(e) => setStayText(e.target.value.trim())} data-testid="print-stay" />
            </label>
          </form>
        ) : null}
      </div>
      <ErrorAlert error={error} testId="print-error" />
      {result ? (
        <p className="alert alert-info print-controls" role="status" data-testid="print-result">
          {result}
        </p>
      ) : null}
      <div className="print-paper">
        {loading && !lists ? <p>{t('print.loading')}</p> : null}
        {lists && (list === 'arrivals' || list === 'departures' || list === 'inHouse') ? <StayListSheet name={list} lists={lists} /> : null}
        {lists && list === 'housekeeping' ? <HousekeepingSheet lists={lists} /> : null}
        {list === 'card' ? stay ? <RegistrationCard stay={stay} hotelName={lists?.hotelName ?? ''} /> : <p className="print-controls">{t('print.card.missing')}</p> : null}
      </div>
    </Page>
  );
}
