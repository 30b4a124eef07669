import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  CaseEngine,
  SYSTEM_ROLE,
  type CaseCommand,
  type CommandMetadata,
  type CommandResult,
} from '@app/engine';
import { AppError } from '@app/common';
import { actingRoles, type Principal, CaseAccess } from '@app/access';
import type { WriteHeaders } from '../http/write-headers';
import { Metrics } from '../metrics/metrics';

/**
 * The bus message for every case command a person sends. The engine's
 * `CaseCommand` union is the command vocabulary; one bus class carries it.
 * The principal's roles become the engine's acting roles only for the
 * case's own unit, and only on a case they may see.
 */
export class ExecuteCaseCommand extends Command<CommandResult> {
  constructor(
    readonly command: CaseCommand,
    readonly metadata: Omit<CommandMetadata, 'roles'>,
    readonly principal: Principal,
  ) {
    super();
  }
}

/** A person's command as an HTTP write sends it: the write's headers, the clock's now. */
export function caseCommandOf(
  command: CaseCommand,
  principal: Principal,
  write: WriteHeaders,
  now: string,
): ExecuteCaseCommand {
  return new ExecuteCaseCommand(
    command,
    {
      actorId: principal.id,
      now,
      correlationId: write.correlationId,
      commandId: write.commandId,
      ...(write.expectedRevision !== undefined ? { expectedRevision: write.expectedRevision } : {}),
    },
    principal,
  );
}

@CommandHandler(ExecuteCaseCommand)
export class ExecuteCaseCommandHandler implements ICommandHandler<ExecuteCaseCommand> {
  constructor(
    private readonly engine: CaseEngine,
    private readonly access: CaseAccess,
    private readonly metrics: Metrics,
  ) {}

  async execute({ command, metadata, principal }: ExecuteCaseCommand): Promise<CommandResult> {
    try {
      const result = await this.engine.execute(command, {
        ...metadata,
        roles:
          command.type === 'OpenCase'
            ? actingRoles(principal, command.unit)
            : (state) => this.access.rolesOn(principal, state, command),
      });
      this.metrics.commands.inc({ command: command.type, outcome: 'accepted', code: '' });
      return result;
    } catch (error) {
      const code = error instanceof AppError ? error.code : 'INTERNAL';
      this.metrics.commands.inc({ command: command.type, outcome: 'refused', code });
      throw error;
    }
  }
}

/** The worker's commands (firing deadlines, erasing by retention rule): no person, so the system role. */
export class SystemCaseCommand extends Command<CommandResult> {
  constructor(
    readonly command: Extract<CaseCommand, { type: 'FireDeadline' | 'EraseCase' | 'RemindPlanItem' }>,
    readonly metadata: Omit<CommandMetadata, 'roles'>,
  ) {
    super();
  }
}

@CommandHandler(SystemCaseCommand)
export class SystemCaseCommandHandler implements ICommandHandler<SystemCaseCommand> {
  constructor(private readonly engine: CaseEngine) {}

  execute({ command, metadata }: SystemCaseCommand): Promise<CommandResult> {
    return this.engine.execute(command, { ...metadata, roles: [SYSTEM_ROLE] });
  }
}
