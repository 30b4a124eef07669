import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseEngine, type CaseCommand, type CommandMetadata, type CommandResult } from '@app/engine';

/**
 * The bus message for every case command. The engine's `CaseCommand` union
 * is the command vocabulary (six types, validated and decided in the
 * domain); one bus class carries it, so the handler stays one line.
 */
export class ExecuteCaseCommand extends Command<CommandResult> {
  constructor(
    readonly command: CaseCommand,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}

@CommandHandler(ExecuteCaseCommand)
export class ExecuteCaseCommandHandler implements ICommandHandler<ExecuteCaseCommand> {
  constructor(private readonly engine: CaseEngine) {}

  execute({ command, metadata }: ExecuteCaseCommand): Promise<CommandResult> {
    return this.engine.execute(command, metadata);
  }
}
