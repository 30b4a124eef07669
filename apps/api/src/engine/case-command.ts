import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actingRoles, type Principal } from '@app/access';
import {
  CaseEngine,
  SYSTEM_ROLE,
  type CaseCommand,
  type CommandMetadata,
  type CommandResult,
} from '@app/engine';
import { CaseAccess } from '../access/case-access';

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

@CommandHandler(ExecuteCaseCommand)
export class ExecuteCaseCommandHandler implements ICommandHandler<ExecuteCaseCommand> {
  constructor(
    private readonly engine: CaseEngine,
    private readonly access: CaseAccess,
  ) {}

  async execute({ command, metadata, principal }: ExecuteCaseCommand): Promise<CommandResult> {
    const roles =
      command.type === 'OpenCase'
        ? actingRoles(principal, command.unit)
        : (await this.access.rolesOn(principal, command.caseId)).roles;
    return this.engine.execute(command, { ...metadata, roles });
  }
}

/** The deadline worker's command: no person, so the engine's system role, on any case. */
export class FireDeadlineCommand extends Command<CommandResult> {
  constructor(
    readonly caseId: string,
    readonly deadlineId: string,
    readonly metadata: Omit<CommandMetadata, 'roles'>,
  ) {
    super();
  }
}

@CommandHandler(FireDeadlineCommand)
export class FireDeadlineCommandHandler implements ICommandHandler<FireDeadlineCommand> {
  constructor(private readonly engine: CaseEngine) {}

  execute({ caseId, deadlineId, metadata }: FireDeadlineCommand): Promise<CommandResult> {
    return this.engine.execute(
      { type: 'FireDeadline', caseId, deadlineId },
      { ...metadata, roles: [SYSTEM_ROLE] },
    );
  }
}
