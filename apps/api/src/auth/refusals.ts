import { createGraphQLError } from 'graphql-yoga';

/**
 * graphql-ws's code for "not allowed"; its clients retry it (a browser then asks for a fresh
 * socket token), unlike 4401.
 */
export const SOCKET_FORBIDDEN = 4403;

// Close reasons must fit in 123 bytes (RFC 6455): about 60 Cyrillic letters.
export const CREDENTIAL_REFUSED = 'Токен не принят: он неверен, отозван или истёк';
export const FOREIGN_ORIGIN_REFUSED = 'Сессия по cookie принимается только со страниц кабинета';

export function unauthenticatedError() {
  return createGraphQLError(`${CREDENTIAL_REFUSED}.`, {
    extensions: {
      code: 'UNAUTHENTICATED',
      http: { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } },
    },
  });
}

export function foreignOriginError() {
  return createGraphQLError(`${FOREIGN_ORIGIN_REFUSED}.`, {
    extensions: { code: 'FORBIDDEN_ORIGIN', http: { status: 403 } },
  });
}
