/** Transitional: the domains' schemas, re-exported for code not yet importing its domain's contract directly. */
export * from './primitives';
export * from './rooms';
export * from './stays';
export * from './stay-desk';
export * from './blocks';
export * from './board';
export * from './settings';
export * from './outbox';
export * from './health';
