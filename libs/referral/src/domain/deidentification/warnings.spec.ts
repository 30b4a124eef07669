import { describe, expect, it } from 'vitest';
import { ORDINARY_SUMMARIES } from '../../testing/ordinary-summaries';
import { checkSummary } from './check';

const warned = (text: string) => [
  ...new Set(checkSummary({ summary: text }, { currentYear: 2026 }).warnings.map((f) => f.rule)),
];
const marked = (text: string, rule: string) =>
  checkSummary({ summary: text })
    .warnings.filter((f) => f.rule === rule)
    .map((f) => text.slice(f.start, f.end));

describe('de-identification: what the sender is warned of', () => {
  describe('words that look like personal names', () => {
    it.each([
      ['Hon bor med sin sambo Johan och två barn.', 'Johan'],
      ['Brodern Ahmed hjälper till ekonomiskt.', 'Ahmed'],
      ['Kontakt med mamma Birgitta varje vecka.', 'Birgitta'],
      ['Anna har arbetat i kök i tio år.', 'Anna'],
      ['Hennes väninna Lovisa Strand stöttar henne.', 'Lovisa'],
      ['Har en pojkvän som heter Kevin.', 'Kevin'],
      ['Barnen Ella-Sofia och Noah bor hos pappan.', 'Ella-Sofia'],
    ])('warns of %j, marking %j', (text, name) => {
      expect(warned(text)).toContain('personal-name');
      expect(marked(text, 'personal-name')).toContain(name);
    });

    it.each([
      'Hon har kontakt med Arbetsförmedlingen och Försäkringskassan.',
      'Kom till Sverige från Syrien 2016.',
      'Har ADHD och går i KBT.',
      'Fullföljde inte gymnasiet. Arbetar nu extra.',
      '– Vill arbeta utomhus.\n– Behöver stöd med resor.',
    ])('does not warn of the capitalised words in %j', (text) => {
      expect(warned(text)).not.toContain('personal-name');
    });
  });

  describe('names of employers, schools, clinics or treating professionals', () => {
    it.each([
      'Arbetade tidigare på Svensson Bygg AB.',
      'Gick på Vallaskolan i tre år.',
      'Har kontakt med Odenslunda vårdcentral.',
      'Behandlas på vårdcentralen Lugnvik.',
      'Går hos psykologen Berg varannan vecka.',
      'Läkaren Nilsson har skrivit intyget.',
      'Praktik hos Maxi under sommaren.',
      'Studerade på Birkagymnasiet.',
    ])('warns of %j', (text) => {
      expect(warned(text)).toContain('organisation-name');
    });

    it.each([
      'Grundskolan fullföljdes.',
      'Går hos psykolog på vårdcentralen.',
      'Har praktik hos Arbetsförmedlingen.',
    ])('does not warn of %j', (text) => {
      expect(warned(text)).not.toContain('organisation-name');
    });
  });

  describe('exact dates, small places and rare combinations', () => {
    it.each([
      ['exact-date', 'Skrevs ut från sjukhuset 2023-05-14.'],
      ['exact-date', 'Dömdes den 3 mars 2019.'],
      ['exact-date', 'Inskriven 12/6-21 på behandlingshem.'],
      ['small-place', 'Bor i Lit sedan några år.'],
      ['small-place', 'Växte upp i Hammerdal med sin mormor.'],
      ['small-place', 'Flyttade till Brunflo 2018.'],
      ['small-place', 'Bor i Körfältsområdet.'],
      ['rare-combination', 'Kvinna född 1931, bor ensam.'],
      ['rare-combination', 'Man, 94 år.'],
      ['rare-combination', 'Kvinna född -31.'],
      ['rare-combination', 'Diagnos ALS sedan två år.'],
      ['rare-combination', 'Har Huntingtons sjukdom.'],
    ])('warns as %s: %j', (rule, text) => {
      expect(warned(text)).toContain(rule);
    });

    it.each([
      'Bor i Stockholm.',
      'Kom från Somalia 2012.',
      'Arbetade 2019 som städare.',
      'Kvinna, 64 år.',
      'Man född -05.',
      'Kvinna född 1940.',
    ])('does not warn of %j', (text) => {
      expect(warned(text)).toEqual([]);
    });
  });

  it('leaves out a warning where a refusal already stands, since fixing the refusal settles it', () => {
    const check = checkSummary({ summary: 'Kvinna född 12 april 1963' });
    expect(check.refusals.map((f) => f.rule)).toEqual(['birth-date']);
    expect(check.warnings).toEqual([]);
  });

  it('measures the false positives on ordinary de-identified summaries: none is refused, at most one in ten warned', () => {
    const results = ORDINARY_SUMMARIES.map((summary) => checkSummary({ summary }, { currentYear: 2026 }));
    expect(results.flatMap((r) => r.refusals)).toEqual([]);
    const warnedSummaries = results.filter((r) => r.warnings.length > 0).length;
    const rate = warnedSummaries / ORDINARY_SUMMARIES.length;
    expect(ORDINARY_SUMMARIES.length).toBeGreaterThanOrEqual(30);
    const warnings = results.flatMap((r) => r.warnings.map((w) => w.rule));
    expect(
      rate,
      `${warnedSummaries} of ${ORDINARY_SUMMARIES.length} warned: ${warnings.join(', ')}`,
    ).toBeLessThanOrEqual(0.1);
  });
});
