import type { INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { ApiProperty, DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { RESPONSE_SCHEMAS } from './http/response-schemas';
import { payloadSchema, PlanItem } from '@app/engine';

type Dto = new () => object;

/**
 * Every class a route validates its query or body with, read off the
 * controllers themselves, so a parameter can never be taken without being
 * documented. Nested classes (the plan's rows) are described with them.
 */
function requestDtos(app: INestApplication): Set<Dto> {
  const dtos = new Set<Dto>([PlanItem]);
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      const prototype = (metatype as { prototype?: object } | undefined)?.prototype;
      if (!prototype) continue;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, metatype as object, method) ?? {}) as Record<
          string,
          { index: number }
        >;
        const types = (Reflect.getMetadata('design:paramtypes', prototype, method) ?? []) as unknown[];
        for (const [key, { index }] of Object.entries(args)) {
          const kind = Number(key.split(':')[0]);
          const type = types[index];
          if (
            (kind === RouteParamtypes.QUERY || kind === RouteParamtypes.BODY) &&
            typeof type === 'function'
          ) {
            if (type !== Object) dtos.add(type as Dto);
          }
        }
      }
    }
  }
  return dtos;
}

let described = false;

/**
 * Swagger reads `@ApiProperty`; the API's rules live in class-validator
 * decorators. Rather than write each rule twice, each DTO property gets an
 * `@ApiProperty` built from the JSON Schema class-validator-jsonschema
 * derives, once per process.
 */
function describeDtos(app: INestApplication): void {
  if (described) return;
  described = true;
  for (const dto of requestDtos(app)) {
    const schema = payloadSchema(dto) as { properties?: Record<string, object>; required?: string[] };
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      ApiProperty({ ...property, required: schema.required?.includes(name) ?? false } as never)(
        dto.prototype,
        name,
      );
    }
  }
}

/** The API's OpenAPI document: routes, request rules, and the answers' shapes (`RESPONSE_SCHEMAS`). */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  describeDtos(app);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Ärendemotorn')
      .setDescription(
        'Case workflow engine for the rehab toolbox. Writes take Idempotency-Key and If-Match; ' +
          'errors are { code, message, details }. Every call but health, docs and sign-in needs ' +
          'Authorization: Bearer <access token> from the configured OIDC provider, or from ' +
          'POST /api/auth/dev/sign-in when none is configured (development only).',
      )
      .addBearerAuth()
      .setVersion('0.1.0')
      .build(),
  );
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...(RESPONSE_SCHEMAS as Record<string, SchemaObject>) },
  };
  return document;
}

/** Serves the OpenAPI document at /api/openapi.json and Swagger UI at /api/docs. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, openApiDocument(app), { jsonDocumentUrl: 'api/openapi.json' });
}
