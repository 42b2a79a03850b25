import { CreateCaseTables1764835200000 } from './1764835200000-CreateCaseTables';
import { AddCaseStateAndOutbox1764838800000 } from './1764838800000-AddCaseStateAndOutbox';
import { AddDeliveryLogAndEvidence1764842400000 } from './1764842400000-AddDeliveryLogAndEvidence';
import { IndexPublishedExposures1764846000000 } from './1764846000000-IndexPublishedExposures';
import { AddCalendarYearsAndPolicies1764849600000 } from './1764849600000-AddCalendarYearsAndPolicies';
import { AddJurisdictionsUnitsUsers1764853200000 } from './1764853200000-AddJurisdictionsUnitsUsers';
import { AddClockEscalationInterviewExposureTables1764856800000 } from './1764856800000-AddClockEscalationInterviewExposureTables';
import { AddCaseEndedOn1764860400000 } from './1764860400000-AddCaseEndedOn';

/** Every migration, oldest first. A new migration is added here as well as in its own file. */
export const MIGRATIONS = [
  CreateCaseTables1764835200000,
  AddCaseStateAndOutbox1764838800000,
  AddDeliveryLogAndEvidence1764842400000,
  IndexPublishedExposures1764846000000,
  AddCalendarYearsAndPolicies1764849600000,
  AddJurisdictionsUnitsUsers1764853200000,
  AddClockEscalationInterviewExposureTables1764856800000,
  AddCaseEndedOn1764860400000,
];
