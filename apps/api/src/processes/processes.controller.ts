import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import {
  payloadSchema,
  ProcessRegistry,
  LANE_LABELS,
  startRulesOf,
  type ProcessDefinition,
} from '@app/engine';
import { toBpmnXml, toMermaid } from '@app/workflow';
import { IdParamPipe } from '../http/ids';
import { Allow, EVERY_ROLE } from '../identity/actor';
import { Answers } from '../http/response-schemas';

export class VersionDto {
  /** A registered version; the latest when absent. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

function describe(definition: ProcessDefinition, versions: number[]) {
  return {
    id: definition.id,
    version: definition.version,
    versions,
    title: definition.title,
    description: definition.description,
    startLanes: definition.startLanes.map((role) => ({ role, label: LANE_LABELS[role] })),
    startRules: startRulesOf(definition).map(({ id, message }) => ({ id, message })),
    events: Object.entries(definition.events).map(([type, step]) => ({
      type,
      label: step.label,
      lanes: step.lanes,
      schema: payloadSchema(step.payload),
      rules: (step.rules ?? []).map(({ id, message }) => ({ id, message })),
    })),
    deadlines: Object.entries(definition.deadlines).map(([name, spec]) => ({ name, ...spec })),
  };
}

/** The process definitions the engine runs, and their diagrams. */
@ApiTags('processes')
@Allow(...EVERY_ROLE)
@Controller('api/processes')
export class ProcessesController {
  constructor(private readonly registry: ProcessRegistry) {}

  @Get()
  @Answers('ProcessSummary', { list: true })
  @ApiOperation({ summary: 'Every process definition (latest version)' })
  list() {
    return this.registry.ids().map((id) => describe(this.registry.latest(id), this.registry.versions(id)));
  }

  @Get(':definitionId')
  @Answers('ProcessSummary')
  @ApiOperation({ summary: 'One process definition: steps, lanes, payload schemas, deadlines' })
  get(@Param('definitionId', IdParamPipe) id: string, @Query() query: VersionDto) {
    return describe(this.pick(id, query.version), this.registry.versions(id));
  }

  @Get(':definitionId/bpmn')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @ApiProduces('application/xml')
  @ApiOperation({ summary: 'The definition as BPMN 2.0 XML (lanes, tasks, gateways, timers)' })
  bpmn(@Param('definitionId', IdParamPipe) id: string, @Query() query: VersionDto): string {
    return toBpmnXml(this.pick(id, query.version), LANE_LABELS);
  }

  @Get(':definitionId/mermaid')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'The definition as a Mermaid state diagram' })
  mermaid(@Param('definitionId', IdParamPipe) id: string, @Query() query: VersionDto): string {
    return toMermaid(this.pick(id, query.version));
  }

  private pick(id: string, version?: number): ProcessDefinition {
    return version === undefined ? this.registry.latest(id) : this.registry.get(id, version);
  }
}
