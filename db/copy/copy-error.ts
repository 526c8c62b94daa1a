/**
 * A refusal or a failure of `db:copy` that the command prints as one line (and exits non-zero):
 * a non-empty target, a source at another migration, a row PostgreSQL refused, a verification that
 * found a difference. Whatever the copy had written is rolled back before it is thrown.
 */
export class CopyError extends Error {
  override name = 'CopyError';
}
