import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { createDataSource, type DatabaseOptions } from './data-source';
import { CaseProjectionRepository } from './repositories/case-projection.repository';
import { CaseQueryRepository } from './repositories/case-query.repository';
import { ConfigurationRepository } from './repositories/configuration.repository';
import { DirectoryRepository } from './repositories/directory.repository';
import { IdempotencyKeyRepository } from './repositories/idempotency-key.repository';

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** Provides the connected data source and the repositories over it. */
@Module({})
export class PersistenceModule {
  static register(options: DatabaseOptions): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      providers: [
        { provide: DataSource, useFactory: () => createDataSource(options).initialize() },
        DataSourceCloser,
        {
          provide: CaseProjectionRepository,
          useFactory: (dataSource: DataSource) => new CaseProjectionRepository(dataSource, options.auditHashAlgorithm),
          inject: [DataSource],
        },
        repositoryProvider(CaseQueryRepository),
        repositoryProvider(IdempotencyKeyRepository),
        repositoryProvider(ConfigurationRepository),
        repositoryProvider(DirectoryRepository),
      ],
      exports: [
        DataSource,
        CaseProjectionRepository,
        CaseQueryRepository,
        IdempotencyKeyRepository,
        ConfigurationRepository,
        DirectoryRepository,
      ],
    };
  }
}

function repositoryProvider<T>(type: new (dataSource: DataSource) => T) {
  return { provide: type, useFactory: (dataSource: DataSource) => new type(dataSource), inject: [DataSource] };
}
