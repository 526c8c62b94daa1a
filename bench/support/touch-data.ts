/**
 * A change at the desk before a timed board (benchmark 5): a room saved unchanged over the API, the
 * path a desk's change takes, so the host's kept board (core/read-memo.ts) is stale and the next one
 * is built. Over the API, not by a connection of the benchmark's own: another connection's commit
 * would also empty the host's page cache, which a desk's own changes never do.
 */
export async function touchData(origin: string, token: string): Promise<void> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const rooms = (await (await fetch(`${origin}/api/v1/rooms`, { headers })).json()) as { id: number; floor: number }[];
  const room = rooms[0]!;
  const res = await fetch(`${origin}/api/v1/rooms/${room.id}`, { method: 'PATCH', headers, body: JSON.stringify({ floor: room.floor }) });
  if (res.status !== 200) throw new Error(`PATCH /api/v1/rooms/${room.id}: ${res.status} ${(await res.text()).slice(0, 200)}`);
}
