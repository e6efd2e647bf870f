'use client';

import { createContext, useContext } from 'react';
import type { NotificationNode } from '../graphql/notifications';

/** Notifications received over the socket since the shell mounted, newest first. */
export const LiveContext = createContext<NotificationNode[]>([]);
export const useLiveFeed = () => useContext(LiveContext);
