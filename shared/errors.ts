// Errors that cross the contract: a stable code for programs, a Chinese message for the clerk.
export const ERROR_CODES = [
  'VALIDATION', // input malformed or out of range
  'UNAUTHENTICATED', // no session, or it expired
  'FORBIDDEN', // the session's roles do not allow the channel
  'NOT_FOUND',
  'CONFLICT', // duplicates, stale state, illegal transitions
  'RULE', // a business rule refuses the request
  'LOCKED', // the account is locked after failed logins
  'UNKNOWN_CHANNEL',
  'INTERNAL',
  'STORAGE', // the disk is full, the file read-only, unreadable or corrupt: nothing was saved
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Thrown by core functions; dispatch turns it into an ApiError and rolls the transaction back. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const fail = (code: ErrorCode, message: string): never => {
  throw new AppError(code, message);
};
