import type { INestApplication } from '@nestjs/common';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../apps/api/src/openapi';
import { startApp, tempDataDir } from './app-harness';

const GENERATED = '../apps/web/src/api/generated/openapi.d.ts';
const HEADER = [
  "// Generated from the API's OpenAPI document by test/api-types.e2e.spec.ts; do not edit.",
  "// After changing an answer's shape (apps/api/src/http/response-schemas.ts): npm run api:types",
  '',
].join('\n');

/**
 * The web app's API types are generated from the OpenAPI document, never
 * written by hand. This compares the committed file with a fresh
 * generation, so a shape changed on one side fails until both agree;
 * `npm run api:types` (vitest -u) writes it anew.
 */
describe("the web app's API types", () => {
  const data = tempDataDir();
  let app: INestApplication;
  beforeAll(async () => {
    app = await startApp(data.dir);
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('match what openapi-typescript generates from the OpenAPI document', async () => {
    const document = openApiDocument(app);
    const generated = HEADER + astToString(await openapiTS(document as never));
    await expect(generated).toMatchFileSnapshot(GENERATED);
  });
});
