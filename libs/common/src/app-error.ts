/**
 * Base of every error the project raises on purpose. `code` is stable and
 * machine-readable (`AREA.REASON`); the HTTP layer maps codes to statuses in
 * one place, so no error class knows about HTTP.
 */
export abstract class AppError extends Error {
  abstract readonly code: string;

  protected constructor(
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}
