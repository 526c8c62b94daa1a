/** Rooms free for a whole date range (and sleeping `guests`), reloaded when either changes; stale answers are dropped. */
import { useEffect, useState } from 'react';
import type { Room } from '../../../shared/contract/rooms';
import { useStaysStore } from './stays-store';

export interface FreeRooms {
  rooms: Room[] | null;
  error: unknown;
}

export function useFreeRooms(checkin: string, checkout: string, enabled: boolean, guests?: number): FreeRooms {
  const [state, setState] = useState<FreeRooms>({ rooms: null, error: null });
  useEffect(() => {
    if (!enabled) {
      setState({ rooms: null, error: null });
      return;
    }
    let live = true;
    setState((s) => ({ rooms: s.rooms, error: null }));
    useStaysStore
      .getState()
      .freeRooms(checkin, checkout, guests)
      .then((rooms) => live && setState({ rooms, error: null }))
      .catch((error: unknown) => live && setState({ rooms: null, error }));
    return () => {
      live = false;
    };
  }, [checkin, checkout, enabled, guests]);
  return state;
}
