import { describe, expect, it } from 'vitest';
import { buildExportUrl, buildHttpRequest, buildUploadUrl } from '../../../renderer/src/transport/http-request';
import { errorFromResponse, retryAfterSeconds } from '../../../renderer/src/transport/http-response';
import { liveSocketUrl } from '../../../renderer/src/transport/live-socket';
import { TransportError } from '../../../renderer/src/transport/transport';

const origin = 'http://desk.local:8080';

describe('buildHttpRequest', () => {
  it('puts a GET command input into the query string, leaving out empty values', () => {
    const req = buildHttpRequest('board:get', { from: '2026-05-01', days: 14 }, origin);
    expect(req).toEqual({ method: 'GET', url: 'http://desk.local:8080/api/v1/board?from=2026-05-01&days=14' });
    const free = buildHttpRequest('rooms:free', { checkin: '2026-05-01', checkout: '2026-05-03', category: undefined }, origin);
    expect(free.url).toBe('http://desk.local:8080/api/v1/rooms/free?checkin=2026-05-01&checkout=2026-05-03');
  });

  it('fills :id in the path and sends the rest as JSON', () => {
    const req = buildHttpRequest('rooms:setHousekeeping', { id: 7, housekeeping: 'dirty' }, origin);
    expect(req.method).toBe('PUT');
    expect(req.url).toBe('http://desk.local:8080/api/v1/rooms/7/housekeeping');
    expect(JSON.parse(req.body!)).toEqual({ housekeeping: 'dirty' });
  });

  it('sends a POST without path parameters as its whole input', () => {
    const input = { roomId: 3, checkin: '2026-05-01', checkout: '2026-05-02', guestName: 'Ida Holm' };
    const req = buildHttpRequest('stays:create', input, origin);
    expect(req).toEqual({ method: 'POST', url: 'http://desk.local:8080/api/v1/stays', body: JSON.stringify(input) });
  });

  it('sends {} as the body of a command whose only input is the id', () => {
    const req = buildHttpRequest('stays:checkIn', { id: 42 }, origin);
    expect(req).toEqual({ method: 'POST', url: 'http://desk.local:8080/api/v1/stays/42/check-in', body: '{}' });
  });

  it('puts a DELETE command input into the query string', () => {
    expect(buildHttpRequest('blocks:remove', { id: 5 }, origin)).toEqual({ method: 'DELETE', url: 'http://desk.local:8080/api/v1/blocks/5' });
  });

  it('encodes booleans and path values safely', () => {
    expect(buildHttpRequest('rooms:list', { includeInactive: true }, origin).url).toBe('http://desk.local:8080/api/v1/rooms?includeInactive=true');
    expect(buildHttpRequest('stays:get', { id: '1/2' as unknown as number }, origin).url).toBe('http://desk.local:8080/api/v1/stays/1%2F2');
  });

  it('refuses a missing path parameter before sending anything', () => {
    expect(() => buildHttpRequest('stays:get', {} as { id: number }, origin)).toThrow(TransportError);
  });
});

describe('buildExportUrl', () => {
  it('asks for the CSV with delimiter, BOM and date range', () => {
    const url = new URL(buildExportUrl('stays:export', { delimiter: ';', bom: true, from: '2026-05-01', to: '2026-06-01' }, origin));
    expect(url.pathname).toBe('/api/v1/exports/stays.csv');
    expect(Object.fromEntries(url.searchParams)).toEqual({ delimiter: ';', bom: 'true', from: '2026-05-01', to: '2026-06-01' });
  });

  it('defaults to comma without BOM and leaves out an empty range', () => {
    const url = new URL(buildExportUrl('stays:export', { from: '' }, origin));
    expect(Object.fromEntries(url.searchParams)).toEqual({ delimiter: ',', bom: 'false' });
  });
});

describe('buildExportUrl for the audit log', () => {
  it('asks for the audit CSV with the filters that are set, delimiter and BOM always named', () => {
    const url = new URL(buildExportUrl('audit:export', { actor: 'anna', action: '', entity: 'stay', from: '2026-05-01', delimiter: ';', bom: true }, origin));
    expect(url.pathname).toBe('/api/v1/exports/audit.csv');
    expect(Object.fromEntries(url.searchParams)).toEqual({ delimiter: ';', bom: 'true', actor: 'anna', entity: 'stay', from: '2026-05-01' });
  });

  it('defaults to comma without BOM', () => {
    expect(Object.fromEntries(new URL(buildExportUrl('audit:export', {}, origin)).searchParams)).toEqual({ delimiter: ',', bom: 'false' });
  });
});

