import { createGraphQLError } from 'graphql-yoga';

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
