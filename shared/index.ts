export * from './contract/commands';
export * from './contract/events';
export * from './contract/schemas';
export * from './errors';
export * from './rules/stay-rules';
export * from './time';
