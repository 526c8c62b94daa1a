/**
 * The outbox's sections of the settings screen (their words: outbox-text.ts): where messages go, how
 * long they are retried and kept, and the SMTP server e-mails go through.
 */
import type { SettingsSection } from '../forms/settings-section';

export const integrationsSettingsSection: SettingsSection = {
  id: 'integrations',
  title: 'settings.integrations',
  fields: [
    { key: 'billingServiceUrl', kind: 'url', label: 'settings.billingServiceUrl', hint: 'settings.urlHint', wide: true, placeholder: 'http://billing-service:5002' },
    { key: 'eventServiceUrl', kind: 'url', label: 'settings.eventServiceUrl', hint: 'settings.urlHint', wide: true, placeholder: 'http://event-broker:8080/events' },
  ],
};

export const outboxSettingsSection: SettingsSection = {
  id: 'outbox',
  title: 'settings.outboxSection',
  fields: [
    { key: 'outboxRetryHours', kind: 'int', label: 'settings.outboxRetryHours' },
    { key: 'outboxRetentionDays', kind: 'int', label: 'settings.outboxRetentionDays' },
  ],
};

export const emailSettingsSection: SettingsSection = {
  id: 'email',
  title: 'settings.emailSection',
  fields: [
    { key: 'smtpHost', kind: 'host', label: 'settings.smtpHost', placeholder: 'smtp.example.com', hint: 'settings.smtpHostHint' },
    { key: 'smtpPort', kind: 'int', label: 'settings.smtpPort' },
    {
      key: 'smtpTls', kind: 'select', label: 'settings.smtpTls',
      options: [
        { value: 'starttls', label: 'settings.smtpTls.starttls' },
        { value: 'tls', label: 'settings.smtpTls.tls' },
        { value: 'none', label: 'settings.smtpTls.none' },
      ],
    },
    { key: 'smtpUser', kind: 'text', label: 'settings.smtpUser', hint: 'settings.smtpUserHint' },
    {
      key: 'smtpPassword', kind: 'secret', label: 'settings.smtpPassword',
      secret: { isSet: (saved) => saved.smtpPasswordSet, setHint: 'settings.smtpPasswordSet', unsetHint: 'settings.smtpPasswordNotSet', clear: 'settings.smtpPasswordClear' },
    },
    { key: 'smtpFrom', kind: 'email', label: 'settings.smtpFrom', placeholder: 'desk@hotel.example', hint: 'settings.smtpFromHint' },
  ],
};
