import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import type { DataSource } from 'typeorm';

import {
  createChannels,
  loadDispatcherSettings,
  NotificationDispatcher,
  type DispatcherSettings,
} from '@duban/notifications';
import { createDataSource, PersistenceModule } from '@duban/persistence';

import { createApiApp } from '../../apps/api/src/api.app';
import { loadApiConfig } from '../../apps/api/src/api.config';
import { NotificationDispatcherModule } from '../../apps/worker/src/notifications/notification-dispatcher.module';
import { bearer, TEST_JWT_SECRET } from '../support/tokens';
import { ADDRESS_BOOK, seedNotifications, SEEDED_JURISDICTION } from './support/outbox';
import { createPrivateDatabase, type PrivateDatabase } from './support/private-database';
import { SmtpReceiver, WebhookReceiver } from './support/receivers';

const WEBHOOK_SECRET = 'whsec-integration-0123456789abcdefghijkl';

interface DeliveryRow {
  notification_key: string;
  channel: string;
  status: string;
  attempts: number;
}

interface AttemptRow {
  notification_key: string;
  channel: string;
  attempt: number;
  outcome: string;
  error: string | null;
  started_at: Date;
  finished_at: Date;
  dispatcher: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('notification dispatcher with a webhook receiver and an SMTP server', () => {
  let database: PrivateDatabase;
  let dataSource: DataSource;
  let webhook: WebhookReceiver;
  let smtp: SmtpReceiver;
  let env: NodeJS.ProcessEnv;
  let api: INestApplication;

  beforeAll(async () => {
    database = await createPrivateDatabase('duban_notify');
    dataSource = await createDataSource({ url: database.url, poolSize: 6, applicationName: 'duban-test' }).initialize();
    webhook = await WebhookReceiver.start(WEBHOOK_SECRET);
    smtp = await SmtpReceiver.start();
    const addressBook = join(mkdtempSync(join(tmpdir(), 'duban-address-book-')), 'address-book.json');
    writeFileSync(addressBook, JSON.stringify(ADDRESS_BOOK));
    env = {
      NOTIFY_WEBHOOK_URL: webhook.url,
      NOTIFY_WEBHOOK_SECRET: WEBHOOK_SECRET,
      NOTIFY_SMTP_URL: smtp.url,
      NOTIFY_EMAIL_FROM: '督办系统 <duban@xfj.example.gov.cn>',
      NOTIFY_ADDRESS_BOOK: addressBook,
      NOTIFY_MAX_ATTEMPTS: '3',
      NOTIFY_RETRY_BASE_MS: '40',
      NOTIFY_RETRY_MAX_MS: '1000',
      NOTIFY_SEND_TIMEOUT_MS: '5000',
      NOTIFY_POLL_INTERVAL_MS: '20',
      NOTIFY_CONCURRENCY: '3',
    };
    api = await createApiApp(
      loadApiConfig({
        ...process.env,
        DATABASE_URL: database.url,
        DATABASE_POOL_SIZE: '2',
        LOG_LEVEL: 'warn',
        AUTH_JWT_SECRET: TEST_JWT_SECRET,
      }),
    );
    await api.init();
  });

  afterAll(async () => {
    await api?.close();
    await dataSource?.destroy();
    await webhook?.close();
    await smtp?.close();
    await database?.drop();
  });

  beforeEach(() => {
    webhook.respond = () => 200;
    smtp.respond = () => 'accept';
  });

  function settings(): DispatcherSettings {
    return loadDispatcherSettings(env, process.cwd());
  }

  function newDispatcher(source: DataSource = dataSource, name?: string): NotificationDispatcher {
    const loaded = settings();
    return new NotificationDispatcher(source, {
      ...loaded,
      channels: createChannels(loaded),
      ...(name ? { name } : {}),
    });
  }

  async function deliveriesOf(keys: readonly string[]): Promise<DeliveryRow[]> {
    return dataSource.query(
      `SELECT notification_key, channel, status, attempts FROM notification_deliveries
       WHERE notification_key = ANY($1) ORDER BY notification_key, channel`,
      [keys],
    );
  }

  async function attemptsOf(keys: readonly string[]): Promise<AttemptRow[]> {
    return dataSource.query(
      `SELECT notification_key, channel, attempt, outcome, error, started_at, finished_at, dispatcher
       FROM notification_delivery_attempts WHERE notification_key = ANY($1)
       ORDER BY notification_key, channel, attempt`,
      [keys],
    );
  }

  /** Waits until the keys have `count` deliveries and none is pending, or the time is up. */
  async function waitForSettled(keys: readonly string[], count: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = await deliveriesOf(keys);
      if (rows.length === count && rows.every((row) => row.status !== 'pending')) return;
      if (Date.now() > deadline) return;
      await sleep(50);
    }
  }

  /** Runs passes of the dispatcher until no delivery of the keys is pending. */
  async function dispatchUntilSettled(dispatcher: NotificationDispatcher, keys: readonly string[]): Promise<void> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      await dispatcher.dispatchDue();
      const rows = await deliveriesOf(keys);
      if (rows.length > 0 && rows.every((row) => row.status !== 'pending')) return;
      if (Date.now() > deadline) throw new Error(`deliveries still pending: ${JSON.stringify(rows)}`);
      await sleep(20);
    }
  }

  it('delivers each notification to both channels with its key', async () => {
    const keys = await seedNotifications(dataSource, 3);
    const dispatcher = newDispatcher();

    await dispatchUntilSettled(dispatcher, keys);
    await dispatcher.stop();

    const hooks = webhook.requests.filter((r) => keys.includes(r.key));
    expect(hooks.map((r) => r.key).sort()).toEqual([...keys].sort());
    for (const hook of hooks) {
      expect(hook.signatureValid).toBe(true);
      expect(hook.payload['key']).toBe(hook.key);
      expect(hook.attempt).toBe(1);
    }
    const [unitKey, leaderKey, brigadeKey] = keys as [string, string, string];
    const unitHook = hooks.find((r) => r.key === unitKey);
    expect(unitHook?.payload['recipient']).toEqual({
      kind: 'unit',
      jurisdictionCode: SEEDED_JURISDICTION,
      role: null,
      unitCreditCode: '91350100M000100Y43',
    });

    const mails = smtp.messages.filter((m) => keys.includes(m.key));
    expect(mails.map((m) => m.key).sort()).toEqual([unitKey, leaderKey].sort());
    const unitMail = mails.find((m) => m.key === unitKey);
    expect(unitMail?.messageId).toBe(`<${unitKey}@xfj.example.gov.cn>`);
    expect(unitMail?.to).toEqual(['safety@hotel.example.com']);
    expect(unitMail?.subject).toMatch(/^【督办】逾期通知：/);
    expect(unitMail?.text).toContain('已逾期（第 0 条）');
    expect(mails.find((m) => m.key === leaderKey)?.to).toEqual(['leader@furong.example.gov.cn']);

    const deliveries = await deliveriesOf(keys);
    expect(deliveries.filter((d) => d.channel === 'webhook').map((d) => d.status)).toEqual([
      'delivered',
      'delivered',
      'delivered',
    ]);
    const brigadeEmail = deliveries.find((d) => d.notification_key === brigadeKey && d.channel === 'email');
    expect(brigadeEmail?.status).toBe('skipped');
    const attempts = await attemptsOf([brigadeKey]);
    expect(attempts.find((a) => a.channel === 'email')?.error).toBe(
      'the address book has no email address for brigade_leader in 430102',
    );
  });

  it('retries a failing webhook with backoff, then delivers', async () => {
    const keys = await seedNotifications(dataSource, 1);
    const key = keys[0] as string;
    webhook.respond = (received) => (received.key === key && received.attempt < 3 ? 503 : 200);
    const dispatcher = newDispatcher();

    await dispatchUntilSettled(dispatcher, keys);
    await dispatcher.stop();

    const attempts = (await attemptsOf(keys)).filter((a) => a.channel === 'webhook');
    expect(attempts.map((a) => [a.attempt, a.outcome])).toEqual([
      [1, 'failed'],
      [2, 'failed'],
      [3, 'delivered'],
    ]);
    expect(attempts[0]?.error).toMatch(/returned HTTP 503: receiver failure$/);
    const [first, second, third] = attempts as [AttemptRow, AttemptRow, AttemptRow];
    expect(second.started_at.getTime() - first.finished_at.getTime()).toBeGreaterThanOrEqual(40);
    expect(third.started_at.getTime() - second.finished_at.getTime()).toBeGreaterThanOrEqual(80);
    expect(webhook.requests.filter((r) => r.key === key).map((r) => r.attempt)).toEqual([1, 2, 3]);
  });

  it('dead-letters after the last attempt and re-queues on retry', async () => {
    const keys = await seedNotifications(dataSource, 1);
    const key = keys[0] as string;
    webhook.respond = (received) => (received.key === key ? 500 : 200);
    smtp.respond = (mailKey) => (mailKey === key ? 'reject' : 'accept');
    const dispatcher = newDispatcher();
    const server = api.getHttpServer();
    const admin = bearer('admin', '430000');
    const path = `/admin/notifications/${encodeURIComponent(key)}`;

    await dispatchUntilSettled(dispatcher, keys);

    expect((await deliveriesOf(keys)).map((d) => [d.channel, d.status, d.attempts])).toEqual([
      ['email', 'dead', 3],
      ['webhook', 'dead', 3],
    ]);
    expect(smtp.rejected.filter((k) => k === key)).toHaveLength(3);
    const deadLetters = await request(server).get('/admin/notifications/dead-letters').set('Authorization', admin);
    expect(deadLetters.status).toBe(200);
    const mine = (deadLetters.body.items as { notification: { key: string }; delivery: Record<string, unknown> }[])
      .filter((item) => item.notification.key === key)
      .map((item) => item.delivery);
    expect(mine.map((d) => d['channel']).sort()).toEqual(['email', 'webhook']);
    expect(mine.find((d) => d['channel'] === 'webhook')?.['lastError']).toMatch(/returned HTTP 500/);
    expect(mine.find((d) => d['channel'] === 'email')?.['lastError']).toMatch(/451/);

    const log = await request(server).get(path).set('Authorization', admin);
    expect(log.status).toBe(200);
    expect(log.body.notification.key).toBe(key);
    expect(log.body.attempts).toHaveLength(6);

    webhook.respond = () => 200;
    smtp.respond = () => 'accept';
    const retried = await request(server).post(`${path}/retry`).set('Authorization', admin);
    expect(retried.status).toBe(202);
    expect(retried.body.requeued).toEqual(['email', 'webhook']);
    expect((retried.body.deliveries as { status: string }[]).map((d) => d.status)).toEqual(['pending', 'pending']);

    await dispatchUntilSettled(dispatcher, keys);
    await dispatcher.stop();

    expect((await deliveriesOf(keys)).map((d) => [d.channel, d.status, d.attempts])).toEqual([
      ['email', 'delivered', 4],
      ['webhook', 'delivered', 4],
    ]);
    expect(webhook.requests.filter((r) => r.key === key).map((r) => r.attempt)).toEqual([1, 2, 3, 4]);
    expect(smtp.keys().filter((k) => k === key)).toHaveLength(1);
    const again = await request(server).post(`${path}/retry`).set('Authorization', admin);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('no_dead_letter');
  });

  it('keeps the admin endpoints to administrators in scope', async () => {
    const keys = await seedNotifications(dataSource, 1);
    const key = keys[0] as string;
    const server = api.getHttpServer();
    const path = `/admin/notifications/${encodeURIComponent(key)}`;

    for (const [role, scope] of [
      ['inspector', '430102'],
      ['government_leader', '430102'],
      ['unit', '91350100M000100Y43'],
    ] as const) {
      const list = await request(server)
        .get('/admin/notifications/dead-letters')
        .set('Authorization', bearer(role, scope));
      const retry = await request(server).post(`${path}/retry`).set('Authorization', bearer(role, scope));
      expect([role, list.status, list.body.code]).toEqual([role, 403, 'forbidden']);
      expect([role, retry.status, retry.body.code]).toEqual([role, 403, 'forbidden']);
    }
    const anonymous = await request(server).get('/admin/notifications/dead-letters');
    expect(anonymous.status).toBe(401);
    const elsewhere = await request(server).get(path).set('Authorization', bearer('admin', '110000'));
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.code).toBe('notification_not_found');
    const invalidKey = await request(server)
      .get('/admin/notifications/nope')
      .set('Authorization', bearer('admin', '430000'));
    expect(invalidKey.status).toBe(400);
    expect(invalidKey.body.errors[0].field).toBe('path.key');
  });

  it('never lets two dispatchers send the same delivery', async () => {
    const keys = await seedNotifications(dataSource, 30);
    webhook.respond = async () => {
      await sleep(10);
      return 200;
    };
    const secondSource = await createDataSource({ url: database.url, poolSize: 4 }).initialize();
    const first = newDispatcher(dataSource, 'dispatcher-a');
    const second = newDispatcher(secondSource, 'dispatcher-b');

    first.start();
    second.start();
    await waitForSettled(keys, 2 * keys.length, 20_000);
    await Promise.all([first.stop(), second.stop()]);
    await secondSource.destroy();

    const hookKeys = webhook.keys().filter((k) => keys.includes(k));
    expect(hookKeys).toHaveLength(keys.length);
    expect(new Set(hookKeys).size).toBe(keys.length);
    const mailKeys = smtp.keys().filter((k) => keys.includes(k));
    expect(mailKeys).toHaveLength(20);
    expect(new Set(mailKeys).size).toBe(20);
    const attempts = await attemptsOf(keys);
    expect(new Set(attempts.map((a) => a.dispatcher))).toEqual(new Set(['dispatcher-a', 'dispatcher-b']));
  });

  it('runs inside a Nest application context and stops with it', async () => {
    const keys = await seedNotifications(dataSource, 2);
    @Module({
      imports: [
        PersistenceModule.register({ url: database.url, poolSize: 4 }),
        NotificationDispatcherModule.register(env),
      ],
    })
    class DispatcherTestModule {}
    const context: INestApplicationContext = await NestFactory.createApplicationContext(DispatcherTestModule, {
      logger: ['error'],
    });
    await context.init();

    await waitForSettled(keys, 4, 10_000);
    await context.close();

    expect((await deliveriesOf(keys)).map((d) => d.status)).toEqual([
      'delivered',
      'delivered',
      'delivered',
      'delivered',
    ]);
  });
});
