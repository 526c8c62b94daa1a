/** The live feed's state for the header indicator. */
import { create } from 'zustand';
import type { ConnectionState } from '../transport/transport';

export const useConnectionStore = create<{ state: ConnectionState }>(() => ({ state: 'connecting' }));
