'use client';

import { useMutation, useQuery } from 'urql';
import { ErrorState, Loading } from '../../../components/states';
import { SETTINGS, UPDATE_SETTINGS, type NotificationSettings } from '../../../graphql/settings';
import { useCabinet } from '../../../lib/cabinet-context';

// The same switches, in the same order, as the bot's settings screen.
const TOGGLES: [keyof NotificationSettings, string][] = [
  ['newOrder', 'Новые заказы'],
  ['buyout', 'Выкупы'],
  ['cancellation', 'Отмены'],
  ['return', 'Возвраты'],
  ['negativeReview', 'Негативные отзывы'],
  ['criticalStock', 'Критические остатки'],
];

export default function SettingsPage() {
  const { cabinetId } = useCabinet();
  const [{ data, fetching, error }] = useQuery({
    query: SETTINGS,
    variables: { id: cabinetId },
  });
  const [update, save] = useMutation(UPDATE_SETTINGS);
  const settings = data?.cabinet?.notificationSettings;
  const change = (key: keyof NotificationSettings, value: boolean) =>
    void save({ id: cabinetId, patch: { [key]: value } });

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
