export * from './domain/deidentification/check';
export type { CheckContext, Finding } from './domain/deidentification/finding';
export * from './domain/form/field-types';
export * from './domain/form/default-form';
export * from './domain/form/answers';
export * from './domain/form/referral-check';
export * from './domain/form/json-schema';
export * from './domain/form/unit-form';
export * from './domain/referral-number';
