import type { ApiResponse } from './types.ts';

/** A Bot API failure; thrown by method handlers and turned into Telegram's error body. */
export class ApiError extends Error {
  readonly errorCode: number;
  readonly retryAfter: number | undefined;

  constructor(errorCode: number, description: string, retryAfter?: number) {
    super(description);
    this.errorCode = errorCode;
    this.retryAfter = retryAfter;
  }

  toResponse(): ApiResponse {
    return {
      ok: false,
      error_code: this.errorCode,
      description: this.message,
      ...(this.retryAfter === undefined ? {} : { parameters: { retry_after: this.retryAfter } }),
    };
  }
}

export const badRequest = (what: string): ApiError => new ApiError(400, `Bad Request: ${what}`);
