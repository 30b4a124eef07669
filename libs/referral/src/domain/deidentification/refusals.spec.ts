import { describe, expect, it } from 'vitest';
import { checkSummary } from './check';

/** The rules that refuse `text` in a summary field, each once. */
const refused = (text: string, clientReference?: string) => [
  ...new Set(checkSummary({ summary: text }, { clientReference }).refusals.map((f) => f.rule)),
];
/** The refused part of `text`, as the sender's form would mark it. */
const marked = (text: string) =>
  checkSummary({ summary: text }).refusals.map((f) => text.slice(f.start, f.end));

describe('de-identification: what is refused in a referral summary', () => {
  describe('a personnummer or samordningsnummer, in any format, valid check digit or not', () => {
    it.each([
      'Kvinna med personnummer 630412-1234 har bott i staden länge.',
      'pnr 6304121234',
      'Personnummer: 19630412-1234',
      '196304121234 är hennes nummer',
      'född 630412+1234 (över hundra år)',
      'Hon har 19630412 1234 på sitt id-kort',
      '630412 - 1234',
      'Samordningsnummer 630472-1234',
      '19630472-1239 enligt Migrationsverket',
      'Mannen, 850229-9999, har arbetat i lager',
      '(20010101-1234)',
      'Nummer 010101-0000.',
    ])('refuses %j', (text) => {
      expect(refused(text)).toContain('personnummer');
    });

    it('marks the number alone, not the words around it', () => {
      expect(marked('Mannen, 850229-9999, har arbetat')).toEqual(['850229-9999']);
    });

    it.each([
      ['a month that is no month', 'Referensen 631304-1234 gäller en annan sak'],
      ['a day that is no day', 'Kod 630432-1234 i systemet'],
      ['a sum of money', 'Skulden är 250 000 kronor'],
      ['an hour count', 'Planerat 1 200 timmar under 2024'],
      ['a year range', 'Arbetade 2010-2015 som städare'],
    ])('does not refuse %s', (_what, text) => {
      expect(refused(text)).not.toContain('personnummer');
    });
  });

  describe('a full date of birth or a birth month', () => {
    it.each([
      'Kvinna född 12 april 1963',
      'född den 3:e maj -63',
      'Född 1963-04-12.',
      'f. 12/4 -63',
      'född 12.4.1963 i hemlandet',
      'Man född i april 1963',
      'född april -63',
      'Födelsedatum: 630412',
      'Hon fyller 60 den 12 april',
      'fyller år i december',
      'född 63-04-12',
    ])('refuses %j', (text) => {
      expect(refused(text)).toContain('birth-date');
    });

    it.each(['Kvinna född -63', 'Man född 1963', 'Kvinna, 60 år', 'född på 60-talet', 'Föddes i Syrien'])(
      'accepts a year or an age: %j',
      (text) => {
        expect(refused(text)).toEqual([]);
      },
    );
  });

  describe("the case's own reference, as a standalone word", () => {
    it.each([
      ['AB 6303 har tidigare sökt arbete', 'AB 6303'],
      ['Klienten (AB6303) har barn', 'AB 6303'],
      ['Som AB skrev i sin ansökan', 'AB 6303'],
      ['A.B. har arbetat som städare', 'AB 6303'],
      ['Siffrorna 6303 i referensen', 'AB 6303'],
      ['KL-8812 vill arbeta', 'KL 8812'],
    ])('refuses %j given the reference %j', (text, reference) => {
      expect(refused(text, reference)).toContain('client-reference');
    });

    it('does not refuse the same letters inside a word, or without a reference to compare with', () => {
      expect(refused('Abonnemang och ABC-böcker', 'AB 6303')).toEqual([]);
      expect(refused('AB 6303 har tidigare sökt arbete')).toEqual([]);
    });
  });

  describe('e-mail addresses, phone numbers, street addresses and postnummer', () => {
    it.each([
      ['email', 'Kontakt: anna.svensson@example.se'],
      ['email', 'mejla henne på k_b-63@post.example.com'],
      ['email', 'adress person @ example.org'],
      ['phone', 'Ring 070-123 45 67'],
      ['phone', 'Tel 0701234567'],
      ['phone', 'Nås på +46 70 123 45 67'],
      ['phone', 'Mobil 0046701234567'],
      ['phone', 'Telefon 063-14 00 00'],
      ['phone', 'ring 08-123 456 78'],
      ['phone', '+46 (0)63 14 00 00'],
      ['street-address', 'Bor på Storgatan 12 B'],
      ['street-address', 'Adress: Rådhusgatan 5'],
      ['street-address', 'bor på kyrkvägen 3a med sin bror'],
      ['street-address', 'Post till Box 1234'],
      ['street-address', 'Bor på Gamla vägen 12'],
      ['street-address', 'Sankt Eriks gata 5, tredje våningen'],
      ['postnummer', 'Bor i 831 30 Östersund'],
      ['postnummer', 'SE-831 30 Östersund'],
      ['postnummer', 'postnummer 83130'],
    ])('refuses as %s: %j', (rule, text) => {
      expect(refused(text)).toContain(rule);
    });

    it.each([
      'Arbetar 20 timmar i veckan',
      'Har 3 barn, födda 2010, 2012 och 2015',
      'Skuld på 45 000 kr',
      'Kurs D i sfi',
      'Bor i lägenhet på bottenvåningen',
      'Har gått Vägen ut, ett projekt',
      'Ute på arbetsplatsen 3 dagar i veckan',
      'Ny handlingsplan 2024',
      'Står i progressionsplan 2 gånger',
      'Var på vägen 2 gånger men vände',
    ])('does not refuse %j', (text) => {
      expect(refused(text)).toEqual([]);
    });
  });

  describe("a case, journal or diarienummer of the sender's systems", () => {
    it.each([
      'Se dnr 2023/0412',
      'Diarienummer: SN 2023/0412',
      'ärendenummer 123456',
      'Journalnr 44-1234',
      'enligt beslut SOC 2024.1234',
      'KS-2021/55 avser beslutet',
      'Dok.id 9981',
      'beslutet 2022/1145',
    ])('refuses %j', (text) => {
      expect(refused(text)).toContain('case-number');
    });

    it.each(['Läsåret 2015/16', 'Arbetade 2019-2021', 'Bodde där 2010/2011'])(
      'does not refuse %j',
      (text) => {
        expect(refused(text)).not.toContain('case-number');
      },
    );
  });

  it('names the field of each refusal, so the form can show it there', () => {
    const check = checkSummary({ diagnosis: 'Ingen', socialNetwork: 'Bror, nås på 070-123 45 67' });
    expect(check.refusals.map((f) => [f.field, f.rule])).toEqual([['socialNetwork', 'phone']]);
    expect(check.refusals[0].message).toMatch(/^Telefonnummer får inte stå i sammanfattningen/);
  });
});
