import { ForbiddenError } from '@pothos/plugin-scope-auth';
import { builder } from './builder.ts';

/** An expected failure with a stable code and a Russian message to show as is. */
export class OperationError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'OperationError';
    this.code = code;
  }
}

/** connectCabinet's refusals: the same codes and messages as the bot. */
export class ConnectCabinetError extends OperationError {}

export class SyncRequestRejected extends OperationError {
  readonly retryAfterSeconds: number | null;

  constructor(code: string, message: string, retryAfterSeconds: number | null) {
    super(code, message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'Every typed failure has a message for people.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: 'Not signed in, or not a member of the cabinet the operation names.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ForbiddenError,
});

builder.objectType(OperationError, {
  name: 'OperationError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof Error && Object.getPrototypeOf(value) === OperationError.prototype,
  fields: (t) => ({ code: t.exposeString('code', { description: 'Stable machine-readable reason.' }) }),
});

export const ConnectCabinetErrorCode = builder.enumType('ConnectCabinetErrorCode', {
  values: [
    'not_a_token',
    'expired',
    'test_token',
    'no_statistics',
    'rejected',
    'wb_unavailable',
    'rate_limited',
    'other_seller',
  ] as const,
});

builder.objectType(ConnectCabinetError, {
  name: 'ConnectCabinetError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ConnectCabinetError,
  fields: (t) => ({
    code: t.field({ type: ConnectCabinetErrorCode, resolve: (error) => error.code as never }),
  }),
});

builder.objectType(SyncRequestRejected, {
  name: 'SyncRequestRejected',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof SyncRequestRejected,
  fields: (t) => ({
    code: t.exposeString('code', { description: 'not_member, not_ready or too_soon.' }),
    retryAfterSeconds: t.exposeInt('retryAfterSeconds', { nullable: true }),
  }),
});

export { ForbiddenError };
