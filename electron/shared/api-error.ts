import type { ApiErrorShape } from './contract';
import type { ErrorCode } from './error-codes';

/** Thrown by API methods when the core answers with an error. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  constructor(shape: ApiErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
  }
}
