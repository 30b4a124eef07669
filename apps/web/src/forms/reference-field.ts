import type { JsonSchema } from '../api/types';

/** The case's pseudonym as every form asks for it: when it is opened, and when it is corrected. */
export const PSEUDONYM_FIELD: JsonSchema = {
  type: 'string',
  title: 'Pseudonym',
  description:
    'Initialer och födelseår, gärna med månad: till exempel "AB 1963" eller "AB 1963-04". Aldrig namn eller personnummer.',
  maxLength: 16,
};
