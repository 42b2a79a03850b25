import { Module, type DynamicModule } from '@nestjs/common';

import { createEvidenceStore, loadEvidenceSettings } from '@duban/evidence';
import { projectRoot } from '@duban/temporal';

import { EvidenceController } from './evidence.controller';
import { EVIDENCE_SETTINGS, EVIDENCE_STORE, EvidenceService } from './evidence.service';

/**
 * Evidence upload and download. The store and the size limit come from the EVIDENCE_* variables (and
 * DUBAN_DATA_DIR for the local store); an invalid one stops the API at start-up.
 */
@Module({})
export class EvidenceModule {
  static register(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const settings = loadEvidenceSettings(env, projectRoot());
    return {
      module: EvidenceModule,
      controllers: [EvidenceController],
      providers: [
        { provide: EVIDENCE_SETTINGS, useValue: settings },
        { provide: EVIDENCE_STORE, useFactory: () => createEvidenceStore(settings) },
        EvidenceService,
      ],
    };
  }
}
