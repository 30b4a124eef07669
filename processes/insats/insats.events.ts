import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  AcknowledgesWarnings,
  ContactChange,
  StaffOfUnit,
  applyInOrder,
  Day,
  InsatsRef,
  Label,
  NoPersonnummer,
  OneOf,
  PastDay,
  Personal,
  Text,
} from '@app/engine';
import {
  CLOSURE_OUTCOMES,
  DECLINE_REASONS,
  GOAL_STATUSES,
  NOT_JOBBTORG_RESURS_REASONS,
  PARTICIPANTS,
  PLACEMENT_ORIGINS,
  READINESS_ANSWERS,
  READINESS_CRITERIA,
  STATE_PROGRAMMES,
  UNMET_NEED_CATEGORIES,
  UTREDNING_KINDS,
  WORK_CAPACITY_SCALE,
} from '@app/insatser/domain/placement-terms';

/** Beslut om bistånd: when and which decision in the case system, never its content [004]. */
export class DecisionRef {
  @Label('Beslutsdatum') @PastDay() decidedOn!: string;
  @Label('Beslutets referens i verksamhetssystemet', { help: 'T.ex. diarienummer eller beslutsnummer.' })
  @applyInOrder(IsString(), Matches(/^[A-Za-zÅÄÖåäö0-9 ._:/-]{2,40}$/), NoPersonnummer())
  reference!: string;
}

/** Grund för anvisningen: the utredning the placement rests on [004]. */
export class Utredning {
  @Label('Utredning', { options: UTREDNING_KINDS }) @applyInOrder(OneOf(UTREDNING_KINDS)) kind!: string;
  @Label('Utredningen gjordes') @PastDay() doneOn!: string;
}

export class NotJobbtorgResurs {
  @Label('Varför inte Jobbtorg Resurs', { options: NOT_JOBBTORG_RESURS_REASONS })
  @applyInOrder(OneOf(NOT_JOBBTORG_RESURS_REASONS))
  reason!: string;
  @Label('Beskrivning') @IsOptional() @Text() text?: string;
}

/**
 * Anvisning (insatser.md, "Placing a client"): the need first, then the
 * insats; a beslut om bistånd is required, an utredning and a state
 * programme are warnings.
 */
export class PlacementAssigned extends AcknowledgesWarnings {
  @Label('Behov', { help: 'Klientens behov, som insatsen ska möta; skrivs före valet av insats.' })
  @Text()
  need!: string;

  @Label('Insats', { help: 'Välj ur insatskatalogen.' }) @InsatsRef() insatsId!: string;

  @Label('Anvisad') @PastDay() assignedOn!: string;

  @Label('Beslut om bistånd')
  @IsDefined({ message: 'decision is required: a placement needs a beslut om bistånd' })
  @ValidateNested()
  @Type(() => DecisionRef)
  decision!: DecisionRef;

  @Label('Utredning som grund')
  @IsOptional()
  @ValidateNested()
  @Type(() => Utredning)
  utredning?: Utredning;

  @Label('Varför inte Jobbtorg Resurs')
  @IsOptional()
  @Personal()
  @ValidateNested()
  @Type(() => NotJobbtorgResurs)
  notJobbtorgResurs?: NotJobbtorgResurs;

  @Label('Deltar klienten i ett statligt program?', { options: STATE_PROGRAMMES })
  @applyInOrder(OneOf(STATE_PROGRAMMES))
  stateProgramme!: string;

  @Label('Utgår från', {
    options: PLACEMENT_ORIGINS,
    help: 'Lämna tomt när anvisningen görs direkt i ärendet.',
  })
  @IsOptional()
  @applyInOrder(OneOf(PLACEMENT_ORIGINS))
  origin?: string;

  @Label('Rad i progressionsplanen', { help: 'Radens nummer, räknat uppifrån.' })
  @IsOptional()
  @applyInOrder(IsInt(), Min(1), Max(50))
  planRow?: number;
}

/** Nothing in the catalogue fits: the need is counted, so gaps show [default]. */
export class UnmetNeedRecorded {
  @Label('Kategori', { options: UNMET_NEED_CATEGORIES })
  @applyInOrder(OneOf(UNMET_NEED_CATEGORIES))
  category!: string;
  @Label('Behov') @Text() need!: string;
  @Label('Registrerat') @PastDay() recordedOn!: string;
}

/** A place freed and was offered to this placement, first on the waiting list. */
export class PlaceOffered {
  @Label('Platsen erbjöds') @PastDay() offeredOn!: string;
}

