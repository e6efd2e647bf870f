'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { LOGOUT, VIEWER, type ViewerData } from '../graphql/session';
import { useLiveNotifications } from './live-notifications';
import { KeyBanner } from './key-banner';
import { Nav } from './nav';
import { ErrorState, Loading } from './states';
import { CabinetContext } from '../lib/cabinet-context';
import { readChosenCabinet, storeChosenCabinet } from '../lib/chosen-cabinet';
import { LiveContext } from '../lib/live-feed';
import { useSessionChanged } from '../lib/urql-provider';

/**
 * The signed-in shell: navigation, cabinet switcher, live feed. `initialViewer` comes from the
 * server's render when it could see the session; the browser's own query refreshes it.
 */
export function AppShell({
  children,
  initialViewer,
  initialCabinetId,
}: {
  children: ReactNode;
  initialViewer?: ViewerData['viewer'];
  initialCabinetId?: string;
}) {
  const router = useRouter();
  // On the server the query would go out without the user's cookie: the server's answer is
  // initialViewer instead.
  const [{ data, fetching, error }] = useQuery({ query: VIEWER, pause: typeof window === 'undefined' });
  const [chosen, setChosen] = useState<string | null>(initialCabinetId ?? null);
  const [, logout] = useMutation(LOGOUT);
  const sessionChanged = useSessionChanged();
  const viewer = data ? data.viewer : initialViewer;
  const live = useLiveNotifications(Boolean(viewer));

  useEffect(() => {
    if (data && !viewer) router.replace('/login');
    else if (viewer && viewer.cabinets.length === 0) router.replace('/onboarding');
  }, [data, viewer, router]);
  useEffect(() => setChosen(readChosenCabinet()), []);

  if (error && !data && !viewer) return <ErrorState error={error} />;
  if (fetching && !data && !viewer) return <Loading />;
  if (!viewer || viewer.cabinets.length === 0) return <Loading />;
  const cabinet = (viewer.cabinets.find((m) => m.cabinet.id === chosen) ?? viewer.cabinets[0]!).cabinet;
  const cabinetId = cabinet.id;
  const setCabinetId = (id: string) => {
    storeChosenCabinet(id);
    setChosen(id);
  };

  return (
    <CabinetContext.Provider value={{ viewer, cabinetId, setCabinetId }}>
      <LiveContext.Provider value={live}>
        <div className="shell">
          <Nav />
          <main className="main" id="main">
            <header className="filters">
              {viewer.cabinets.length > 1 && (
                <label>
                  Кабинет
                  <select value={cabinetId} onChange={(e) => setCabinetId(e.target.value)}>
                    {viewer.cabinets.map((m) => (
                      <option key={m.cabinet.id} value={m.cabinet.id}>
                        {m.cabinet.name}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <span className="muted">{viewer.firstName ?? viewer.username ?? ''}</span>
              <button
                className="secondary"
                onClick={() =>
                  void logout({}).then(() => {
                    sessionChanged();
                    router.replace('/login');
                  })
                }
              >
                Выйти
              </button>
            </header>
            <KeyBanner cabinet={cabinet} timeZone={viewer.timeZone} />
            {children}
          </main>
        </div>
      </LiveContext.Provider>
    </CabinetContext.Provider>
  );
}
