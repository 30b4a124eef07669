import { IsOptional, Matches } from 'class-validator';
import { Label, OneOf, PastDay, Personal, Text } from './fields';

/**
 * A dated note on the case, as a journalanteckning is written (issue 18):
 * the day it concerns and the text, sealed like all case text and shown
 * only to those who may see the case. A note is never edited; a later note
 * corrects an earlier one.
 */
export class CaseNote {
  @Label('Datum', { help: 'Den dag anteckningen gäller.' }) @PastDay() writtenOn!: string;
  @Label('Anteckning') @Text() text!: string;
}

/** The kinds of handling the journal system keeps, as the unit sorts them. */
export const DOCUMENT_KINDS = {
  ansokan: 'Ansökan',
  beslut: 'Beslut',
  utredning: 'Utredning',
  lakarintyg: 'Läkarintyg',
  samtycke: 'Samtycke',
  remiss: 'Remiss',
  skrivelse: 'Skrivelse eller brev',
  annat: 'Annan handling',
} as const;

/**
 * A handling kept in the journal system (dokumenthanteringen), by its
 * kind, date and id there, so the case says where it is instead of "Inskannat".
 * The id is sealed: with access to the journal system it leads to the person.
 */
export class DocumentReference {
  @Label('Typ av handling', { options: DOCUMENT_KINDS })
  @OneOf(DOCUMENT_KINDS)
  kind!: keyof typeof DOCUMENT_KINDS;
  @Label('Handlingens datum') @PastDay() dated!: string;
  @Label('Id i dokumenthanteringen')
  @Personal()
  @Matches(/^[A-Za-z0-9._:/-]{1,64}$/, { message: 'documentId must be 1-64 letters, digits or . _ : / -' })
  documentId!: string;
  @Label('Kommentar') @IsOptional() @Text() comment?: string;
}
