import { ProcessRegistry } from '@app/engine';
import { afuV1 } from './afu/afu.machine';
import { aktualiseringV1 } from './aktualisering/aktualisering.machine';
import { afuV2 } from './afu/afu.v2';
import { caseManagerV1 } from './case-manager/case-manager.machine';
import { caseManagerV2 } from './case-manager/case-manager.v2';
import { klientInformerasV1, overlamningV1 } from './handlaggarbyte/handlaggarbyte.machine';
import { insatsV1 } from './insats/insats.machine';
import { fortroendelakareV1 } from './fortroendelakare/fortroendelakare.machine';
import { rehabHandledningV1 } from './rehab-handledning/rehab-handledning.machine';
import { rehabHandledningV2 } from './rehab-handledning/rehab-handledning.v2';
import { samverkanVardenV1 } from './samverkan-varden/samverkan-varden.machine';
import { samverkanVardenV2 } from './samverkan-varden/samverkan-varden.v2';
import { samverkanVardenV3 } from './samverkan-varden/samverkan-varden.v3';
import { skriftligaRekommendationerV1 } from './skriftliga-rekommendationer/skriftliga-rekommendationer.machine';
import { skriftligaRekommendationerV2 } from './skriftliga-rekommendationer/skriftliga-rekommendationer.v2';

/**
 * The six toolbox processes, numbered as in toolbox.md, the two a change of
 * caseworker starts, placements on insatser, and referrals to a receiving unit.
 */
export const PROCESS_DEFINITIONS = [
  rehabHandledningV1,
  rehabHandledningV2,
  samverkanVardenV1,
  samverkanVardenV2,
  samverkanVardenV3,
  fortroendelakareV1,
  afuV1,
  afuV2,
  skriftligaRekommendationerV1,
  skriftligaRekommendationerV2,
  caseManagerV1,
  caseManagerV2,
  klientInformerasV1,
  overlamningV1,
  insatsV1,
  aktualiseringV1,
];

export function createProcessRegistry(): ProcessRegistry {
  return new ProcessRegistry(PROCESS_DEFINITIONS);
}
