export * from './case-visibility';
export * from './principal';
