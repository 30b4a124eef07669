import type { INestApplication } from '@nestjs/common';
import { ApiProperty, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { payloadSchema, PlanItem, Progressionsplan } from '@app/engine';
import {
  AsOfDto,
  ChangeCaseworkerDto,
  ListCasesDto,
  OpenCaseDto,
  SendEventDto,
  StartProcessDto,
} from './cases/cases.dto';
import { PageDto } from './http/paging.dto';
import { VersionDto } from './processes/processes.controller';
import { DeadlinesDto, FollowUpDto, MonthRangeDto, UnitDto } from './supervision/supervision.dto';
import { RoleQueueDto } from './work/work.dto';

/** Every class the API validates requests with; their OpenAPI schemas come from the same decorators. */
const REQUEST_DTOS = [
  OpenCaseDto,
  ChangeCaseworkerDto,
  StartProcessDto,
  SendEventDto,
  ListCasesDto,
  AsOfDto,
  PageDto,
  RoleQueueDto,
  DeadlinesDto,
  FollowUpDto,
  UnitDto,
  MonthRangeDto,
  VersionDto,
  Progressionsplan,
  PlanItem,
];

let described = false;

/**
 * Swagger reads `@ApiProperty`; the API's rules live in class-validator
 * decorators. Rather than write each rule twice, each DTO property gets an
 * `@ApiProperty` built from the JSON Schema class-validator-jsonschema
 * derives, once per process.
 */
function describeDtos(): void {
  if (described) return;
  described = true;
  for (const dto of REQUEST_DTOS) {
    const schema = payloadSchema(dto) as { properties?: Record<string, object>; required?: string[] };
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      ApiProperty({ ...property, required: schema.required?.includes(name) ?? false } as never)(
        dto.prototype,
        name,
      );
    }
  }
}

/** Serves the OpenAPI document at /api/openapi.json and Swagger UI at /api/docs. */
export function setupOpenApi(app: INestApplication): void {
  describeDtos();
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
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json' });
}
