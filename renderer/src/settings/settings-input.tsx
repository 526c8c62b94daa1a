/** One settings field's control, by its kind (forms/settings-section.ts); the draft is text, as settings-fields.ts reads it. */
import type { Settings } from '../../../shared/contract/settings';
import type { SettingsField } from '../forms/settings-section';
import { useT } from '../i18n/locale-store';
import { TimeInput } from '../ui/time-input';
import { CLEAR_SECRET } from './settings-fields';

interface InputProps {
  field: SettingsField;
  value: string;
  saved: Settings;
  onChange(value: string): void;
}

/** Write-only: never filled from the host (it never sends it); empty keeps the stored one, the box removes it. */
function SecretInput({ field, value, saved, onChange }: InputProps) {
  const t = useT();
  const isSet = field.secret?.isSet(saved) ?? false;
  const testId = `settings-${field.key}`;
  return (
    <>
      <input
        className="input" type="password" autoComplete="new-password" data-testid={testId}
        value={value === CLEAR_SECRET ? '' : value} disabled={value === CLEAR_SECRET} placeholder={isSet ? '••••••••' : ''}
        onChange={(e) => onChange(e.target.value)}
      />
      {isSet && field.secret ? (
        <span className="choice">
          <input type="checkbox" checked={value === CLEAR_SECRET} onChange={(e) => onChange(e.target.checked ? CLEAR_SECRET : '')} aria-label={t(field.secret.clear)} data-testid={`${testId}-clear`} />
          <span>{t(field.secret.clear)}</span>
        </span>
      ) : null}
    </>
  );
}

/** Any of the field's options, one checkbox each (the event types the broker hears of). */
function MultiInput({ field, value, onChange }: InputProps) {
  const options = (field.options ?? []).map((o) => o.value);
  const chosen = new Set(value.split(',').filter((v) => v !== ''));
  const toggle = (option: string, on: boolean) => {
    if (on) chosen.add(option);
    else chosen.delete(option);
    onChange(options.filter((o) => chosen.has(o)).join(','));
  };
  return (
    <span className="choice-list" data-testid={`settings-${field.key}`}>
      {options.map((option) => (
        <span key={option} className="choice">
          <input type="checkbox" checked={chosen.has(option)} onChange={(e) => toggle(option, e.target.checked)} aria-label={option} data-testid={`settings-${field.key}-${option}`} />
          <code>{option}</code>
        </span>
      ))}
    </span>
  );
}

export function SettingsInput(props: InputProps) {
  const t = useT();
  const { field, value, onChange } = props;
  const common = { className: 'input', value, onChange: (e: { target: { value: string } }) => onChange(e.target.value), 'data-testid': `settings-${field.key}` };
  switch (field.kind) {
    case 'bool':
      return <input type="checkbox" className="switch" checked={value === 'true'} onChange={(e) => onChange(String(e.target.checked))} data-testid={`settings-${field.key}`} />;
    case 'secret': return <SecretInput {...props} />;
    case 'multi': return <MultiInput {...props} />;
    case 'select':
      return (
        <select {...common}>
          {(field.options ?? []).map((o) => <option key={o.value} value={o.value}>{o.label ? t(o.label) : o.value}</option>)}
        </select>
      );
    case 'ip':
    case 'host': return <input autoComplete="off" spellCheck={false} placeholder={field.placeholder} {...common} />;
    case 'email': return <input type="email" autoComplete="off" placeholder={field.placeholder} {...common} />;
    case 'time': return <TimeInput value={value} onChange={onChange} testId={`settings-${field.key}`} />;
    case 'int': return <input type="number" inputMode="numeric" {...common} />;
    case 'zone': return <input list="time-zones" autoComplete="off" {...common} />;
    case 'currency': return <input list="currencies" maxLength={3} autoComplete="off" style={{ textTransform: 'uppercase' }} {...common} />;
    case 'url': return <input type="url" placeholder={field.placeholder} {...common} />;
    default: return <input {...common} />;
  }
}
