/**
 * The grammars the contract checks and the API document states (shared/contract/input-patterns.ts)
 * mean what the server's own readers take: every text a pattern matches is read without a format
 * refusal (dates by `resolveTime`, URLs by WHATWG's parser, e-mails by a `format: email` validator),
 * and the near misses are refused. fast-check draws the texts from the patterns themselves.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AMQP_URL_RE, DATE_TIME_RE, EMAIL_RE, HTTP_URL_RE } from '../../../shared/contract/input-patterns';
import { DateTimeInputSchema, EmailAddressSchema, EventBrokerUrlSchema, HttpUrlSchema } from '../../../shared/contract/primitives';
import { resolveTime } from '../../../shared/time';

describe('a date or date-time (DATE_TIME_PATTERN)', () => {
  it('is read by resolveTime whenever it matches (UTC: no DST gap to refuse)', () => {
    fc.assert(fc.property(fc.stringMatching(DATE_TIME_RE), (text) => {
      expect(() => resolveTime(text, 'UTC', '14:00')).not.toThrow();
    }), { numRuns: 2000 });
  });

  it('takes the forms the API documents and refuses the near misses', () => {
    for (const ok of ['2026-06-01', '2026-06-01T14:00', '2026-06-01 14:00:59.123456789', '2026-06-01T14:00:00Z', '2026-06-01T14:00+14:00', '2026-06-01T14:00-0330', '2000-02-29']) {
      expect(DATE_TIME_RE.test(ok), ok).toBe(true);
    }
    for (const bad of ['2026-02-30', '2100-02-29', '1899-12-31', '3000-01-01', '2026-06-01T24:00', '2026-06-01T14:60', '2026-06-01T14:00+14:01', '2026-06-01Z', ' 2026-06-01', '2026-6-1', '2026-06-01T14', '2026-06-01t14:00']) {
      expect(DATE_TIME_RE.test(bad), bad).toBe(false);
    }
  });

  it('is refused by the contract with a message that tells a bad shape from an impossible date', () => {
    const message = (text: string) => DateTimeInputSchema.safeParse(text).error?.issues[0]?.message;
    expect(message('hello')).toBe('hello is not an ISO 8601 date or date-time');
    expect(message('2026-02-30')).toBe('2026-02-30 is not a real date or time');
    expect(message('2026-06-01T24:00')).toBe('2026-06-01T24:00 is not a real date or time');
    expect(message('2026-06-01T14:00:00+02:00')).toBeUndefined();
  });
});

describe('an http(s) URL (HTTP_URL_RE)', () => {
  it('is a URL WHATWG\'s parser takes, http or https, whenever it matches', () => {
    fc.assert(fc.property(fc.stringMatching(HTTP_URL_RE), (text) => {
      expect(['http:', 'https:']).toContain(new URL(text).protocol);
    }), { numRuns: 2000 });
  });

  it('takes a payment template and refuses other schemes, bad ports and hosts', () => {
    for (const ok of ['https://pay.example.dk/{id}?amount={amount}', 'http://10.0.0.5:8080/x', 'http://billing-service:5002', 'https://example.dk#top']) {
      expect(HttpUrlSchema.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of ['ftp://example.dk/', 'javascript:alert(1)', 'HTTP://example.dk', 'http://example.dk:65536', 'http://1.2.3.256/', 'http://example.123/', 'http:example.dk', 'https://example.dk/ a', 'http://user@example.dk/']) {
      expect(HttpUrlSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe('an e-mail address (EMAIL_RE)', () => {
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  const isEmail = ajv.compile({ type: 'string', format: 'email' });

  it('is within `format: email` whenever it matches, so a validator checking both agrees with the server', () => {
    fc.assert(fc.property(fc.stringMatching(EMAIL_RE), (text) => {
      expect(isEmail(text)).toBe(true);
      expect(EmailAddressSchema(254).safeParse(text).success || text.length > 254).toBe(true);
    }), { numRuns: 2000 });
  });

  it('refuses a one-letter top-level domain and other near misses', () => {
    for (const bad of ['a@b.c', 'a@localhost', 'a..b@c.dk', '.a@b.co', 'a.@b.co', 'a@-b.co', 'a@b-.co', 'æ@b.co', 'a@b.c0', ' a@b.co']) {
      expect(EmailAddressSchema(254).safeParse(bad).success, bad).toBe(false);
    }
    expect(EmailAddressSchema(254).safeParse('mette.hansen+spa@example.dk').success).toBe(true);
  });
});

describe('the event broker URL (EventBrokerUrlSchema: http(s) or amqp(s), issue 21)', () => {
  it('is a URL WHATWG\'s parser takes, amqp or amqps, whenever AMQP_URL_RE matches', () => {
    fc.assert(fc.property(fc.stringMatching(AMQP_URL_RE), (text) => {
      expect(['amqp:', 'amqps:']).toContain(new URL(text).protocol);
    }), { numRuns: 2000 });
  });

  it('takes http(s) and amqp(s) with credentials and a vhost, and refuses other schemes and bad hosts', () => {
    for (const ok of ['http://event-broker:8080/events', 'amqp://frontdesk:s%40cret@rabbit:5672/hotel', 'amqps://rabbit.example.dk/', 'amqp://10.0.0.7', 'amqp://guest:guest@127.0.0.1:5672/%2F?heartbeat=30']) {
      expect(EventBrokerUrlSchema.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of ['kafka://broker:9092', 'amqp:/rabbit', 'amqp://user@pass@rabbit/', 'amqp://rabbit:99999/', 'amqp://rabbit/ x', 'AMQP://rabbit/']) {
      expect(EventBrokerUrlSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
