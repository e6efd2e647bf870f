'use client';

import { createContext, useContext } from 'react';
import type { ViewerData } from '../graphql/session';

export type Viewer = NonNullable<ViewerData['viewer']>;
export interface CabinetState {
  viewer: Viewer;
  cabinetId: string;
  setCabinetId: (id: string) => void;
}

export const CabinetContext = createContext<CabinetState | null>(null);

/** The signed-in user and the cabinet chosen in the shell; only inside the (app) layout. */
export function useCabinet(): CabinetState {
  const state = useContext(CabinetContext);
  if (!state) throw new Error('useCabinet outside the app shell');
  return state;
}
