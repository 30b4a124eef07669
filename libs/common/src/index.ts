export * from './app-error';
export * from './json';
