'use client';

import { formatDateTime } from '@wb-assist/domain';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { TIME_SETTINGS, UPDATE_TIME_SETTINGS } from '../graphql/time-settings';
import { ErrorState } from './states';

/** Every zone this browser knows: the list to search; the API checks whatever is typed. */
const ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/**
 * The user's own zone (any IANA name, searched by typing: "Berlin", "Asia/") and the time of
 * the morning summary. Every time and day on the dashboard follows the zone saved here.
 */
export function TimeSettings() {
  const [{ data }] = useQuery({ query: TIME_SETTINGS });
  const [update, save] = useMutation(UPDATE_TIME_SETTINGS);
  const viewer = data?.viewer;
  const [zone, setZone] = useState<string | null>(null);
  const [time, setTime] = useState<string | null>(null);
  if (!viewer) return null;
  const result = update.data?.updateTimeSettings;
  const refused = result?.__typename === 'OperationError' ? result.message : null;
  const chosenZone = zone ?? viewer.timeZone;
  const chosenTime = time ?? viewer.morningSummaryTime ?? '09:00';

  return (
    <form
      className="card"
      aria-busy={update.fetching}
      onSubmit={(e) => {
        e.preventDefault();
        void save({ timeZone: chosenZone, morningSummaryTime: chosenTime }).then(() => {
          setZone(null);
          setTime(null);
        });
      }}
    >
      <fieldset disabled={update.fetching}>
        <legend>Часовой пояс и утренняя сводка</legend>
        <label>
          Часовой пояс{' '}
          <input
            name="timeZone"
            list="time-zones"
            value={chosenZone}
            onChange={(e) => setZone(e.target.value)}
            placeholder="Europe/Moscow"
            autoComplete="off"
            spellCheck={false}
          />
          <datalist id="time-zones">
            {ZONES.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </label>
        <p className="muted" data-testid="zone-now">
          Сейчас там {formatDateTime(new Date(), viewer.timeZone)}. В этом поясе показываются все даты и «сегодня».
        </p>
        <label>
          Утренняя сводка за вчера в{' '}
          <input
            type="time"
            name="morningSummaryTime"
            value={chosenTime}
            onChange={(e) => setTime(e.target.value)}
            required
          />
        </label>
        <button type="submit">Сохранить</button>
      </fieldset>
      {refused && <ErrorState error={refused} />}
      {update.error && <ErrorState error={update.error} />}
    </form>
  );
}
