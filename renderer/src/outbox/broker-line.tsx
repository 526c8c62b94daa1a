/**
 * One line on the RabbitMQ link of the server that answered (issue 21): connected, connecting, down
 * (with the broker's reason: wrong password, missing vhost, not an AMQP server) or blocked, and the
 * messages re-sent after a lost confirm or returned as unroutable. On the outbox screen and under
 * the settings' integrations; nothing while the event broker is HTTP.
 */
import { useEffect } from 'react';
import type { BrokerLink } from '../../../shared/contract/outbox';
import type { Settings } from '../../../shared/contract/settings';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { useOutboxStore } from './outbox-store';

export function BrokerLine({ broker }: { broker: BrokerLink | null | undefined }) {
  const t = useT();
  const f = useFormats();
  if (!broker) return null;
  const since = f.instant(broker.since);
  const bad = broker.state === 'down' || broker.state === 'blocked';
  return (
    <p className={bad ? 'error-text' : 'muted'} data-testid="broker-line" data-state={broker.state} role={bad ? 'alert' : undefined}>
      {t(`broker.${broker.state}`, { url: broker.url, since })}
      {broker.error ? <> — {broker.error}</> : null}
      {bad ? <> {t('broker.waiting')}</> : null}
      {broker.lostConfirms > 0 ? <> {t('broker.lostConfirms', { n: broker.lostConfirms })}</> : null}
      {broker.returned > 0 ? <> {t('broker.returned', { n: broker.returned })}</> : null}
    </p>
  );
}

/** The same line under the settings' integrations, while the event broker's saved URL is amqp(s)://; reloaded live. */
export function SettingsBrokerLine({ saved }: { saved: Settings }) {
  const eventServiceUrl = saved.eventServiceUrl;
  const broker = useOutboxStore((s) => s.status?.broker);
  const amqp = /^amqps?:\/\//i.test(eventServiceUrl.trim());
  useEffect(() => {
    if (!amqp) return;
    const store = useOutboxStore.getState();
    store.watch(true);
    store.load().catch(() => undefined);
    return () => useOutboxStore.getState().watch(false);
  }, [amqp, eventServiceUrl]);
  return amqp ? <div className="field-wide"><BrokerLine broker={broker} /></div> : null;
}
