import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Client } from '@temporalio/client';

import { PersistenceModule } from '@duban/persistence';
import { createTemporalClient } from '@duban/temporal';

import { API_CONFIG, TEMPORAL_CLIENT, type ApiConfig } from './api.config';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarService } from './calendar/calendar.service';
import { CasesController } from './cases/cases.controller';
import { CasesService } from './cases/cases.service';
import { DeterminationController } from './determination/determination.controller';
import { DeterminationService } from './determination/determination.service';
import { HealthController } from './health/health.controller';

@Injectable()
class TemporalClientCloser implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}

/** The HTTP API: commands go to case workflows, reads come from PostgreSQL. */
@Module({})
export class ApiModule {
  static register(config: ApiConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PersistenceModule.register({
          url: config.DATABASE_URL,
          poolSize: config.DATABASE_POOL_SIZE,
          applicationName: 'duban-api',
        }),
      ],
      controllers: [CasesController, CalendarController, DeterminationController, HealthController],
      providers: [
        { provide: API_CONFIG, useValue: config },
        {
          provide: TEMPORAL_CLIENT,
          useFactory: () =>
            createTemporalClient({ address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE }),
        },
        TemporalClientCloser,
        CasesService,
        CalendarService,
        DeterminationService,
      ],
    };
  }
}
