export * from './app-error';
export * from './grammar';
export * from './json';
export * from './ids';
export * from './personnummer';
export * from './sqlite-migrations';
export * from './clock';
