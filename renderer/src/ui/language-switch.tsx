/** The DA / EN switch in the header and on the sign-in screen. */
import { useLocaleStore, useT } from '../i18n/locale-store';
import { LANGS } from '../i18n/translate';

export function LanguageSwitch({ dark = true }: { dark?: boolean }) {
  const t = useT();
  const lang = useLocaleStore((s) => s.lang);
  const choose = useLocaleStore((s) => s.choose);
  return (
    <div className={`segmented${dark ? ' segmented-dark' : ''}`} role="group" aria-label={t('lang.label')}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => choose(l)} data-testid={`lang-${l}`} title={t(`lang.${l}`)}>
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
