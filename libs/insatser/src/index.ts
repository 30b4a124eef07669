export * from './domain/catalogue-terms';
export * from './domain/placement-terms';
export * from './domain/insats-entry';
export * from './domain/catalogue';
export * from './catalogue/catalogue.errors';
export * from './catalogue/catalogue.service';
