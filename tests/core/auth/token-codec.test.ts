import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { INVALID_SESSION_MESSAGE, signToken, verifyToken } from '../../../core/auth/token-codec';
import { expectAppError } from '../../support/app-error';

const secret = randomBytes(32);
const nowMs = Date.parse('2026-05-01T08:00:00Z');
const claims = { sub: '7', jti: 'AAAAAAAAAAAAAAAAAAAAAA', iat: nowMs / 1000, exp: nowMs / 1000 + 3600 };
const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const hs = (alg: string, input: string, key: Buffer) => createHmac(alg, key).update(input).digest('base64url');

const refused = (token: string, at = nowMs, key = secret) =>
  expectAppError(() => verifyToken(token, key, at), 'UNAUTHENTICATED', INVALID_SESSION_MESSAGE);

describe('signToken / verifyToken', () => {
  it('writes a standard HS256 JWT and reads its claims back', () => {
    const token = signToken(claims, secret);
    const [header, payload, signature] = token.split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toEqual(claims);
    expect(signature).toBe(hs('sha256', `${header}.${payload}`, secret));
    expect(verifyToken(token, secret, nowMs)).toEqual(claims);
  });

  it('refuses anything that is not three base64url parts', async () => {
    const token = signToken(claims, secret);
    for (const bad of ['', 'abc', 'a.b', `${token}.x`, token.replace('.', '..'), `${token}=`, `${token.slice(0, -2)}+/`, ` ${token}`]) await refused(bad);
  });

  it('refuses alg none, HS512, RS256 and a re-ordered header, even when "signed"', async () => {
    const payload = b64(claims);
    await refused(`${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`);
    await refused(`${b64({ alg: 'none', typ: 'JWT' })}.${payload}.${hs('sha256', `${b64({ alg: 'none', typ: 'JWT' })}.${payload}`, secret)}`);
    const hs512 = b64({ alg: 'HS512', typ: 'JWT' });
    await refused(`${hs512}.${payload}.${hs('sha512', `${hs512}.${payload}`, secret)}`);
    const rs256 = b64({ alg: 'RS256', typ: 'JWT' });
    await refused(`${rs256}.${payload}.${hs('sha256', `${rs256}.${payload}`, secret)}`);
    const reordered = b64({ typ: 'JWT', alg: 'HS256' });
    await refused(`${reordered}.${payload}.${hs('sha256', `${reordered}.${payload}`, secret)}`);
  });

  it('refuses a forged signature, a changed payload and another installation’s key', async () => {
    const token = signToken(claims, secret);
    const [header, , signature] = token.split('.');
    await refused(`${header}.${b64({ ...claims, sub: '1' })}.${signature}`);
    const last = signature!.at(-1) === 'A' ? 'B' : 'A';
    await refused(`${token.slice(0, -1)}${last}`);
    await refused(signToken(claims, randomBytes(32)));
    await refused(token, nowMs, randomBytes(32));
  });

  it('refuses a token at and after its exp, not a second before', async () => {
    const token = signToken(claims, secret);
    expect(verifyToken(token, secret, claims.exp * 1000 - 1).sub).toBe('7');
    await refused(token, claims.exp * 1000);
    await refused(token, claims.exp * 1000 + 60_000);
  });

  it('refuses well-signed tokens whose claims are malformed', async () => {
    const header = b64({ alg: 'HS256', typ: 'JWT' });
    const signed = (payload: string) => `${header}.${payload}.${hs('sha256', `${header}.${payload}`, secret)}`;
    await refused(signed(b64('not json')));
    await refused(signed(b64({ ...claims, sub: 7 })));
    await refused(signed(b64({ ...claims, sub: 'admin' })));
    await refused(signed(b64({ ...claims, jti: '' })));
    await refused(signed(b64({ ...claims, exp: 'tomorrow' })));
    await refused(signed(b64({ sub: '7', jti: 'x', iat: claims.iat })));
    expect(verifyToken(signed(b64(claims)), secret, nowMs)).toEqual(claims);
  });

  it('answers a token it verified before from memory: the same claims, a copy each time, expiry still checked, other keys still refused', async () => {
    const token = signToken({ ...claims, jti: 'CACHEDCACHEDCACHEDCACH' }, secret);
    const first = verifyToken(token, secret, nowMs);
    first.sub = '1';
    expect(verifyToken(token, secret, nowMs)).toEqual({ ...claims, jti: 'CACHEDCACHEDCACHEDCACH' });
    await refused(token, claims.exp * 1000);
    await refused(token, nowMs, randomBytes(32));
    // Hundreds of other desks' tokens later, the first is verified again, not forgotten as valid.
    for (let i = 0; i < 600; i++) verifyToken(signToken({ ...claims, jti: `J${String(i).padStart(21, '0')}` }, secret), secret, nowMs);
    expect(verifyToken(token, secret, nowMs).jti).toBe('CACHEDCACHEDCACHEDCACH');
  });
});
