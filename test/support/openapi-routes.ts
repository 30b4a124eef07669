import type { INestApplication } from '@nestjs/common';
import request from 'supertest';

export type JsonSchema = {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly items?: JsonSchema;
  readonly enum?: readonly unknown[];
  readonly format?: string;
  readonly $ref?: string;
  readonly required?: readonly string[];
};

export interface Operation {
  readonly method: 'get' | 'post';
  /** As the document spells it: `/api/cases/{caseId}`. */
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly string[];
  readonly headers: readonly string[];
  readonly body?: JsonSchema;
}

/** Every operation the app's own OpenAPI document offers, with its parameters and body schema resolved. */
export async function operationsOf(app: INestApplication): Promise<Operation[]> {
  const { body: doc } = await request(app.getHttpServer()).get('/api/openapi.json').expect(200);
  const schemas = doc.components?.schemas ?? {};
  const resolve = (schema: JsonSchema | undefined): JsonSchema | undefined =>
    schema?.$ref ? schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;
  return Object.entries(doc.paths as Record<string, Record<string, Record<string, unknown>>>).flatMap(
    ([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => {
        const parameters = (operation.parameters ?? []) as { name: string; in: string }[];
        const named = (where: string) => parameters.filter((p) => p.in === where).map((p) => p.name);
        const content = (operation.requestBody as { content?: Record<string, { schema?: JsonSchema }> })
          ?.content;
        return {
          method: method as 'get' | 'post',
          path,
          pathParams: named('path'),
          queryParams: named('query'),
          headers: named('header'),
          body: resolve(content?.['application/json']?.schema),
        };
      }),
  );
}
