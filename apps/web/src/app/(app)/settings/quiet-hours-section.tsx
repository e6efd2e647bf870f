'use client';

import { useMutation, useQuery } from 'urql';
import { ErrorState } from '../../../components/states';
import { QUIET_HOURS, UPDATE_QUIET_HOURS } from '../../../graphql/quiet-hours';

const MODES = [
  { value: 'off', label: 'Выключены' },
  { value: 'silent', label: 'Присылать без звука' },
  { value: 'digest', label: 'Копить и прислать одной сводкой в конце' },
] as const;

type Mode = (typeof MODES)[number]['value'];

/**
 * The user's quiet hours: theirs, not the cabinet's, so the section reads the viewer. The same
 * settings as the bot's notification screen, with any HH:MM the browser's time input allows.
 */
export function QuietHoursSection() {
  const [{ data, error }] = useQuery({ query: QUIET_HOURS });
  const [update, save] = useMutation(UPDATE_QUIET_HOURS);
  const hours = data?.viewer?.quietHours;
  const refused =
    update.data?.updateQuietHours.__typename === 'OperationError' ? update.data.updateQuietHours.message : null;

  if (error && !data) return <ErrorState error={error} />;
  if (!hours) return null;
  return (
    <fieldset className="card" disabled={update.fetching} aria-busy={update.fetching}>
      <legend>Тихие часы</legend>
      <label>
        Режим{' '}
        <select
          name="quietHoursMode"
          value={hours.mode}
          onChange={(e) => void save({ patch: { mode: e.target.value as Mode } })}
        >
          {MODES.map((mode) => (
            <option key={mode.value} value={mode.value}>
              {mode.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        С{' '}
        <input
          key={`start-${hours.start}`}
          type="time"
          name="quietHoursStart"
          defaultValue={hours.start}
          onBlur={(e) => {
            if (e.target.value !== hours.start) void save({ patch: { start: e.target.value } });
          }}
        />{' '}
        до{' '}
        <input
          key={`end-${hours.end}`}
          type="time"
          name="quietHoursEnd"
          defaultValue={hours.end}
          onBlur={(e) => {
            if (e.target.value !== hours.end) void save({ patch: { end: e.target.value } });
          }}
        />{' '}
        по времени {hours.timeZone}
      </label>
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          name="quietHoursCriticalStock"
          checked={hours.criticalStockBreaksThrough}
          onChange={(e) => void save({ patch: { criticalStockBreaksThrough: e.target.checked } })}
        />
        Критический остаток — сразу, даже в тихие часы
      </label>
      {refused && <ErrorState error={refused} />}
      {update.error && <ErrorState error={update.error} />}
    </fieldset>
  );
}
