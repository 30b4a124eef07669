/**
 * Words the warnings look for, and capitalised words ordinary summaries
 * use that are no one's name. Kept short and plain on purpose: a warning
 * is a question to the sender, and the false-positive measurement in the
 * spec says whether the lists are right.
 */

/** Common first names in Sweden, Swedish-born and not (SCB's lists, the most frequent). */
export const FIRST_NAMES = new Set(
  `Anna Eva Maria Karin Sara Lena Kerstin Emma Ingrid Marie Malin Linda Jenny Sofia Hanna Elin Ida Julia Johanna
  Camilla Helena Susanne Annika Ulla Birgitta Elisabeth Christina Kristina Monica Åsa Lisa Amanda Emelie Frida
  Ebba Alice Maja Wilma Elsa Astrid Agnes Moa Nora Fatima Amina Leyla Leila Zahra Mariam Aisha Sanna Petra
  Erik Lars Karl Anders Johan Per Nils Jan Mikael Carl Hans Peter Olof Lennart Gunnar Sven Fredrik Daniel
  Stefan Andreas Thomas Magnus Mattias Jonas Marcus Niklas Oskar Alexander David Simon Viktor Emil Anton Filip
  Lucas William Liam Hugo Elias Axel Ali Mohammed Mohamed Ahmed Omar Hassan Hussein Yusuf Ibrahim Mustafa Mehmet
  Ahmad Abdi Jonny Kenneth Roger Patrik Tommy Björn Ola Bengt Göran Leif Rolf Kjell Åke Ulf Christer Mats Jesper`.split(
    /\s+/,
  ),
);

/**
 * Capitalised words a summary writes without naming anyone: authorities,
 * programmes, countries and the larger cities (which do not point out a
 * person the way a small locality does).
 */
export const ALLOWED_CAPITALISED = new Set(
  `Arbetsförmedlingen Försäkringskassan Kronofogden Migrationsverket Kriminalvården Frivården Socialtjänsten
  Socialstyrelsen Skatteverket CSN Jobbtorg Komvux Sfi Arbetslivscenter Beredningsgruppen Regionen Region
  Kommunen Landstinget Samhall Fas Sverige Norden Europa Afrika Asien Mellanöstern Syrien Irak Iran Afghanistan
  Somalia Eritrea Etiopien Polen Finland Norge Danmark Turkiet Bosnien Kosovo Serbien Rumänien Ukraina Ryssland
  Chile Thailand Vietnam Kina Indien Pakistan Libanon Palestina Jemen Sudan Marocko Egypten Tyskland Grekland
  Stockholm Göteborg Malmö Uppsala Östersund Sundsvall Umeå Luleå Linköping Örebro Västerås Norrköping
  Jönköping Helsingborg Lund Gävle Karlstad Växjö Halmstad Borås Jämtland Norrland Skåne Dalarna Västernorrland
  Jämtlands Härjedalen`.split(/\s+/),
);

/** Places no one is pointed out by: countries, regions, the larger cities. */
export const LARGE_PLACES = ALLOWED_CAPITALISED;

/** Generic school and care words that are no institution's name. */
export const GENERIC_INSTITUTIONS = new Set(
  `grundskolan gymnasieskolan särskolan särgymnasiet folkhögskolan yrkesskolan högskolan gymnasiet
  vårdcentralen hälsocentralen sjukhuset kliniken lasarettet`.split(/\s+/),
);

/** Diagnoses so rare that, with an age and a place, they can point out a person. */
export const RARE_DIAGNOSES =
  '(?:ALS|Huntingtons?|Ehlers-Danlos|narkolepsi|cystisk fibros|Tourettes?|muskeldystrofi|Prader-Willi|Williams syndrom|Klinefelter)';
