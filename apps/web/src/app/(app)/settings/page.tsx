'use client';

import { NOTIFICATION_DEFINITIONS } from '@wb-assist/domain';
import { useMutation, useQuery } from 'urql';
import { ErrorState, Loading } from '../../../components/states';
import { SETTINGS, UPDATE_SETTINGS } from '../../../graphql/settings';
import { useCabinet } from '../../../lib/cabinet-context';

/** `enabled` and one switch per type, under the type's GraphQL toggle name. */
type Settings = Record<string, boolean>;

// The same switches, in the same order, as the bot's settings screen: both read the registry.
const TOGGLES: [string, string][] = NOTIFICATION_DEFINITIONS.map((definition) => [
  definition.graphql.toggle,
  definition.labels.listName,
]);

export default function SettingsPage() {
  const { cabinetId } = useCabinet();
  const [{ data, fetching, error }] = useQuery<{ cabinet: { notificationSettings: Settings } | null }>({
    query: SETTINGS,
    variables: { id: cabinetId },
  });
  const [update, save] = useMutation(UPDATE_SETTINGS);
  const settings = data?.cabinet?.notificationSettings;
  const change = (key: string, value: boolean) => void save({ id: cabinetId, patch: { [key]: value } });

  if (error && !data) return <ErrorState error={error} />;
  if (fetching && !data) return <Loading />;
  if (!settings) return <ErrorState error="Кабинет не найден" />;
  return (
    <>
      <h1>Настройки уведомлений</h1>
      <fieldset className="card" disabled={update.fetching} aria-busy={update.fetching}>
        <legend>Что присылать в Telegram</legend>
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={settings.enabled}
            onChange={(e) => change('enabled', e.target.checked)}
          />
          <strong>Уведомления включены</strong>
        </label>
        {TOGGLES.map(([key, label]) => (
          <label key={key} className="switch">
            <input
              type="checkbox"
              role="switch"
              name={key}
              checked={settings[key]}
              disabled={!settings.enabled}
              onChange={(e) => change(key, e.target.checked)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {update.error && <ErrorState error={update.error} />}
    </>
  );
}
