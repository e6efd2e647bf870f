'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { WB_KEY_TYPE_LABELS } from '@wb-assist/domain';
import { Empty, ErrorState, Loading } from '../../../components/states';
import {
  CABINET_ADMIN,
  CREATE_API_TOKEN,
  CREATE_INVITE,
  LEAVE_CABINET,
  REVOKE_API_TOKEN,
} from '../../../graphql/cabinets';
import { useCabinet } from '../../../lib/cabinet-context';
import { storeChosenCabinet } from '../../../lib/chosen-cabinet';
import { formatDate, formatInstant } from '../../../lib/format';

export default function CabinetsPage() {
  const { cabinetId, viewer } = useCabinet();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CABINET_ADMIN,
    variables: { id: cabinetId },
  });
  const [, createInvite] = useMutation(CREATE_INVITE);
  const [, createToken] = useMutation(CREATE_API_TOKEN);
  const [, revokeToken] = useMutation(REVOKE_API_TOKEN);
  const [, leave] = useMutation(LEAVE_CABINET);
  const router = useRouter();
  const [invite, setInvite] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [tokenName, setTokenName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function invite_() {
    const result = (await createInvite({ id: cabinetId })).data?.createInvite;
    if (result?.__typename === 'Invite') setInvite(result.code);
    else setProblem(result?.message ?? 'Не удалось создать приглашение');
  }
  async function addToken(event: FormEvent) {
    event.preventDefault();
    const result = (await createToken({ name: tokenName })).data?.createApiToken;
    if (result?.__typename === 'CreateApiTokenPayload') {
      setSecret(result.token);
      setTokenName('');
      refetch({ requestPolicy: 'network-only' });
    } else setProblem(result?.message ?? 'Не удалось создать токен');
  }

  async function leave_() {
    const name = data?.cabinet?.name ?? 'кабинет';
    if (!window.confirm(`Покинуть «${name}»? Уведомления из него перестанут приходить.`)) return;
    const result = (await leave({ id: cabinetId })).data?.leaveCabinet;
    if (result?.__typename === 'LeaveCabinetPayload') {
      storeChosenCabinet(null);
      // The shell reloads the viewer: another cabinet, or onboarding when none is left.
      router.replace('/');
      window.location.reload();
    } else setProblem(result?.message ?? 'Не удалось покинуть кабинет');
  }

  if (error && !data) return <ErrorState error={error} />;
  if (fetching && !data) return <Loading />;
  return (
    <>
      <h1>Кабинеты</h1>
      <section className="card" aria-labelledby="my-cabinets">
        <h2 id="my-cabinets">Мои кабинеты</h2>
        <ul>
          {viewer.cabinets.map((m) => (
            <li key={m.cabinet.id}>
              {m.cabinet.name} · {m.role === 'owner' ? 'владелец' : 'участник'}
            </li>
          ))}
        </ul>
        {data?.cabinet && (
          <p className="muted" data-testid="key-facts">
            Ключ WB: {WB_KEY_TYPE_LABELS[data.cabinet.token.type]}, действует до{' '}
            {formatDate(data.cabinet.token.expiresAt, viewer.timeZone)}
          </p>
        )}
        <p>
          <Link href="/onboarding">Подключить ещё кабинет</Link>
        </p>
      </section>
      {data?.cabinet && (
        <section className="card" aria-labelledby="members-title">
          <h2 id="members-title">Участники «{data.cabinet.name}»</h2>
          <ul data-testid="members">
            {data.cabinet.members.map((member, index) => (
              <li key={index}>
                {[member.firstName, member.lastName].filter(Boolean).join(' ') || 'Без имени'}
                {member.username ? ` (@${member.username})` : ''} · {member.role === 'owner' ? 'владелец' : 'участник'}
                {member.isViewer ? ' · это вы' : ''}
                {member.receivesMessages ? '' : ' · заблокировал бота'}
                <span className="muted"> · с {formatInstant(member.joinedAt, viewer.timeZone)}</span>
              </li>
            ))}
          </ul>
          <div className="filters">
            <button onClick={() => void invite_()}>Пригласить сотрудника</button>
            <button className="secondary" onClick={() => void leave_()}>
              Покинуть кабинет
            </button>
          </div>
          {invite && (
            <p role="status">
              {data.loginOptions.telegramBotUsername ? (
                <>
                  Одноразовая ссылка-приглашение, отправьте её сотруднику:{' '}
                  <code data-testid="invite-link">
                    https://t.me/{data.loginOptions.telegramBotUsername}?start=inv_{invite}
                  </code>
                </>
              ) : (
                <>
                  Код приглашения (одноразовый): <code data-testid="invite-link">{invite}</code>
                </>
              )}
            </p>
          )}
        </section>
      )}
      <section className="card" aria-labelledby="api-tokens">
        <h2 id="api-tokens">API-токены для интеграций</h2>
        {data?.viewer?.apiTokens.length === 0 && <Empty text="Токенов нет" />}
        <ul>
          {data?.viewer?.apiTokens.map((token) => (
            <li key={token.id}>
              {token.name} <code>{token.prefix}…</code> · создан {formatInstant(token.createdAt, viewer.timeZone)}{' '}
              <button
                className="secondary"
                aria-label={`Отозвать токен ${token.name}`}
                onClick={() =>
                  void revokeToken({ id: token.id }).then(() => refetch({ requestPolicy: 'network-only' }))
                }
              >
                Отозвать
              </button>
            </li>
          ))}
        </ul>
        <form className="filters" onSubmit={(e) => void addToken(e)}>
          <label>
            Название токена
            <input value={tokenName} onChange={(e) => setTokenName(e.target.value)} required />
          </label>
          <button type="submit">Создать токен</button>
        </form>
        {secret && (
          <p role="status">
            Токен показан один раз, сохраните его: <code data-testid="api-token-secret">{secret}</code>
          </p>
        )}
      </section>
      {problem && <ErrorState error={problem} />}
    </>
  );
}
