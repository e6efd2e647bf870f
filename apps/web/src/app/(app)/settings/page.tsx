'use client';

import { NOTIFICATION_DEFINITIONS, STOCK_FORECAST_DAYS, type NotificationType } from '@wb-assist/domain';
import { useMutation, useQuery } from 'urql';
import { ErrorState, Loading } from '../../../components/states';
import { TimeSettings } from '../../../components/time-settings';
import { SETTINGS, UPDATE_SETTINGS } from '../../../graphql/settings';
import { useCabinet } from '../../../lib/cabinet-context';
import { QuietHoursSection } from './quiet-hours-section';

// The same switches, in the same order and with the same names, as the bot's settings screen:
// both read the registry. The API lists each type's state, so nothing here names a type.
const TOGGLES = NOTIFICATION_DEFINITIONS.map((definition) => ({
  type: definition.id,
  label: definition.labels.listName,
}));

export default function SettingsPage() {
  const { cabinetId } = useCabinet();
  const [{ data, fetching, error }] = useQuery({
    query: SETTINGS,
    variables: { id: cabinetId },
  });
  const [update, save] = useMutation(UPDATE_SETTINGS);
  const settings = data?.cabinet?.notificationSettings;
  const enabledTypes = new Set(settings?.types.filter((setting) => setting.enabled).map((setting) => setting.type));
  const setEnabled = (enabled: boolean) => void save({ id: cabinetId, patch: { enabled } });
  const setType = (type: NotificationType, enabled: boolean) =>
    void save({ id: cabinetId, patch: { types: [{ type, enabled }] } });
  const setForecastDays = (days: number) => void save({ id: cabinetId, patch: { stockForecastDays: days } });
  const refused =
    update.data?.updateNotificationSettings.__typename === 'OperationError'
      ? update.data.updateNotificationSettings.message
      : null;

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
            onChange={(e) => setEnabled(e.target.checked)}
          />
          <strong>Уведомления включены</strong>
        </label>
        {TOGGLES.map(({ type, label }) => (
          <label key={type} className="switch">
            <input
              type="checkbox"
              role="switch"
              name={type}
              checked={enabledTypes.has(type)}
              disabled={!settings.enabled}
              onChange={(e) => setType(type, e.target.checked)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset className="card" disabled={update.fetching} aria-busy={update.fetching}>
        <legend>Прогноз остатков</legend>
        <label>
          Предупреждать, когда товара остаётся меньше чем на{' '}
          <input
            key={settings.stockForecastDays}
            type="number"
            name="stockForecastDays"
            min={STOCK_FORECAST_DAYS.min}
            max={STOCK_FORECAST_DAYS.max}
            defaultValue={settings.stockForecastDays}
            onBlur={(e) => {
              const days = Number(e.target.value);
              if (days !== settings.stockForecastDays) setForecastDays(days);
            }}
          />{' '}
          дн. (по средним заказам за 14 дней)
        </label>
      </fieldset>
      <QuietHoursSection />
      {refused && <ErrorState error={refused} />}
      {update.error && <ErrorState error={update.error} />}
      <TimeSettings />
    </>
  );
}
