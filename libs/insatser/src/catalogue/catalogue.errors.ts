import { AppError } from '@app/common';

export class InsatsNotFoundError extends AppError {
  readonly code = 'RESOURCE.NOT_FOUND';
  constructor(insatsId: string) {
    super(`No insats ${insatsId} in the catalogue`, { insatsId });
  }
}

/** Only the providing unit's insatsansvarig keeps its entries; everyone else reads them. */
export class CatalogueAccessDeniedError extends AppError {
  readonly code = 'ACCESS.DENIED';
  constructor(unit: string) {
    super(`Only an insatsansvarig of ${unit} keeps its catalogue entries`, { unit });
  }
}
