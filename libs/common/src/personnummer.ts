/**
 * Swedish personnummer and samordningsnummer in free text: 10 or 12 digits,
 * optionally with - or +, whose date part is a real month and day (day + 60
 * for samordningsnummer) and whose last digit passes the Luhn check. The
 * check keeps phone numbers and reference numbers from being refused.
 */
const CANDIDATE = /(?<!\d)(?:(?:19|20)(\d{2})|(\d{2}))(\d{2})(\d{2})[-+ ]?(\d{4})(?!\d)/g;

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

export function containsPersonnummer(text: string): boolean {
  for (const match of text.matchAll(CANDIDATE)) {
    const [, longYear, shortYear, month, day, last4] = match;
    const m = Number(month);
    const d = Number(day) > 60 ? Number(day) - 60 : Number(day);
    if (m < 1 || m > 12 || d < 1 || d > 31) continue;
    if (luhnValid(`${longYear ?? shortYear}${month}${day}${last4}`)) return true;
  }
  return false;
}
