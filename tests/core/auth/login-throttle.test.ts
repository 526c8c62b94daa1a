import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createLoginThrottle,
  DEFAULT_THROTTLE_POLICY,
  lockMs,
  maxEvaluationsPerHour,
  throttleKeys,
  type LoginThrottle,
} from '../../../core/auth/login-throttle';
import { getThrottle } from '../../../db/queries/login-throttle-queries';
import { createAuthFixture, NOW, type AuthFixture } from './auth-fixture';

const P = DEFAULT_THROTTLE_POLICY;
const keys = { account: 'user:eva', address: 'addr:10.0.0.9' };

describe('the back-off schedule', () => {
  it('doubles from the free failures on, from 30 s to the 15 min cap', () => {
    expect([4, 5, 6, 7, 8, 9, 10, 11, 30].map((n) => lockMs(P, n, 5) / 1000)).toEqual([0, 30, 60, 120, 240, 480, 900, 900, 900]);
    expect(lockMs(P, 19, 20)).toBe(0);
    expect(lockMs(P, 20, 20)).toBe(30_000);
  });

  it('lets one account have at most 12 passwords evaluated in an hour under the defaults', () => {
    // 5 at once, then at 0:30, 1:30, 3:30, 7:30, 15:30, 30:30, 45:30; the 13th would be at 60:30.
    expect(maxEvaluationsPerHour(P)).toBe(12);
    expect(maxEvaluationsPerHour({ ...P, accountFreeFailures: 3 })).toBe(10);
    expect(maxEvaluationsPerHour({ ...P, maxLockMs: 60 * 60_000 })).toBe(11);
    expect(maxEvaluationsPerHour({ ...P, baseLockMs: 0 })).toBe(Infinity);
  });
});

describe('createLoginThrottle', () => {
  let f: AuthFixture;
  let throttle: LoginThrottle;
  let now: number;
  beforeEach(async () => {
    f = await createAuthFixture();
    throttle = createLoginThrottle(f.db, P);
    now = NOW;
  });
  afterEach(async () => await f.close());

  it('counts attempts on both keys and locks the account from the fifth on', async () => {
    for (let i = 0; i < 5; i++) expect(await throttle.admit(keys, now)).toBeNull();
    expect(await getThrottle(f.db, keys.account)).toEqual({ key: keys.account, failures: 5, lockedUntil: now + 30_000, updatedAt: now });
    expect(await getThrottle(f.db, keys.address)).toMatchObject({ failures: 5, lockedUntil: 0 });
    expect(await throttle.admit(keys, now + 1)).toBe(30);
    expect(await throttle.admit(keys, now + 29_001)).toBe(1);
    expect((await getThrottle(f.db, keys.account))!.failures).toBe(5); // refused attempts are not counted
    expect(await throttle.admit(keys, now + 30_000)).toBeNull();
    expect((await getThrottle(f.db, keys.account))!.lockedUntil).toBe(now + 30_000 + 60_000);
  });

  it('locks an address after 20 failures, whatever accounts they tried', async () => {
    for (let i = 0; i < 20; i++) expect(await throttle.admit({ account: `user:u${i}`, address: keys.address }, now)).toBeNull();
    expect(await throttle.admit({ account: 'user:fresh', address: keys.address }, now)).toBe(30);
    expect(await throttle.admit({ account: 'user:fresh', address: 'addr:10.0.0.10' }, now)).toBeNull();
  });

  it('forgets an address’s failures an hour after the last one, an account’s only after a day', async () => {
    for (let i = 0; i < 4; i++) await throttle.admit(keys, now);
    now += 3_600_000;
    await throttle.admit(keys, now);
    expect((await getThrottle(f.db, keys.address))!.failures).toBe(1);
    expect(await getThrottle(f.db, keys.account)).toMatchObject({ failures: 5, lockedUntil: now + 30_000 });
    now += 24 * 3_600_000;
    await throttle.admit(keys, now);
    expect(await getThrottle(f.db, keys.account)).toMatchObject({ failures: 1, lockedUntil: 0 });
  });

  it('on success forgets the account and takes back only this attempt from the address', async () => {
    for (let i = 0; i < 3; i++) await throttle.admit({ account: 'user:other', address: keys.address }, now);
    await throttle.admit(keys, now);
    await throttle.succeeded(keys, now);
    expect(await getThrottle(f.db, keys.account)).toBeUndefined();
    expect((await getThrottle(f.db, keys.address))!.failures).toBe(3);
    await throttle.admit(keys, now);
    await throttle.succeeded(keys, now);
    await throttle.admit({ account: 'user:x', address: 'addr:solo' }, now);
    await throttle.succeeded({ account: 'user:x', address: 'addr:solo' }, now);
    expect(await getThrottle(f.db, 'addr:solo')).toBeUndefined();
  });

  it('a success that tipped an address into a lock lifts it, unless other failures earned it', async () => {
    for (let i = 0; i < 19; i++) await throttle.admit({ account: `user:u${i}`, address: keys.address }, now);
    await throttle.admit(keys, now); // the 20th: locks the address provisionally
    expect((await getThrottle(f.db, keys.address))!.lockedUntil).toBe(now + 30_000);
    await throttle.succeeded(keys, now);
    expect(await getThrottle(f.db, keys.address)).toMatchObject({ failures: 19, lockedUntil: 0 });
    await throttle.admit({ account: 'user:z', address: keys.address }, now); // a 20th real failure: locked 30 s
    now += 30_000;
    await throttle.admit(keys, now); // right password after the lock: counted as the 21st
    await throttle.succeeded(keys, now);
    expect(await getThrottle(f.db, keys.address)).toMatchObject({ failures: 20, lockedUntil: now + 60_000 });
  });

  it('prunes keys idle for a day', async () => {
    await throttle.admit({ account: 'user:old', address: 'addr:old' }, now);
    now += 25 * 3_600_000;
    await throttle.admit(keys, now);
    expect(await getThrottle(f.db, 'user:old')).toBeUndefined();
    expect(await getThrottle(f.db, 'addr:old')).toBeUndefined();
  });
});

