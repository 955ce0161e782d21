import type { ApiErrorShape } from './contract';

/** Thrown by API methods when the core answers with an error. */
export class ApiError extends Error {
  readonly code: string;
  constructor(shape: ApiErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
  }
}
