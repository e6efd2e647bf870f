import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_DEFINITIONS } from './index.ts';

/**
 * The registry is the only place a type's settings column, GraphQL names and Russian labels
 * are spelled; everything else reads them from it. This scans the tracked source for strays.
 *
 * What is scanned: tracked .ts/.tsx/.js/.mjs/.cjs files, except
 * - the registry itself;
 * - tests and test harnesses (*.test.*, testing/, e2e/): a test asserts what a user sees or
 *   what an integrator sends, and may spell it literally;
 * - what is generated or declares the storage: migrations, the Prisma schema and client,
 *   apps/api/schema.graphql (printed from the code) and the web's typed copy of it
 *   (apps/web/src/graphql/graphql-env.d.ts). The web's GraphQL documents are scanned: they read
 *   the switches as a list (`types { type enabled }`), so they name no type either.
 *
 * What counts as a stray:
 * - a settings column, in either spelling, or a GraphQL toggle or details type name, anywhere
 *   as a whole identifier (toggles that are just the type's id, such as `buyout`, are plain
 *   words and not looked for);
 * - a Russian label of two or more words standing as a whole string literal ('Новые заказы')
 *   — how hand-kept maps and lists spell them. One-word labels («Выкуп», «Отмены») are
 *   ordinary vocabulary that charts and tables use for other things; prose and headings of
 *   other screens («пишу о новых заказах…», `<h2>Негативные отзывы</h2>` over the reviews
 *   list) may say the same words.
 */

const SOURCE = /\.(ts|tsx|js|mjs|cjs)$/;
const EXCLUDED = [
  /^packages\/domain\/src\/notifications\/registry\//,
  /\.test\.[a-z]+$/,
  /(^|\/)(testing|e2e)\//,
  /^packages\/db\/prisma\//,
  /(^|\/)generated\//,
  /^apps\/api\/schema\.graphql$/,
  /^apps\/web\/src\/graphql\/graphql-env\.d\.ts$/,
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const identifier = (name: string) => new RegExp(`(?<![A-Za-z0-9_$])${escape(name)}(?![A-Za-z0-9_$])`);
const wholeLiteral = (label: string) => new RegExp(`(['"\`])${escape(label)}\\1`);

const identifiers = NOTIFICATION_DEFINITIONS.flatMap((d) => [
  d.setting.field,
  d.setting.column,
  d.graphql.details,
  ...(d.graphql.toggle === d.id ? [] : [d.graphql.toggle]),
]);

const labels = [
  ...new Set(
    NOTIFICATION_DEFINITIONS.flatMap((d) => {
      const { emoji: _emoji, groupForms, nounForms, ...words } = d.labels;
      return [...Object.values(words), ...groupForms, ...nounForms];
    }).filter((label) => label.trim().includes(' ')),
  ),
];

const PATTERNS = [
  ...identifiers.map((name) => ({ name, pattern: identifier(name) })),
  ...labels.map((name) => ({ name, pattern: wholeLiteral(name) })),
];

/** "file: string" for every stray in one file's text. */
export function straysIn(file: string, text: string): string[] {
  return PATTERNS.filter(({ pattern }) => pattern.test(text)).map(({ name }) => `${file}: ${name}`);
}

const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();

function scannedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\0')
    .filter((file) => SOURCE.test(file) && !EXCLUDED.some((pattern) => pattern.test(file)));
}

describe('the registry is the only place a type is spelled', () => {
  it('finds no settings column, GraphQL name or Russian label of a type outside it', () => {
    const files = scannedFiles();
    // The scan must see the surfaces that read the registry, or it proves nothing.
    expect(files).toEqual(expect.arrayContaining(['apps/bot/src/views/labels.ts', 'apps/web/src/graphql/settings.ts']));
    const strays = files.flatMap((file) => {
      const full = path.join(root, file);
      return fs.existsSync(full) ? straysIn(file, fs.readFileSync(full, 'utf8')) : [];
    });
    expect(strays).toEqual([]);
  });

  it('names the file and the string of a stray', () => {
    const handKept = `const NAMES = { new_order: 'Новые заказы', buyout: 'Выкупы' };\nSELECT s.new_orders_enabled`;
    expect(straysIn('apps/x.ts', handKept)).toEqual(['apps/x.ts: new_orders_enabled', 'apps/x.ts: Новые заказы']);
    expect(straysIn('apps/y.tsx', '[["criticalStock", `Критические остатки`]]')).toEqual([
      'apps/y.tsx: criticalStock',
      'apps/y.tsx: Критические остатки',
    ]);
  });

  it('lets prose, one-word labels and longer identifiers be', () => {
    const prose = `'пишу о новых заказах, выкупах' 'Выкупы' <h2>Критические остатки</h2> criticalStockThreshold criticalStocks newOrdersEnabledAt`;
    expect(straysIn('apps/z.ts', prose)).toEqual([]);
  });
});
