export * from './domain/deidentification/check';
export type { CheckContext, Finding } from './domain/deidentification/finding';
