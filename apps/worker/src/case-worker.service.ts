import { writeFile } from 'node:fs/promises';

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';

import { CaseProjectionRepository, ConfigurationRepository } from '@duban/persistence';
import { workerWorkflowSource } from '@duban/temporal';

import { createCaseActivities } from './case-activities';
import { WORKER_CONFIG } from './tokens';
import type { WorkerConfig } from './worker.config';

const HEARTBEAT_INTERVAL_MS = 15_000;

/** Runs the Temporal worker of the case workflows for as long as the application context lives. */
@Injectable()
export class CaseWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CaseWorkerService.name);
  private worker?: Worker;
  private connection?: NativeConnection;
  private running?: Promise<void>;
  private heartbeat?: NodeJS.Timeout;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly projection: CaseProjectionRepository,
    private readonly configuration: ConfigurationRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = await NativeConnection.connect({ address: this.config.TEMPORAL_ADDRESS });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      activities: createCaseActivities(this.projection, this.configuration),
      ...workerWorkflowSource(),
      maxCachedWorkflows: this.config.WORKER_MAX_CACHED_WORKFLOWS,
    });
    this.running = this.worker.run();
    this.running.catch((error: unknown) => this.logger.error(`worker stopped with an error: ${String(error)}`));
    if (this.config.WORKER_HEALTH_FILE) this.startHeartbeat(this.config.WORKER_HEALTH_FILE);
    this.logger.log(
      `polling task queue ${this.config.TEMPORAL_TASK_QUEUE} on ${this.config.TEMPORAL_ADDRESS} (namespace ${this.config.TEMPORAL_NAMESPACE})`,
    );
  }

  /** Touches the health file while the worker is running, so a stale file means a stopped worker. */
  private startHeartbeat(path: string): void {
    const touch = () => {
      if (this.worker?.getState() !== 'RUNNING') return;
      writeFile(path, `${new Date().toISOString()}\n`).catch((error: unknown) =>
        this.logger.warn(`cannot write the health file ${path}: ${String(error)}`),
      );
    };
    touch();
    this.heartbeat = setInterval(touch, HEARTBEAT_INTERVAL_MS);
    this.heartbeat.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.heartbeat);
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
    this.logger.log('worker stopped');
  }
}
