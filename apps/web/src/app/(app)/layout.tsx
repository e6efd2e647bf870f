'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { LOGOUT, VIEWER, type ViewerData } from '../../graphql/session';
import { useLiveNotifications } from '../../components/live-notifications';
import { Nav } from '../../components/nav';
import { ErrorState, Loading } from '../../components/states';
import { CabinetContext } from '../../lib/cabinet-context';
import { LiveContext } from '../../lib/live-feed';

export default function AppLayout({ children }: { children: ReactNode }) {
  const router = useRouter();
  const [{ data, fetching, error }] = useQuery<ViewerData>({ query: VIEWER });
  const [chosen, setChosen] = useState<string | null>(null);
  const [, logout] = useMutation(LOGOUT);
  const live = useLiveNotifications();
  const viewer = data?.viewer;

  useEffect(() => {
    if (data && !viewer) router.replace('/login');
    else if (viewer && viewer.cabinets.length === 0) router.replace('/onboarding');
  }, [data, viewer, router]);
  useEffect(() => setChosen(localStorage.getItem('cabinetId')), []);

  if (error && !data) return <ErrorState error={error} />;
  if (fetching && !data) return <Loading />;
  if (!viewer || viewer.cabinets.length === 0) return <Loading />;
  const cabinetId = viewer.cabinets.find((m) => m.cabinet.id === chosen)?.cabinet.id ?? viewer.cabinets[0]!.cabinet.id;
  const setCabinetId = (id: string) => {
    localStorage.setItem('cabinetId', id);
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
              <button className="secondary" onClick={() => void logout({}).then(() => router.replace('/login'))}>
                Выйти
              </button>
            </header>
            {children}
          </main>
        </div>
      </LiveContext.Provider>
    </CabinetContext.Provider>
  );
}