/** Arbetsplan / genomförandeplan [004]: sealed whole, it is about the client. */
export class WorkPlan {
  @Label('Syfte') @Text() syfte!: string;
  @Label('Mål') @Text() mal!: string;
  @Label('Delmål', { help: 'Ett delmål per rad.' })
  @applyInOrder(
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(10),
    IsString({ each: true }),
    MaxLength(1000, { each: true }),
  )
  delmal!: string[];
  @Label('Arbetsuppgifter', { help: 'En uppgift per rad.' })
  @applyInOrder(
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(20),
    IsString({ each: true }),
    MaxLength(1000, { each: true }),
  )
  arbetsuppgifter!: string[];
  @Label('Vad som konkret ska uppnås') @Text() concreteOutcome!: string;
  @Label('Klientens egen syn på planeringen', {
    help: 'Obligatoriskt: den enskildes uppfattning ska framgå.',
  })
  @Text()
  clientView!: string;
}

export class PlannedScope {
  @Label('Timmar') @applyInOrder(IsNumber(), Min(0.5), Max(60)) hours!: number;
  @Label('Per', { options: { day: 'dag', week: 'vecka' } }) @IsIn(['day', 'week']) per!: string;
}

/** Start: the first day, with the arbetsplan agreed at a trepartssamtal [004]. */
export class PlacementStarted {
  @Label('Första dagen') @PastDay() startedOn!: string;
  @Label('Arbetsplan')
  @IsDefined({ message: 'plan is required: every participant needs a written arbetsplan' })
  @Personal()
  @ValidateNested()
  @Type(() => WorkPlan)
  plan!: WorkPlan;
  @Label('Planerad omfattning') @IsDefined() @ValidateNested() @Type(() => PlannedScope) scope!: PlannedScope;
  @Label('Planerat slut') @IsOptional() @Day() plannedEnd?: string;
  @Label('Arbetsledare', { help: 'Den som handleder klienten på insatsen, om den är känd.' })
  @IsOptional()
  @StaffOfUnit('arbetsledare')
  arbetsledareId?: string;
  @Label('Arbetskonsulent')
  @IsOptional()
  @StaffOfUnit('arbetskonsulent')
  arbetskonsulentId?: string;
  @Label('Deltog när planen gjordes', { options: PARTICIPANTS })
  @applyInOrder(IsArray(), ArrayMinSize(1), ArrayUnique(), IsIn(Object.keys(PARTICIPANTS), { each: true }))
  participants!: string[];
}

export class GoalFollowUp {
  @Label('Mål eller delmål') @Text() goal!: string;
  @Label('Status', { options: GOAL_STATUSES }) @applyInOrder(OneOf(GOAL_STATUSES)) status!: string;
  @Label('Kommentar') @IsOptional() @Text() comment?: string;
}

/** Närvaro since the last follow-up: planned and attended, the share is computed [004]. */
export class Attendance {
  @Label('Planerade timmar') @applyInOrder(IsNumber(), Min(0), Max(2000)) plannedHours!: number;
  @Label('Närvarotimmar') @applyInOrder(IsNumber(), Min(0), Max(2000)) attendedHours!: number;
  @Label('Skäl till frånvaro') @IsOptional() @Text() absenceReasons?: string;
}

/** Fysisk, psykisk och social arbetsförmåga, each 1-4 [default scale] with a text [004]. */
export class WorkCapacity {
  @Label('Fysisk arbetsförmåga', { options: WORK_CAPACITY_SCALE })
  @applyInOrder(OneOf(WORK_CAPACITY_SCALE))
  fysisk!: number;
  @Label('Psykisk arbetsförmåga', { options: WORK_CAPACITY_SCALE })
  @applyInOrder(OneOf(WORK_CAPACITY_SCALE))
  psykisk!: number;
  @Label('Social arbetsförmåga', { options: WORK_CAPACITY_SCALE })
  @applyInOrder(OneOf(WORK_CAPACITY_SCALE))
  social!: number;
  @Label('Beskrivning') @IsOptional() @Text() text?: string;
}

export class SelfRating {
  @Label('Skattningsskala') @applyInOrder(IsString(), MaxLength(100), NoPersonnummer()) instrument!: string;
  @Label('Resultat') @applyInOrder(IsString(), MaxLength(200), NoPersonnummer()) result!: string;
}

/** Redo för Jobbtorg Resurs: the seed's five example criteria, each ja / delvis / nej [004]. */
export class Readiness {
  @Label(READINESS_CRITERIA.deltagit, { options: READINESS_ANSWERS })
  @applyInOrder(OneOf(READINESS_ANSWERS))
  deltagit!: string;
  @Label(READINESS_CRITERIA.resor, { options: READINESS_ANSWERS })
  @applyInOrder(OneOf(READINESS_ANSWERS))
  resor!: string;
  @Label(READINESS_CRITERIA.missbruk, { options: READINESS_ANSWERS })
  @applyInOrder(OneOf(READINESS_ANSWERS))
  missbruk!: string;
  @Label(READINESS_CRITERIA.samspel, { options: READINESS_ANSWERS })
  @applyInOrder(OneOf(READINESS_ANSWERS))
  samspel!: string;
  @Label(READINESS_CRITERIA.motivation, { options: READINESS_ANSWERS })
  @applyInOrder(OneOf(READINESS_ANSWERS))
  motivation!: string;
  @Label('Kommentar') @IsOptional() @Text() comment?: string;
}

