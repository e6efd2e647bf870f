import { describe, expect, it } from 'vitest';
import { BASE_KEY_DELAY, notificationCoverage } from './notification-coverage.ts';

const ALL = (1 << 1) | (1 << 2) | (1 << 5) | (1 << 7);

describe('notificationCoverage', () => {
  it('says once that a Base key’s orders come up to 30 minutes late', () => {
    expect(notificationCoverage(ALL, 'base').warnings).toEqual([BASE_KEY_DELAY]);
    expect(BASE_KEY_DELAY).toContain('с базовым ключом заказы приходят с задержкой до 30 минут');
  });

  it('says nothing of delay for Personal and Service keys', () => {
    expect(notificationCoverage(ALL, 'personal').warnings).toEqual([]);
    expect(notificationCoverage(ALL, 'service').warnings).toEqual([]);
    expect(notificationCoverage(ALL).warnings).toEqual([]);
  });
});
