/**
 * The live feed's audience index (issue 10 item 15): an event touches only the sockets in the sets its
 * audience names, so its cost is the same whether 2 or 200 other sockets are open (asserted by the
 * count of viewer checks, not by time), and an event for user A never reaches user B.
 */
import { describe, expect, it } from 'vitest';
import { AudienceIndex, type LiveMember } from '../../../core/api/live-audience';
import type { Viewer } from '../../../shared/contract/event-def';

let nextSocket = 0;
function member(viewer: Viewer, token = `t${nextSocket}`): LiveMember<number> {
  return { socket: nextSocket++, token, address: undefined, viewer };
}
const staff = (userId: number): Viewer => ({ role: 'staff', userId });
const admin = (userId: number): Viewer => ({ role: 'admin', userId });
const client = (userId: number): Viewer => ({ role: 'client', userId });

/** Checks made for one event with `audience`, from zero. */
function checksFor(index: AudienceIndex<number>, audience: Parameters<AudienceIndex<number>['recipients']>[0]): number {
  index.viewerChecks = 0;
  index.recipients(audience);
  return index.viewerChecks;
}

describe('AudienceIndex', () => {
  it('sends a desk event to staff and admins, an admins event to admins, an owner event to that user only', () => {
    const index = new AudienceIndex<number>();
    const [s, a, anna, bo] = [member(staff(1)), member(admin(2)), member(client(10)), member(client(11))];
    for (const m of [s, a, anna, bo]) index.add(m);
    expect(index.recipients({ desk: true }).map((m) => m.socket).sort()).toEqual([s.socket, a.socket].sort());
    expect(index.recipients({ admins: true })).toEqual([a]);
    expect(index.recipients({ desk: true, ownerId: 10 }).map((m) => m.socket).sort()).toEqual([s.socket, a.socket, anna.socket].sort());
    expect(index.recipients({ ownerId: 11 })).toEqual([bo]);
    expect(index.recipients({ ownerId: null })).toEqual([]);
    expect(index.recipients('internal')).toEqual([]);
  });

  it('never lets an event for user A reach user B, whatever B has open', () => {
    const index = new AudienceIndex<number>();
    const anna = member(client(10));
    index.add(anna);
    for (let i = 0; i < 50; i++) index.add(member(client(11)));
    expect(index.recipients({ ownerId: 10 })).toEqual([anna]);
    expect(index.recipients({ ownerId: 10 }).every((m) => m.viewer.userId === 10)).toBe(true);
  });

  it('costs the same for an event whether 2 or 200 other users’ sockets are open', () => {
    const index = new AudienceIndex<number>();
    index.add(member(staff(1)));
    index.add(member(client(10)));
    const deskChecks = checksFor(index, { desk: true });
    const ownerChecks = checksFor(index, { desk: true, ownerId: 10 });
    for (let i = 0; i < 200; i++) index.add(member(client(100 + (i % 40)), 'one-client-token'));
    expect(index.size).toBe(202);
    expect(checksFor(index, { desk: true })).toBe(deskChecks);
    expect(checksFor(index, { desk: true, ownerId: 10 })).toBe(ownerChecks);
    expect(deskChecks).toBe(1);
    expect(ownerChecks).toBe(2);
  });

  it('forgets a removed socket everywhere, and re-files one whose role changed', () => {
    const index = new AudienceIndex<number>();
    const m = member(staff(5), 'tok');
    index.add(m);
    expect(index.ofUser(5)).toEqual([m]);
    expect(index.ofToken('tok')).toEqual([m]);
    index.add({ ...m, viewer: client(5) });
    expect(index.recipients({ desk: true })).toEqual([]);
    expect(index.recipients({ ownerId: 5 }).map((x) => x.viewer.role)).toEqual(['client']);
    index.remove(m.socket);
    expect(index.size).toBe(0);
    expect(index.ofUser(5)).toEqual([]);
    expect(index.ofToken('tok')).toEqual([]);
    expect(index.recipients({ ownerId: 5 })).toEqual([]);
  });

  it('lists a token’s and a user’s sockets oldest first', () => {
    const index = new AudienceIndex<number>();
    const ms = [member(client(7), 'x'), member(client(7), 'x'), member(client(7), 'y')];
    for (const m of ms) index.add(m);
    expect(index.ofToken('x')).toEqual([ms[0], ms[1]]);
    expect(index.ofUser(7)).toEqual(ms);
  });
});
