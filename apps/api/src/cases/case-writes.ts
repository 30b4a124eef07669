import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { CLOCK, type Clock } from '@app/common';
import type { CaseCommand } from '@app/engine';
import { caseCommandOf } from '../engine/case-command';
import type { WriteHeaders } from '../http/write-headers';
import type { Actor } from '../identity/actor';
import { writeResponse } from './write-response';

/**
 * A command on a case from a person's request, the way every case route
 * sends one: stamped with who, when and the request's write headers, and
 * answered with the new revision (body and ETag).
 */
@Injectable()
export class CaseWrites {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(command: CaseCommand, actor: Actor, write: WriteHeaders, response: Response) {
    const result = await this.commands.execute(
      caseCommandOf(command, actor, write, this.clock.now().toISOString()),
    );
    return writeResponse(response, result);
  }
}