describe('who the address key applies to', () => {
  let f: AuthFixture;
  let throttle: LoginThrottle;
  const now = NOW;
  beforeEach(async () => {
    f = await createAuthFixture();
    throttle = createLoginThrottle(f.db, P);
  });
  afterEach(async () => await f.close());

  const spray = async (address: string) => {
    for (let i = 0; i < P.addressFreeFailures; i++) expect(await throttle.admit({ account: `user:random${i}`, address }, now)).toBeNull();
  };

  it('the desk (IPC) has no address key; the account key still applies', async () => {
    expect(throttleKeys(' Admin ', { via: 'ipc' })).toEqual({ account: 'user:admin', address: null });
    expect(throttleKeys('eva', { via: 'http', address: '10.0.0.9' })).toEqual({ account: 'user:eva', address: 'addr:10.0.0.9' });
    await spray('addr:10.0.0.9');
    expect(await throttle.admit({ account: 'user:mads', address: 'addr:10.0.0.9' }, now)).toBe(30);
    const desk = { account: 'user:admin', address: null };
    for (let i = 0; i < 5; i++) expect(await throttle.admit(desk, now)).toBeNull();
    expect(await throttle.admit(desk, now)).toBe(30);
    expect(await getThrottle(f.db, 'addr:ipc')).toBeUndefined();
    await throttle.succeeded(desk, now);
    expect(await getThrottle(f.db, 'user:admin')).toBeUndefined();
  });

  it('an account that signed in from the address within a day is not held by its lock, only by its own key', async () => {
    const eva = { account: 'user:eva', address: 'addr:10.0.0.9' };
    await throttle.admit(eva, now - 3_600_000);
    await throttle.succeeded(eva, now - 3_600_000);
    await spray(eva.address);
    expect(await throttle.admit({ account: 'user:mads', address: eva.address }, now)).toBe(30);
    for (let i = 0; i < 5; i++) expect(await throttle.admit(eva, now)).toBeNull();
    expect(await throttle.admit(eva, now)).toBe(30); // her own key: locked after 5
    // Known only for a day after the last success.
    const bo = { account: 'user:bo', address: 'addr:10.0.0.7' };
    await throttle.succeeded(bo, now - 24 * 3_600_000);
    await spray(bo.address);
    expect(await throttle.admit(bo, now)).toBe(30);
  });
});
