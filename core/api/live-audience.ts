/**
 * The live feed's sockets, indexed by who may hear what: the desk's sockets, the admins', and each
 * user's. Publishing an event asks `recipients(audience)` and touches only the sockets in the sets
 * the audience names, so a desk booking costs the same whether 2 or 200 client sockets are open.
 * Each socket's viewer (role, user id) is resolved once, when it signs in; the feed re-checks the
 * sessions when they change (core/api/live-socket.ts), never per socket per event.
 */
import { mayReceive, type Audience, type Viewer } from '../../shared/contract/event-def';

export interface LiveMember<S> {
  readonly socket: S;
  readonly token: string;
  readonly address: string | undefined;
  viewer: Viewer;
}

const isDesk = (v: Viewer) => v.role === 'staff' || v.role === 'admin';

function addTo<K, M>(map: Map<K, Set<M>>, key: K, member: M): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(member);
}

function removeFrom<K, M>(map: Map<K, Set<M>>, key: K, member: M): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(member);
  if (set.size === 0) map.delete(key);
}

export class AudienceIndex<S> {
  private readonly bySocket = new Map<S, LiveMember<S>>();
  private readonly desk = new Set<LiveMember<S>>();
  private readonly admins = new Set<LiveMember<S>>();
  private readonly byUser = new Map<number, Set<LiveMember<S>>>();
  private readonly byToken = new Map<string, Set<LiveMember<S>>>();
  /** How many viewer checks `recipients` made: tests assert the cost follows the audience, not the open sockets. */
  viewerChecks = 0;

  get size(): number {
    return this.bySocket.size;
  }

  has(socket: S): boolean {
    return this.bySocket.has(socket);
  }

  add(member: LiveMember<S>): void {
    this.remove(member.socket);
    this.bySocket.set(member.socket, member);
    if (isDesk(member.viewer)) this.desk.add(member);
    if (member.viewer.role === 'admin') this.admins.add(member);
    if (member.viewer.userId !== null) addTo(this.byUser, member.viewer.userId, member);
    addTo(this.byToken, member.token, member);
  }

  remove(socket: S): LiveMember<S> | undefined {
    const member = this.bySocket.get(socket);
    if (!member) return undefined;
    this.bySocket.delete(socket);
    this.desk.delete(member);
    this.admins.delete(member);
    if (member.viewer.userId !== null) removeFrom(this.byUser, member.viewer.userId, member);
    removeFrom(this.byToken, member.token, member);
    return member;
  }

  /** A user's sockets, oldest first. */
  ofUser(userId: number | null): LiveMember<S>[] {
    return userId === null ? [] : [...(this.byUser.get(userId) ?? [])];
  }

  /** One token's sockets, oldest first. */
  ofToken(token: string): LiveMember<S>[] {
    return [...(this.byToken.get(token) ?? [])];
  }

  /** Every socket (a copy: the caller may remove while it walks). */
  all(): LiveMember<S>[] {
    return [...this.bySocket.values()];
  }

  /** The sockets that may receive an event for `audience`: only the sets it names are visited. */
  recipients(audience: Audience): LiveMember<S>[] {
    if (audience === 'internal') return [];
    const sources: Iterable<LiveMember<S>>[] = [];
    if (audience.desk) sources.push(this.desk);
    if (audience.admins) sources.push(this.admins);
    if (audience.ownerId !== undefined && audience.ownerId !== null) sources.push(this.byUser.get(audience.ownerId) ?? []);
    const seen = new Set<LiveMember<S>>();
    const out: LiveMember<S>[] = [];
    for (const source of sources) {
      for (const member of source) {
        if (seen.has(member)) continue;
        seen.add(member);
        // The one rule of every feed, kept as a second lock on what the index chose.
        this.viewerChecks++;
        if (mayReceive(member.viewer, audience)) out.push(member);
      }
    }
    return out;
  }
}
