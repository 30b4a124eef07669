export * from './case-engine';
export * from './domain/case-state';
export * from './domain/commands';
export * from './domain/decide';
export * from './domain/errors';
export * from './domain/iso-duration';
export * from './domain/process-definition';
export * from './domain/process-registry';
