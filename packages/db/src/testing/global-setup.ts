import type { TestProject } from 'vitest/node';
import { createTemplateDatabase, dropDatabase, startTestServer } from './test-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dbAdminUrl: string;
    dbTemplate: string;
  }
}

// Vitest globalSetup for integration tests: one server and one migrated template per run.
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const template = await createTemplateDatabase(server.adminUrl);
  project.provide('dbAdminUrl', server.adminUrl);
  project.provide('dbTemplate', template);
  return async () => {
    await dropDatabase(server.adminUrl, template);
    await server.stop();
  };
}
