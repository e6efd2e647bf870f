/** A connection result that can count its filtered rows, but only when totalCount is asked. */
export interface Countable {
  countAll: () => Promise<number>;
}

export function withCount<C extends object>(connection: C, countAll: () => Promise<number>): C & Countable {
  return Object.assign(connection, { countAll });
}

export const totalCountField = {
  description: 'Rows matching the filter (a COUNT: ask only when you need it).',
  resolve: (connection: object) => (connection as Countable).countAll(),
};
