import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
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
import { AdminController } from './admin/admin.controller';
import { AuditController } from './audit/audit.controller';
import { CaseCommandsController } from './commands/case-commands.controller';
import { CaseCommandsService } from './commands/case-commands.service';
import { ListingsController } from './commands/listings.controller';
import { InboxController } from './inbox/inbox.controller';
import { ImportsController } from './imports/imports.controller';
import { ImportsService } from './imports/imports.service';
import { ExposuresController } from './public/exposures.controller';
import { ReportsController } from './reports/reports.controller';
import { EvidenceModule } from './evidence/evidence.module';
import { NotificationsAdminModule } from './notifications/notifications-admin.module';
import { AuthGuard } from './auth/auth.guard';
import {
  JurisdictionsAdminController,
  UnitsAdminController,
  UsersAdminController,
} from './directory/directory.controller';
import { DirectoryService } from './directory/directory.service';
import { TokenVerifier } from './auth/token-verifier';

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
          connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
          statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
          applicationName: 'duban-api',
        }),
        EvidenceModule.register(),
        NotificationsAdminModule,
      ],
      controllers: [
        CaseCommandsController,
        ListingsController,
        InboxController,
        AuditController,
        AdminController,
        JurisdictionsAdminController,
        UnitsAdminController,
        UsersAdminController,
        CasesController,
        CalendarController,
        DeterminationController,
        HealthController,
        ImportsController,
        ReportsController,
        ExposuresController,
      ],
      providers: [
        { provide: API_CONFIG, useValue: config },
        {
          provide: TEMPORAL_CLIENT,
          useFactory: () =>
            createTemporalClient({ address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE }),
        },
        TemporalClientCloser,
        TokenVerifier,
        { provide: APP_GUARD, useClass: AuthGuard },
        CasesService,
        CaseCommandsService,
        CalendarService,
        DeterminationService,
        ImportsService,
        DirectoryService,
      ],
    };
  }
}
