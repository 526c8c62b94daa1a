/** Transitional: the sign-in side's schemas, re-exported for code not yet importing its domain's contract directly. */
export * from './roles';
export * from './auth';
export * from './users';
export * from './audit';
export { MessageSchema } from './primitives';
export { NetworkStatusSchema, type NetworkStatus } from './settings';
