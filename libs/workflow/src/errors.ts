import { AppError } from '@app/common';

export class ProcessNotFoundError extends AppError {
  readonly code = 'PROCESS.NOT_FOUND';
  constructor(definitionId: string, version?: number) {
    super(`No process definition ${definitionId}${version ? ` version ${version}` : ''}`, {
      definitionId,
      version,
    });
  }
}
