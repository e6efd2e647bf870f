import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryRateLimiter } from '@wb-assist/wb-api';
import { startEmulator, type RunningEmulator } from '@wb-assist/wb-emulator';
import { gql, signedInUser, startTestApi, type TestApi } from './testing/harness.ts';

let emulator: RunningEmulator;
let api: TestApi;

beforeAll(async () => {
  emulator = await startEmulator({ seed: 11, profile: 'fast', publishIntervalMinutes: 0 });
  const hosts = emulator.hosts;
  api = await startTestApi({ wb: { hosts, limiter: new MemoryRateLimiter() } });
});
afterAll(async () => {
  await api?.close();
  await emulator?.close();
});

const CONNECT = `mutation($key: String!) { connectCabinet(key: $key) {
  __typename
  ... on ConnectCabinetPayload { sellerName joined alreadyMember available warnings cabinet { id name status myRole } }
  ... on ConnectCabinetError { code message }
  ... on ForbiddenError { message }
} }`;

describe('connectCabinet over GraphQL (against the WB emulator)', () => {
  it('connects a key: the viewer owns the new cabinet, due for its initial sync', async () => {
    const seller = await emulator.control.createSeller({ name: 'ИП Морозова' });
    const { token: key } = await emulator.control.createToken({
      sid: seller.sid,
      categories: ['statistics', 'content'],
    });
    const { token } = await signedInUser(api.prisma);
    const result = await gql(api.url, CONNECT, { variables: { key }, token });
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({
      connectCabinet: {
        __typename: 'ConnectCabinetPayload',
        sellerName: 'ИП Морозова',
        joined: false,
        alreadyMember: false,
        available: ['new_order', 'buyout', 'cancellation', 'return', 'anomaly', 'key_health', 'morning_summary'],
        cabinet: { name: 'ИП Морозова', status: 'initial_sync', myRole: 'owner' },
      },
    });
    const warnings = (result.data as { connectCabinet: { warnings: string[] } }).connectCabinet.warnings;
    expect(warnings.join(' ')).toMatch(/Вопросы и отзывы/);
  });

  it('answers typed errors with the bot’s Russian messages', async () => {
    const { token } = await signedInUser(api.prisma);
    const notAKey = await gql(api.url, CONNECT, { variables: { key: 'hello' }, token });
    expect(notAKey.data).toEqual({
      connectCabinet: {
        __typename: 'ConnectCabinetError',
        code: 'not_a_token',
        message:
          'Это не похоже на ключ WB API. Создайте ключ в личном кабинете продавца (Настройки → Доступ к API) и пришлите его целиком.',
      },
    });
    const seller = await emulator.control.createSeller({ name: 'ИП Без статистики' });
    const { token: key } = await emulator.control.createToken({ sid: seller.sid, categories: ['content'] });
    const noStatistics = await gql(api.url, CONNECT, { variables: { key }, token });
    expect(noStatistics.data).toMatchObject({
      connectCabinet: { __typename: 'ConnectCabinetError', code: 'no_statistics' },
    });
  });

  it('a teammate joins by invite; leaving hands nothing to outsiders', async () => {
    const seller = await emulator.control.createSeller({ name: 'ИП Команда' });
    const { token: key } = await emulator.control.createToken({ sid: seller.sid, categories: ['statistics'] });
    const owner = await signedInUser(api.prisma);
    const connected = await gql<{ connectCabinet: { cabinet: { id: string } } }>(api.url, CONNECT, {
      variables: { key },
      token: owner.token,
    });
    const cabinetId = connected.data!.connectCabinet.cabinet.id;
    const invite = await gql<{ createInvite: { code: string } }>(
      api.url,
      'mutation($id: ID!) { createInvite(cabinetId: $id) { ... on Invite { code expiresAt } } }',
      { variables: { id: cabinetId }, token: owner.token },
    );
    const mate = await signedInUser(api.prisma);
    const accepted = await gql(
      api.url,
      `mutation($code: String!) { acceptInvite(code: $code) { __typename
        ... on AcceptInvitePayload { cabinetName alreadyMember cabinet { id myRole } }
        ... on OperationError { code message } } }`,
      { variables: { code: invite.data!.createInvite.code }, token: mate.token },
    );
    expect(accepted.data).toEqual({
      acceptInvite: {
        __typename: 'AcceptInvitePayload',
        cabinetName: 'ИП Команда',
        alreadyMember: false,
        cabinet: { id: cabinetId, myRole: 'member' },
      },
    });
    const again = await gql(
      api.url,
      'mutation($code: String!) { acceptInvite(code: $code) { __typename ... on OperationError { code } } }',
      { variables: { code: invite.data!.createInvite.code }, token: (await signedInUser(api.prisma)).token },
    );
    expect(again.data).toEqual({ acceptInvite: { __typename: 'OperationError', code: 'used' } });

    const left = await gql(
      api.url,
      'mutation($id: ID!) { leaveCabinet(cabinetId: $id) { ... on LeaveCabinetPayload { cabinetDeleted } } }',
      { variables: { id: cabinetId }, token: mate.token },
    );
    expect(left.data).toEqual({ leaveCabinet: { cabinetDeleted: false } });
    const gone = await gql(api.url, 'query($id: ID!) { cabinet(id: $id) { id } }', {
      variables: { id: cabinetId },
      token: mate.token,
    });
    expect(gone.data).toEqual({ cabinet: null });
  });
});
