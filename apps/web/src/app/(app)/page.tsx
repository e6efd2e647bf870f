import { OverviewView } from '../../components/overview-view';
import { OVERVIEW, overviewVariables } from '../../graphql/overview';
import { VIEWER } from '../../graphql/session';
import { chosenCabinetCookie, serverQuery } from '../../lib/server-api';

/**
 * The overview's numbers in the first HTML: the server asks the API for them with the user's
 * session (when it can see it), the browser then keeps them fresh.
 */
export default async function OverviewPage() {
  const [session, chosen] = await Promise.all([serverQuery(VIEWER), chosenCabinetCookie()]);
  const viewer = session?.viewer;
  const cabinetId =
    viewer?.cabinets.find((m) => m.cabinet.id === chosen)?.cabinet.id ?? viewer?.cabinets[0]?.cabinet.id;
  if (!viewer || !cabinetId) return <OverviewView />;
  const variables = overviewVariables(cabinetId, viewer.timeZone);
  const initial = await serverQuery(OVERVIEW, variables);
  return <OverviewView initial={initial ? { variables, data: initial } : undefined} />;
}
