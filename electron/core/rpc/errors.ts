import type { ErrorCode } from '../../shared/error-codes';

/** An error whose message is written for the user and safe to show in the UI. */
export class UserFacingError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}
