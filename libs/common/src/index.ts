export * from './app-error';
export * from './json';
export * from './ids';
