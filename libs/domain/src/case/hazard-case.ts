import type { Actor } from './actor';
import type { DiscoverySource } from './discovery-source';
import type { PlaceType } from './place-type';
import type { CaseStage } from './stage';

/** One hazard item (隐患项) found at the place, as the inspector recorded it. */
export interface HazardItem {
  readonly description: string;
  readonly location?: string;
}

/** The organisation that must rectify (责任单位). */
export interface ResponsibleUnit {
  readonly name: string;
  readonly creditCode: string;
}

/** What an inspector states when opening a case. */
export interface CaseOpening {
  readonly caseNumber: string;
  readonly responsibleUnit: ResponsibleUnit;
  readonly jurisdictionCode: string;
  readonly placeType: PlaceType;
  readonly address: string;
  readonly discoveredOn: string;
  readonly discoverySource: DiscoverySource;
  readonly hazardItems: readonly HazardItem[];
}

export const CASE_EVENT_TYPES = ['case_opened'] as const;

export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/**
 * One step in a case's history. The sequence number starts at 1 and grows by one per event, so
 * projections are idempotent on (case number, sequence).
 */
export interface CaseEvent {
  readonly sequence: number;
  readonly type: CaseEventType;
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly reason?: string;
  readonly data: Record<string, unknown>;
}

/** The state of a case as the workflow holds it; the read model stores the latest snapshot. */
export interface CaseSnapshot extends CaseOpening {
  readonly stage: CaseStage;
  readonly openedAt: string;
  readonly lastSequence: number;
}