/** Uppföljning (insatser.md, "Follow-up"): held with the client, whose view is required. */
export class FollowUpHeld {
  @Label('Uppföljningen hölls') @PastDay() heldOn!: string;
  @Label('Deltog', { options: PARTICIPANTS })
  @applyInOrder(IsArray(), ArrayMinSize(1), ArrayUnique(), IsIn(Object.keys(PARTICIPANTS), { each: true }))
  participants!: string[];
  @Label('Mål och delmål')
  @Personal()
  @applyInOrder(IsArray(), ArrayMinSize(1), ArrayMaxSize(20))
  @ValidateNested({ each: true })
  @Type(() => GoalFollowUp)
  goals!: GoalFollowUp[];
  @Label('Närvaro') @IsDefined() @ValidateNested() @Type(() => Attendance) attendance!: Attendance;
  @Label('Arbetsförmåga')
  @IsDefined()
  @ValidateNested()
  @Type(() => WorkCapacity)
  workCapacity!: WorkCapacity;
  @Label('Klientens egen syn', { help: 'Obligatoriskt: den enskildes uppfattning ska framgå.' })
  @Text()
  clientView!: string;
  @Label('Självskattning')
  @IsOptional()
  @Personal()
  @ValidateNested()
  @Type(() => SelfRating)
  selfRating?: SelfRating;
  @Label('Redo för Jobbtorg Resurs?')
  @IsDefined()
  @ValidateNested()
  @Type(() => Readiness)
  readiness!: Readiness;
  @Label('Kontakt med Jobbtorg Resurs under insatsen')
  @IsOptional()
  @IsBoolean()
  jobbtorgResursContact?: boolean;
  @Label('Planen reviderades') @IsBoolean() planRevised!: boolean;
  @Label('Vad ändrades i planen') @IsOptional() @Text() planChanges?: string;
  @Label('Nästa uppföljning', { help: 'Lämna tomt för enhetens intervall (normalt tre månader).' })
  @IsOptional()
  @Day()
  nextFollowUpOn?: string;
}

/** Avslut: one outcome from the list every unit maps onto, so units compare [default]. */
export class PlacementClosed {
  @Label('Utfall', { options: CLOSURE_OUTCOMES }) @applyInOrder(OneOf(CLOSURE_OUTCOMES)) outcome!: string;
  @Label('Slutdatum') @PastDay() endedOn!: string;
  @Label('Sammanfattning') @Text() summary!: string;
}

/** A new arbetsledare recorded like every change of contact (insatser.md, Continuity; seed 002). */
export class ArbetsledareChanged extends ContactChange {
  @Label('Ny arbetsledare') @StaffOfUnit('arbetsledare') arbetsledareId!: string;
}

export class ArbetskonsulentChanged extends ContactChange {
  @Label('Ny arbetskonsulent') @StaffOfUnit('arbetskonsulent') arbetskonsulentId!: string;
}

/**
 * The providing unit takes a placement from another unit (insatser.md, One
 * unit using another unit's insats). It names the insats again, filled in
 * from the placement, so the engine snapshots its price and places now.
 */
export class PlacementAccepted {
  @Label('Insats') @InsatsRef() insatsId!: string;
  @Label('Godkänd') @PastDay() acceptedOn!: string;
}

export class PlacementDeclined {
  @Label('Skäl', { options: DECLINE_REASONS }) @applyInOrder(OneOf(DECLINE_REASONS)) reason!: string;
  @Label('Kommentar till den placerande enheten', { help: 'Skriv inget som pekar ut klienten.' })
  @IsOptional()
  @Text()
  comment?: string;
  @Label('Avböjd') @PastDay() declinedOn!: string;
}

/** Närvaro as the arbetsledare reports it for a period; the social worker sees it before the follow-up [004]. */
export class AttendanceRecorded {
  @Label('Från och med') @PastDay() from!: string;
  @Label('Till och med') @PastDay() to!: string;
  @Label('Planerade timmar') @applyInOrder(IsNumber(), Min(0), Max(2000)) plannedHours!: number;
  @Label('Närvarotimmar') @applyInOrder(IsNumber(), Min(0), Max(2000)) attendedHours!: number;
  @Label('Skäl till frånvaro') @IsOptional() @Text() absenceReasons?: string;
}

/** What the arbetsledare saw at the insats, for the next follow-up [004]. */
export class ObservationRecorded {
  @Label('Datum') @PastDay() observedOn!: string;
  @Label('Iakttagelse') @Text() text!: string;
}

/** Recorded by the engine when a placement closed to "annan insats": the placement this one continues. */
export class PlacementContinued {
  @IsString() fromInstanceId!: string;
  @IsString() fromDefinitionId!: string;
}
