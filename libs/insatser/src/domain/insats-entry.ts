import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  Matches,
  ValidateNested,
} from 'class-validator';
import { ID_RULE } from '@app/common';
import { applyInOrder, Day, Label, NoPersonnummer } from '@app/engine';
import {
  ADAPTATIONS,
  BIP_TYPES,
  BRANSCHOMRADEN,
  COST_PERIODS,
  FUNDING,
  INSATS_KINDS,
  OPEN_TO,
  PROVIDER_KINDS,
  SCOPE_PERIODS,
  TRAPPSTEG,
  type Adaptation,
  type BipType,
  type Branschomrade,
  type CostPeriod,
  type Funding,
  type InsatsKind,
  type OpenTo,
  type ProviderKind,
  type ScopePeriod,
  type Trappsteg,
} from './catalogue-terms';

/** One of a vocabulary's values (each of them, for a list), refused naming the values allowed. */
export const oneOf = (field: string, terms: Readonly<Record<string, string>>, each = false) =>
  IsIn(Object.keys(terms), {
    each,
    message: `${field} must be one of: ${Object.keys(terms).join(', ')}`,
  });

/** A line of catalogue text: no personal data belongs in the catalogue, so no personnummer either. */
const Line = (max: number, each = false) =>
  applyInOrder(IsString({ each }), IsNotEmpty({ each }), MaxLength(max, { each }), NoPersonnummer({ each }));

/** What a place costs and from when: [004] quotes prices without a period, so the entry must state one. */
export class PlaceCost {
  @applyInOrder(IsInt(), Min(0), Max(10_000_000), Label('Kostnad per plats (kr)'))
  amountSek!: number;

  @applyInOrder(oneOf('period', COST_PERIODS), Label('Period', { options: COST_PERIODS }))
  period!: CostPeriod;

  @Day()
  @Label('Gäller från')
  validFrom!: string;
}

/** Omfattning: [001] (Jönköping) gives "sex timmar per dag". */
export class InsatsScope {
  @applyInOrder(IsNumber(), Min(0.5), Max(60), Label('Timmar'))
  hours!: number;

  @applyInOrder(oneOf('per', SCOPE_PERIODS), Label('Per', { options: SCOPE_PERIODS }))
  per!: ScopePeriod;
}

/** One version of a catalogue entry, whole: a revision replaces every field (insatser.md, "Catalogue entry"). */
export class InsatsEntry {
  @applyInOrder(Line(120), Label('Namn'))
  name!: string;

  @applyInOrder(oneOf('providerKind', PROVIDER_KINDS), Label('Anordnare', { options: PROVIDER_KINDS }))
  providerKind!: ProviderKind;

  @applyInOrder(oneOf('kind', INSATS_KINDS), Label('Inriktning', { options: INSATS_KINDS }))
  kind!: InsatsKind;

  @IsOptional()
  @applyInOrder(oneOf('branschomrade', BRANSCHOMRADEN), Label('Branschområde', { options: BRANSCHOMRADEN }))
  branschomrade?: Branschomrade;

  @applyInOrder(oneOf('trappsteg', TRAPPSTEG), Label('Trappsteg', { options: TRAPPSTEG }))
  trappsteg!: Trappsteg;

  @applyInOrder(oneOf('bipType', BIP_TYPES), Label('Typ av insats enligt BIP', { options: BIP_TYPES }))
  bipType!: BipType;

  @applyInOrder(Line(2000), Label('Målgrupp'))
  malgrupp!: string;

  @applyInOrder(
    IsArray(),
    ArrayMaxSize(20),
    Line(300, true),
    Label('Kriterier för att delta', { help: 'Ett kriterium per rad.' }),
  )
  criteria!: string[];

  @applyInOrder(IsInt(), Min(1), Max(10_000), Label('Antal platser'))
  places!: number;

  @IsDefined()
  @ValidateNested()
  @Type(() => PlaceCost)
  @Label('Kostnad per plats')
  cost!: PlaceCost;

  @applyInOrder(oneOf('openTo', OPEN_TO), Label('Öppen för andra enheter', { options: OPEN_TO }))
  openTo!: OpenTo;

  @IsOptional()
  @applyInOrder(
    IsArray(),
    ArrayMaxSize(100),
    ArrayUnique(),
    Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, { each: true, message: `$property: each ${ID_RULE}` }),
    NoPersonnummer({ each: true }),
    Label('Enheter som får placera'),
  )
  openToUnits?: string[];

  @IsOptional()
  @applyInOrder(IsInt(), Min(0), Max(10_000_000), Label('Pris per plats för andra enheter (kr)'))
  priceForOtherUnitsSek?: number;

  @applyInOrder(IsBoolean(), Label('Tar emot deltagare från andra myndigheter'))
  acceptsOtherAuthorities!: boolean;

  @applyInOrder(
    IsArray(),
    ArrayUnique(),
    oneOf('adaptations', ADAPTATIONS, true),
    Label('Anpassningar', { options: ADAPTATIONS }),
  )
  adaptations!: Adaptation[];

  @IsDefined()
  @ValidateNested()
  @Type(() => InsatsScope)
  @Label('Omfattning')
  scope!: InsatsScope;

  @IsOptional()
  @applyInOrder(oneOf('funding', FUNDING), Label('Finansiering', { options: FUNDING }))
  funding?: Funding;

  @Day()
  @Label('Gäller från')
  validFrom!: string;

  @IsOptional()
  @Day()
  @Label('Gäller till')
  validTo?: string;
}
