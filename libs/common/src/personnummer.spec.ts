import { describe, expect, it } from 'vitest';
import { containsPersonnummer } from './personnummer';

// Test numbers from Skatteverket's published test series, not real people.
describe('personnummer in free text', () => {
  it.each([
    'Klienten 19121212-1212 ringde',
    'pnr 121212-1212',
    '201212121212',
    'samordningsnummer 701063-2391',
    'född 121212+1212',
  ])('finds one in %j', (text) => expect(containsPersonnummer(text)).toBe(true));

  it.each([
    'Ring 070-123 45 67',
    'Diarienummer 2026-1234',
    'kvinna född -63, AB 6303',
    '121212-1213 (fel kontrollsiffra)',
    '121312-1212 (månad 13)',
    'Beslut 2026-01-15, uppföljning 2026-03-15',
  ])('lets %j through', (text) => expect(containsPersonnummer(text)).toBe(false));
});
