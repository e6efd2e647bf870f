import type { ReactNode } from 'react';
import { AppShell } from '../../components/app-shell';
import { VIEWER } from '../../graphql/session';
import { chosenCabinetCookie, serverQuery } from '../../lib/server-api';

/** The shell, with the viewer already known when this server can see the session. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const [data, chosen] = await Promise.all([serverQuery(VIEWER), chosenCabinetCookie()]);
  return (
    <AppShell initialViewer={data?.viewer ?? undefined} initialCabinetId={chosen}>
      {children}
    </AppShell>
  );
}
