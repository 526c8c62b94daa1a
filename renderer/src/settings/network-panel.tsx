/**
 * Where the host listens now and the addresses LAN clients use, or why the LAN API cannot be
 * switched on (the default admin password). Reloaded after every settings save.
 */
import { useEffect } from 'react';
import { useT } from '../i18n/locale-store';
import { useNetworkStore } from './network-store';
import { ErrorAlert } from '../ui/error-alert';

export function NetworkPanel() {
  const t = useT();
  const status = useNetworkStore((s) => s.status);
  const error = useNetworkStore((s) => s.error);

  useEffect(() => {
    useNetworkStore.getState().load().catch(() => undefined);
  }, []);

  const where = status?.listening ? `${status.listening.host}:${status.listening.port}` : null;
  return (
    <section className="network-panel" aria-labelledby="network-title" data-testid="network-panel" data-lan={status?.lanEnabled ?? undefined}>
      <div className="screen-head">
        <h3 id="network-title">{t('network.title')}</h3>
        <button type="button" className="button button-small push-right" onClick={() => void useNetworkStore.getState().load().catch(() => undefined)}>
          {t('common.refresh')}
        </button>
      </div>
      <ErrorAlert error={error} testId="network-error" />
      {status ? (
        <>
          {status.server !== null ? (
            <p className="muted" data-testid="network-server">
              {t('network.server', { server: status.server })}
            </p>
          ) : null}
          <p data-testid="network-listening">
            {where === null ? t('network.notListening') : status.lanEnabled ? t('network.on', { address: where }) : t('network.off', { address: where })}
          </p>
          {status.lanEnabled ? (
            status.urls.length > 0 ? (
              <>
                <p className="muted">{t('network.urls')}</p>
                <ul className="network-urls" data-testid="network-urls">
                  {status.urls.map((url) => (
                    <li key={url}>
                      <code>{url}</code>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="muted">{t('network.noUrls')}</p>
            )
          ) : null}
          {status.blockedReason ? (
            <p className="alert alert-info" role="status" data-testid="network-blocked">
              {t('network.blocked', { reason: status.blockedReason })}
            </p>
          ) : null}
        </>
      ) : !error ? (
        <p className="muted">{t('common.loading')}</p>
      ) : null}
    </section>
  );
}