describe('the new commands over HTTP', () => {
  it("keeps seed 002's paths for sign-in and sign-out, with the body as sent", () => {
    expect(buildHttpRequest('auth:login', { username: 'anna', password: 'pw' }, origin)).toEqual({
      method: 'POST',
      url: 'http://desk.local:8080/login/',
      body: '{"username":"anna","password":"pw"}',
    });
    expect(buildHttpRequest('auth:logout', {}, origin)).toEqual({ method: 'POST', url: 'http://desk.local:8080/logout/', body: '{}' });
  });

  it('puts the user id of a change in the path and the audit filter in the query', () => {
    const update = buildHttpRequest('users:update', { id: 4, role: 'staff' }, origin);
    expect(update).toEqual({ method: 'PATCH', url: 'http://desk.local:8080/api/v1/users/4', body: '{"role":"staff"}' });
    expect(buildHttpRequest('audit:list', { actor: 'anna', limit: 100, beforeId: 57 }, origin).url).toBe(
      'http://desk.local:8080/api/v1/audit?actor=anna&limit=100&beforeId=57',
    );
  });
});

describe('liveSocketUrl', () => {
  it('uses ws:// beside http and wss:// beside https, on the same host', () => {
    expect(liveSocketUrl('http://desk.local:8080/#/rooms')).toBe('ws://desk.local:8080/ws');
    expect(liveSocketUrl('https://desk.example.com/')).toBe('wss://desk.example.com/ws');
  });
});

describe('errorFromResponse', () => {
  it('reads {"error": …} with the status', () => {
    const e = errorFromResponse(409, '{"error":"Room 101 is not available from 2026-05-01 to 2026-05-03"}');
    expect(e).toBeInstanceOf(TransportError);
    expect(e).toMatchObject({ code: 'CONFLICT', status: 409, message: 'Room 101 is not available from 2026-05-01 to 2026-05-03' });
  });

  it('names the code from the status for the other refusals', () => {
    expect(errorFromResponse(400, '{"error":"bad"}').code).toBe('VALIDATION');
    expect(errorFromResponse(401, '{"error":"no"}').code).toBe('UNAUTHENTICATED');
    expect(errorFromResponse(404, '{"error":"gone"}').code).toBe('NOT_FOUND');
    expect(errorFromResponse(500, '{"error":"Internal error"}').code).toBe('INTERNAL');
  });

  it('takes the code the body names when it fits the status: 403 FORBIDDEN or PASSWORD_CHANGE_REQUIRED', () => {
    expect(errorFromResponse(403, '{"error":"Change your password first","code":"PASSWORD_CHANGE_REQUIRED"}').code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(errorFromResponse(403, '{"error":"Your role may not do this"}').code).toBe('FORBIDDEN');
    // A code that does not belong to the status is not believed.
    expect(errorFromResponse(403, '{"error":"x","code":"ROOM_UNAVAILABLE"}').code).toBe('FORBIDDEN');
  });

  it('keeps the seconds of Retry-After on a 429', () => {
    expect(errorFromResponse(429, '{"error":"Too many attempts"}', new Headers({ 'Retry-After': '30' }))).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfterSeconds: 30 });
    expect(errorFromResponse(429, '{"error":"Too many attempts"}').retryAfterSeconds).toBeUndefined();
    expect(retryAfterSeconds('Wed, 21 Oct 2026 07:28:00 GMT')).toBeUndefined();
    expect(retryAfterSeconds(' 5 ')).toBe(5);
  });

  it('reads the refusal\'s reason and params from the X-Frontdesk-Reason headers (the body stays {"error": …})', () => {
    const params = encodeURIComponent(JSON.stringify({ room: 206, stayId: 12, guest: 'Søren Ærø' }));
    const e = errorFromResponse(409, '{"error":"Room 206 is not available"}', new Headers({ 'X-Frontdesk-Reason': 'stays.roomTakenByStay', 'X-Frontdesk-Reason-Params': params }));
    expect(e).toMatchObject({ status: 409, reason: 'stays.roomTakenByStay', params: { room: 206, stayId: 12, guest: 'Søren Ærø' } });
    // Malformed params are dropped, never thrown.
    const bad = errorFromResponse(409, '{"error":"x"}', new Headers({ 'X-Frontdesk-Reason': 'stays.roomUnavailable', 'X-Frontdesk-Reason-Params': '%E0%A4%A' }));
    expect(bad.reason).toBe('stays.roomUnavailable');
    expect(bad.params).toBeUndefined();
  });

  it('still gives a message when the body is not JSON', () => {
    expect(errorFromResponse(502, '<html>Bad gateway</html>')).toMatchObject({ code: 'INTERNAL', status: 502, message: 'Request failed (502)' });
  });
});

describe('buildUploadUrl', () => {
  it('puts a file import\'s input in the query string (the file is the body)', () => {
    const url = buildUploadUrl('imports:runFile', { kind: 'stays', dryRun: true, mode: 'allOrNothing', mapping: '{"room":"Værelse"}', jobId: 'import-ab12' }, origin);
    expect(url).toBe(`${origin}/api/v1/imports/stays/file?dryRun=true&mode=allOrNothing&mapping=${encodeURIComponent('{"room":"Værelse"}')}&jobId=import-ab12`);
  });
});
