import { hostname } from 'node:os';

import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import type { NotificationChannel } from './channels/channel';
import { DeliveryRepository, type AttemptRecord, type ClaimedDelivery } from './delivery.repository';
import { retryDelayMs } from './retry-delay';

export interface DispatcherOptions {
  readonly channels: readonly NotificationChannel[];
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  readonly sendTimeoutMs: number;
  readonly pollIntervalMs: number;
  /** Deliveries sent at the same time. Each uses one database connection while it sends. */
  readonly concurrency: number;
  /** Name in the delivery log; host name and process id by default. */
  readonly name?: string;
}

/** Notifications one fan-out step picks up at most. */
const FAN_OUT_BATCH = 100;
/** Maximum pause of a lane after repeated database errors. */
const MAX_ERROR_PAUSE_MS = 30_000;

/**
 * Delivers outbox notifications to every configured channel, at least once each.
 *
 * Each lane sends one delivery at a time inside its own transaction: it locks the delivery row
 * (FOR UPDATE SKIP LOCKED), sends, writes the attempt to the delivery log and the new delivery state,
 * and commits. Two dispatchers therefore never send the same attempt at the same time, and a
 * notification is sent again only if the process dies (or loses its database connection) between
 * sending and committing. Failed attempts are retried with exponential backoff; after `maxAttempts`
 * the delivery becomes a dead letter that an administrator can re-queue.
 */
export class NotificationDispatcher {
  private readonly logger = new Logger(NotificationDispatcher.name);
  private readonly repository: DeliveryRepository;
  private readonly channels: ReadonlyMap<string, NotificationChannel>;
  private readonly channelNames: readonly string[];
  private readonly name: string;
  private lanes: Promise<void>[] = [];
  private stopping = false;
  private wakeUps = new Set<() => void>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: DispatcherOptions,
  ) {
    if (options.channels.length === 0) throw new Error('NotificationDispatcher needs at least one channel');
    this.repository = new DeliveryRepository(dataSource);
    this.channels = new Map(options.channels.map((channel) => [channel.name, channel]));
    this.channelNames = [...this.channels.keys()];
    this.name = options.name ?? `${hostname()}:${process.pid}`;
  }

  /** Starts the lanes; they poll until stop() is called. */
  start(): void {
    if (this.lanes.length > 0) return;
    this.stopping = false;
    this.lanes = Array.from({ length: this.options.concurrency }, (_, lane) => this.runLane(lane));
    this.logger.log(
      `dispatching notifications to ${this.channelNames.join(' and ')} with ${this.options.concurrency} lanes as ${this.name}`,
    );
  }

  /** Lets each lane finish (and record) the attempt it is making, then resolves. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeAll();
    await Promise.all(this.lanes);
    this.lanes = [];
    for (const channel of this.options.channels) await channel.close?.();
    this.logger.log(`dispatcher ${this.name} stopped`);
  }

  /**
   * Picks up new notifications and makes every attempt that is due now, one after another, until none
   * is left. For tests and scripts that want a deterministic pass instead of the polling lanes.
   */
  async dispatchDue(): Promise<number> {
    let attempts = 0;
    while ((await this.repository.fanOut(this.channelNames, FAN_OUT_BATCH)) > 0) {
      // Keep picking up until every new notification has its deliveries.
    }
    while (await this.attemptOne()) attempts++;
    return attempts;
  }

  private async runLane(lane: number): Promise<void> {
    let consecutiveErrors = 0;
    while (!this.stopping) {
      try {
        // One lane picks up new notifications, so the others do not all query for them.
        if (lane === 0 && (await this.repository.fanOut(this.channelNames, FAN_OUT_BATCH)) > 0) this.wakeAll();
        const attempted = await this.attemptOne();
        consecutiveErrors = 0;
        if (!attempted) await this.pause(this.options.pollIntervalMs);
      } catch (error) {
        consecutiveErrors++;
        const pauseMs = Math.min(this.options.pollIntervalMs * 2 ** consecutiveErrors, MAX_ERROR_PAUSE_MS);
        this.logger.warn(
          `lane ${lane} of ${this.name} failed (${consecutiveErrors} in a row), retrying in ${pauseMs} ms: ${describe(error)}`,
        );
        await this.pause(pauseMs);
      }
    }
  }

  /** Makes one due attempt, if there is one, and returns whether it did. */
  private async attemptOne(): Promise<boolean> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      // PostgreSQL ends the session of a dispatcher that hangs while it holds a row lock, and so frees
      // the lock, once the transaction has been idle for twice the send timeout plus 5 s.
      await runner.query(`SET LOCAL idle_in_transaction_session_timeout = ${this.options.sendTimeoutMs * 2 + 5_000}`);
      const claimed = await this.repository.claimDue(runner, this.channelNames);
      if (!claimed) {
        await runner.commitTransaction();
        return false;
      }
      const record = await this.send(claimed);
      await this.repository.recordAttempt(runner, claimed, record);
      await runner.commitTransaction();
      this.logAttempt(claimed, record);
      return true;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async send(claimed: ClaimedDelivery): Promise<AttemptRecord> {
    const attempt = claimed.attempts + 1;
    const channel = this.channels.get(claimed.channel);
    const startedAt = new Date();
    let outcome: AttemptRecord['outcome'];
    let error: string | null = null;
    if (!channel) throw new Error(`claimed a delivery on ${claimed.channel}, which is not configured`);
    try {
      const result = await channel.send(claimed.notification, attempt, AbortSignal.timeout(this.options.sendTimeoutMs));
      outcome = result.outcome;
      if (result.outcome === 'skipped') error = result.reason;
    } catch (failure) {
      outcome = 'failed';
      error = describe(failure);
    }
    const finishedAt = new Date();
    const base = { attempt, outcome, error, startedAt, finishedAt, dispatcher: this.name };
    if (outcome !== 'failed') return { ...base, status: outcome, nextAttemptAt: finishedAt };
    const attemptInRound = attempt - claimed.requeuedAtAttempt;
    if (attemptInRound >= this.options.maxAttempts) return { ...base, status: 'dead', nextAttemptAt: finishedAt };
    const delay = retryDelayMs(attemptInRound, this.options.retryBaseMs, this.options.retryMaxMs);
    return { ...base, status: 'pending', nextAttemptAt: new Date(finishedAt.getTime() + delay) };
  }

  private logAttempt(claimed: ClaimedDelivery, record: AttemptRecord): void {
    const subject = `${claimed.channel} delivery of ${claimed.notification.key} (attempt ${record.attempt})`;
    if (record.status === 'delivered') this.logger.debug(`${subject} delivered`);
    else if (record.status === 'skipped') this.logger.log(`${subject} skipped: ${record.error ?? ''}`);
    else if (record.status === 'dead') {
      this.logger.error(`${subject} failed and is now a dead letter: ${record.error ?? ''}`);
    } else {
      this.logger.warn(
        `${subject} failed, next attempt at ${record.nextAttemptAt.toISOString()}: ${record.error ?? ''}`,
      );
    }
  }

  private pause(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUps.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUps.add(done);
    });
  }

  private wakeAll(): void {
    for (const wakeUp of [...this.wakeUps]) wakeUp();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
