import Link from 'next/link';
import { countNoun } from '@wb-assist/domain';
import { formatDate } from '../lib/format';
import { keyProblem } from '../lib/key-problem';
import type { Viewer } from '../lib/cabinet-context';

type Cabinet = Viewer['cabinets'][number]['cabinet'];

const DAY_FORMS = ['день', 'дня', 'дней'] as const;

/** The chosen cabinet's key problem on every page of it, with the way out: a new key. */
export function KeyBanner({ cabinet, timeZone }: { cabinet: Cabinet; timeZone: string }) {
  const problem = keyProblem({ status: cabinet.status, expiresAt: cabinet.token.expiresAt });
  if (!problem) return null;
  const until = (iso: string) => formatDate(iso, timeZone);
  const text =
    problem.kind === 'refused'
      ? `${cabinet.statusReason ?? 'WB не принимает ключ этого кабинета.'} Пока ключ не заменён, данные и уведомления не обновляются.`
      : problem.kind === 'paused'
        ? 'Синхронизация кабинета приостановлена: данные и уведомления не обновляются.'
        : problem.kind === 'expired'
          ? `Срок действия ключа WB истёк ${until(problem.expiresAt)}: данные и уведомления не обновляются.`
          : `Ключ WB действует до ${until(problem.expiresAt)} (осталось ${countNoun(problem.daysLeft, DAY_FORMS)}). Замените его заранее, чтобы уведомления не прервались.`;
  return (
    <div className="banner" role="alert" data-testid="key-banner" data-kind={problem.kind}>
      <p>
        <b>{cabinet.name}.</b> {text}
      </p>
      <Link className="button" href={`/onboarding?replace=${encodeURIComponent(cabinet.id)}`}>
        Заменить ключ
      </Link>
    </div>
  );
}
