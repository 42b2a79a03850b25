import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { DataSource } from 'typeorm';

import { createDataSource } from '@duban/persistence';

import { ADDRESS_BOOK, seedNotifications } from '../integration/support/outbox';
import { createPrivateDatabase, type PrivateDatabase } from '../integration/support/private-database';
import { countRepeats, SmtpReceiver, WebhookReceiver } from '../integration/support/receivers';
import { spawnTypeScript } from './typescript-child';

const WEBHOOK_SECRET = 'whsec-fault-test-0123456789abcdefghijklm';
const CONCURRENCY = 4;
const CASES = 8;
const NOTIFICATIONS_PER_CASE = 15;
/** Webhook requests after which the dispatcher is killed, while the last of them waits for its response. */
const KILL_AFTER = [40, 100];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('dispatcher killed mid-delivery', () => {
  let database: PrivateDatabase;
  let dataSource: DataSource;
  let webhook: WebhookReceiver;
  let smtp: SmtpReceiver;
  let child: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    database = await createPrivateDatabase('duban_fault');
    dataSource = await createDataSource({ url: database.url, poolSize: 2, applicationName: 'duban-test' }).initialize();
    webhook = await WebhookReceiver.start(WEBHOOK_SECRET);
    smtp = await SmtpReceiver.start();
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    await dataSource?.destroy();
    await webhook?.close();
    await smtp?.close();
    await database?.drop();
  });

  function startDispatcher(env: NodeJS.ProcessEnv): ChildProcess {
    const started = spawnTypeScript('scripts/dispatch.ts', env);
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return started;
  }

  async function pendingCount(): Promise<number> {
    const rows: { pending: number }[] = await dataSource.query(
      `SELECT (SELECT count(*) FROM notifications WHERE dispatched_at IS NULL)
            + (SELECT count(*) FROM notification_deliveries WHERE status <> 'delivered') AS pending`,
    );
    return Number(rows[0]?.pending);
  }

  it('delivers everything, repeating only cut-off sends', async () => {
    const keys: string[] = [];
    for (let i = 0; i < CASES; i++) keys.push(...(await seedNotifications(dataSource, NOTIFICATIONS_PER_CASE, 'F')));
    // Every recipient needs an email address here, so both channels carry every notification.
    const addressBook = join(mkdtempSync(join(tmpdir(), 'duban-fault-')), 'address-book.json');
    writeFileSync(
      addressBook,
      JSON.stringify({
        ...ADDRESS_BOOK,
        roles: [
          ...ADDRESS_BOOK.roles,
          { role: 'brigade_leader', jurisdictionCode: '430102', emails: ['brigade@furong.example.gov.cn'] },
        ],
      }),
    );
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      DATABASE_URL: database.url,
      LOG_LEVEL: 'warn',
      NOTIFY_WEBHOOK_URL: webhook.url,
      NOTIFY_WEBHOOK_SECRET: WEBHOOK_SECRET,
      NOTIFY_SMTP_URL: smtp.url,
      NOTIFY_EMAIL_FROM: 'duban@xfj.example.gov.cn',
      NOTIFY_ADDRESS_BOOK: addressBook,
      NOTIFY_RETRY_BASE_MS: '100',
      NOTIFY_RETRY_MAX_MS: '1000',
      NOTIFY_POLL_INTERVAL_MS: '50',
      NOTIFY_CONCURRENCY: String(CONCURRENCY),
    };

    let kills = 0;
    let killed: Promise<void> = Promise.resolve();
    webhook.respond = async () => {
      const threshold = KILL_AFTER[kills];
      if (threshold !== undefined && webhook.requests.length >= threshold && child) {
        // Kill while this request (and the other lanes' sends) wait for their response, so the crash falls
        // between sending and recording.
        const victim = child;
        kills++;
        killed = new Promise((resolve) => victim.once('exit', () => resolve()));
        victim.kill('SIGKILL');
        await killed;
        return 200;
      }
      await sleep(5);
      return 200;
    };

    child = startDispatcher(env);
    for (let restart = 0; restart < KILL_AFTER.length; restart++) {
      const deadline = Date.now() + 20_000;
      while (kills <= restart && Date.now() < deadline) await sleep(20);
      expect(kills).toBe(restart + 1);
      await killed;
      child = startDispatcher(env);
    }
    const deadline = Date.now() + 30_000;
    while ((await pendingCount()) > 0 && Date.now() < deadline) await sleep(100);
    const stopping = child;
    const exitCode = new Promise<number | null>((resolve) => stopping.once('exit', (code) => resolve(code)));
    stopping.kill('SIGTERM');
    expect(await exitCode).toBe(0);
    child = undefined;

    const outboxKeys = new Set(
      (await dataSource.query<{ key: string }[]>('SELECT key FROM notifications')).map((row) => row.key),
    );
    const webhookKeys = webhook.keys();
    const emailKeys = smtp.keys();
    const webhookCounts = countRepeats(webhookKeys);
    const emailCounts = countRepeats(emailKeys);
    process.stdout.write(
      `\ndispatcher fault test: ${keys.length} notifications, ${kills} SIGKILLs; ` +
        `webhook ${webhookKeys.length} requests, ${webhookCounts.distinct} distinct keys, ${webhookCounts.repeats} repeats; ` +
        `email ${emailKeys.length} messages, ${emailCounts.distinct} distinct keys, ${emailCounts.repeats} repeats\n`,
    );

    expect(await pendingCount()).toBe(0);
    expect(new Set(webhookKeys)).toEqual(new Set(keys));
    expect(new Set(emailKeys)).toEqual(new Set(keys));
    expect([...new Set([...webhookKeys, ...emailKeys])].filter((key) => !outboxKeys.has(key))).toEqual([]);
    expect(webhook.requests.every((received) => received.signatureValid)).toBe(true);
    // Only the sends in flight when a crash hit may repeat: at most one per lane for each crash.
    expect(webhookCounts.repeats).toBeLessThanOrEqual(kills * CONCURRENCY);
    expect(emailCounts.repeats).toBeLessThanOrEqual(kills * CONCURRENCY);
    expect(webhookCounts.repeats).toBeGreaterThanOrEqual(1);
    const delivered: { deliveries: number; attempts: number }[] = await dataSource.query(
      `SELECT count(DISTINCT (d.notification_key, d.channel))::int AS deliveries, count(a.id)::int AS attempts
       FROM notification_deliveries d
         JOIN notification_delivery_attempts a
           ON a.notification_key = d.notification_key AND a.channel = d.channel AND a.outcome = 'delivered'`,
    );
    expect(delivered[0]).toEqual({ deliveries: keys.length * 2, attempts: keys.length * 2 });
    expect(output).not.toMatch(/ERROR/);
  });
});
