import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

// Prisma's CLI wants a native schema engine that it downloads from outside npm, which these
// machines cannot reach. `prisma generate` never runs that engine, so any existing file
// satisfies its check. Migrations are applied by our own runner (src/migrate.ts).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
