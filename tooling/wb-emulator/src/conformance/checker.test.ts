import { describe, expect, it } from 'vitest';
import { Checker } from './checker.ts';
import { fromObject } from './openapi.ts';

const doc = fromObject('inline.yaml', {
  openapi: '3.0.1',
  paths: {
    '/rows': {
      get: {
        responses: {
          '200': {
            content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Row' } } } },
          },
          '204': { description: 'no content' },
          '401': { $ref: '#/components/responses/401' },
        },
      },
    },
  },
  components: {
    schemas: {
      Row: {
        type: 'object',
        required: ['id'],
        properties: {
          id: { type: 'integer', format: 'int64' },
          sid: { type: 'string', format: 'UUID' },
          answer: { type: 'object', nullable: true, properties: { text: { type: 'string' } } },
          at: { type: 'string', format: 'date-time' },
        },
      },
    },
    responses: {
      '401': {
        content: {
          'application/problem+json': { schema: { type: 'object', properties: { title: { type: 'string' } } } },
        },
      },
    },
  },
});

const json = 'application/json; charset=utf-8';

describe('conformance checker', () => {
  const checker = new Checker([doc]);

  it('accepts a conforming body, resolving $refs and honouring nullable', () => {
    const body = JSON.stringify([
      { id: 1, sid: 'not-really-a-uuid', answer: null, at: '2026-11-27T12:00:00Z' },
      { id: 2, answer: { text: 'ok' } },
    ]);
    expect(checker.check('/rows', 'GET', { status: 200, contentType: json, body })).toEqual([]);
  });

  it('reports wrong types, missing required fields and bad formats', () => {
    const body = JSON.stringify([{ id: '1' }, { answer: 5 }, { id: 3, at: 'yesterday' }]);
    const violations = checker.check('/rows', 'GET', { status: 200, contentType: json, body });
    expect(violations.join('\n')).toMatch(/\/0\/id must be integer/);
    expect(violations.join('\n')).toMatch(/must have required property 'id'/);
    expect(violations.join('\n')).toMatch(/\/2\/at must match format "date-time"/);
  });

  it('reports undocumented statuses, wrong content types, bodies where none is documented, non-JSON', () => {
    expect(checker.check('/rows', 'GET', { status: 500, contentType: json, body: '{}' })).toEqual([
      expect.stringMatching(/status 500 is not documented/),
    ]);
    expect(checker.check('/rows', 'GET', { status: 401, contentType: json, body: '{}' })).toEqual([
      expect.stringMatching(/content-type application\/json is not among application\/problem\+json/),
    ]);
    expect(checker.check('/rows', 'GET', { status: 204, contentType: '', body: 'x' })).toHaveLength(1);
    expect(checker.check('/rows', 'GET', { status: 200, contentType: json, body: '[{' })).toEqual(['body is not JSON']);
    expect(checker.documents('/other', 'GET')).toBe(false);
  });
});
