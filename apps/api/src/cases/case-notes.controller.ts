import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CaseAccess } from '@app/access';
import { CASE_COMMAND_ROLES, CaseNote, DocumentReference } from '@app/engine';
import { CaseNotesQuery } from '@app/projections';
import { Discloses } from '../access/discloses';
import { IdParamPipe } from '../http/ids';
import { Answers } from '../http/response-schemas';
import { Write, WriteHeadersDoc, type WriteHeaders } from '../http/write-headers';
import { Allow, CASE_READERS, CurrentActor, type Actor } from '../identity/actor';
import { CaseWrites } from './case-writes';

/**
 * The case's own notes, journalanteckning-style, and its references to the
 * handlings in the journal system (issue 18): written as events, never
 * edited, sealed, and read only by those who may see the case, logged.
 */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class CaseNotesController {
  constructor(
    private readonly writes: CaseWrites,
    private readonly queries: QueryBus,
    private readonly access: CaseAccess,
  ) {}

  @Get(':caseId/notes')
  @Answers('CaseNotes')
  @Allow(...CASE_READERS)
  @Discloses('case-notes')
  @ApiOperation({ summary: "The case's notes and references to handlings, the newest day first" })
  async list(@Param('caseId', IdParamPipe) caseId: string, @CurrentActor() actor: Actor) {
    await this.access.visibleCase(actor, caseId);
    return { caseId, items: await this.queries.execute(new CaseNotesQuery(caseId)) };
  }

  @Post(':caseId/notes')
  @Answers('WriteResult')
  @Allow(...CASE_COMMAND_ROLES.RecordCaseNote)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Write a dated note on the case',
    description: 'Never edited: a later note corrects an earlier one. The text is sealed with the case.',
  })
  @WriteHeadersDoc()
  note(
    @Param('caseId', IdParamPipe) caseId: string,
    @Body() body: CaseNote,
    @CurrentActor() actor: Actor,
    @Write() write: WriteHeaders,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.writes.run({ type: 'RecordCaseNote', caseId, note: { ...body } }, actor, write, response);
  }

  @Post(':caseId/documents')
  @Answers('WriteResult')
  @Allow(...CASE_COMMAND_ROLES.RecordDocumentReference)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record where a handling is kept in the journal system: its kind, date and id there',
  })
  @WriteHeadersDoc()
  document(
    @Param('caseId', IdParamPipe) caseId: string,
    @Body() body: DocumentReference,
    @CurrentActor() actor: Actor,
    @Write() write: WriteHeaders,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.writes.run(
      { type: 'RecordDocumentReference', caseId, document: { ...body } },
      actor,
      write,
      response,
    );
  }
}
