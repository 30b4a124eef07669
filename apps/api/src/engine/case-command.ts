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

/** The worker's commands (firing deadlines, erasing by retention rule): no person, so the system role. */
export class SystemCaseCommand extends Command<CommandResult> {
  constructor(
    readonly command: Extract<CaseCommand, { type: 'FireDeadline' | 'EraseCase' }>,
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
