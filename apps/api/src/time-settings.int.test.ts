import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cabinetOf, gql, signedInUser, startTestApi, type TestApi } from './testing/harness.ts';

let api: TestApi;
let token: string;
let cabinetId: string;

beforeAll(async () => {
  api = await startTestApi();
  const signedIn = await signedInUser(api.prisma);
  token = signedIn.token;
  cabinetId = (await cabinetOf(api.prisma, signedIn.user.id)).id;
});
afterAll(async () => api?.close());

const UPDATE = `mutation($zone: String, $time: String) {
  updateTimeSettings(timeZone: $zone, morningSummaryTime: $time) {
    ... on User { timeZone morningSummaryTime }
    ... on OperationError { code message } } }`;

describe('the viewer’s zone and morning summary time', () => {
  it('Moscow at 09:00 by default; any IANA zone and time can be set', async () => {
    const before = await gql(api.url, '{ viewer { timeZone morningSummaryTime } }', { token });
    expect(before.data).toEqual({ viewer: { timeZone: 'Europe/Moscow', morningSummaryTime: '09:00' } });
    const set = await gql(api.url, UPDATE, { variables: { zone: 'Asia/Novosibirsk', time: '08:15' }, token });
    expect(set.data).toEqual({ updateTimeSettings: { timeZone: 'Asia/Novosibirsk', morningSummaryTime: '08:15' } });
  });

  it('refuses an unknown zone with a typed Russian error and changes nothing', async () => {
    const refused = await gql(api.url, UPDATE, { variables: { zone: 'Moscow/Kremlin' }, token });
    expect(refused.data).toEqual({
      updateTimeSettings: {
        code: 'invalid_setting',
        message: 'Не знаю часового пояса «Moscow/Kremlin». Пример: Europe/Moscow, Asia/Yekaterinburg.',
      },
    });
    const read = await gql(api.url, '{ viewer { timeZone } }', { token });
    expect(read.data).toEqual({ viewer: { timeZone: 'Asia/Novosibirsk' } });
  });

  it('needs a signed-in caller', async () => {
    const anonymous = await gql(api.url, UPDATE, { variables: { zone: 'UTC' } });
    expect(anonymous.errors?.[0]?.message).toBeDefined();
    expect(anonymous.data?.updateTimeSettings ?? null).toBeNull();
  });

  it('the morning summary has its switch among the notification settings', async () => {
    const off = await gql(
      api.url,
      `mutation($id: ID!) { updateNotificationSettings(cabinetId: $id, patch: { morningSummary: false }) {
        ... on NotificationSettings { morningSummary newOrder } } }`,
      { variables: { id: cabinetId }, token },
    );
    expect(off.data).toEqual({ updateNotificationSettings: { morningSummary: false, newOrder: true } });
  });
});
