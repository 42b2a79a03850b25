import type { DataSource } from 'typeorm';

import { SYSTEM_ACTOR } from '@duban/domain';
import { appendAuditEntry, auditHash, verifyAuditTrail, type AuditEntryEntity } from '@duban/persistence';

import { uniqueCaseNumber } from '../support/apps';
import { connectTestDatabase } from '../support/database';

/** Runs SQL with the append-only trigger off, as someone with direct database access could. */
async function bypassingTrigger(dataSource: DataSource, sql: string, parameters: unknown[]): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only');
    await manager.query(sql, parameters);
    await manager.query('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only');
  });
}

async function waitingOnAdvisoryLock(dataSource: DataSource): Promise<boolean> {
  const rows = await dataSource.query<unknown[]>(
    `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted LIMIT 1`,
  );
  return rows.length > 0;
}

describe('audit trail verification on PostgreSQL', () => {
  let dataSource: DataSource;
  const entries: AuditEntryEntity[] = [];

  beforeAll(async () => {
    dataSource = await connectTestDatabase();
    const caseNumber = uniqueCaseNumber('AUD');
    for (let sequence = 1; sequence <= 3; sequence++) {
      const entry = await dataSource.transaction((manager) =>
        appendAuditEntry(manager, {
          caseNumber,
          sequence,
          eventType: 'case_opened',
          content: JSON.stringify({ sequence, actor: SYSTEM_ACTOR }),
          recordedAt: new Date(),
        }),
      );
      entries.push(entry);
    }
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('passes on an untouched trail', async () => {
    const result = await verifyAuditTrail(dataSource);

    expect(result.valid).toBe(true);
    expect(result.checked).toBeGreaterThanOrEqual(3);
  });

  it('passes while another append is in flight', async () => {
    let commit!: () => void;
    const commitRequested = new Promise<void>((resolve) => (commit = resolve));
    let appended!: () => void;
    const inFlight = new Promise<void>((resolve) => (appended = resolve));
    const append = dataSource.transaction(async (manager) => {
      await appendAuditEntry(manager, {
        caseNumber: uniqueCaseNumber('AUD'),
        sequence: 1,
        eventType: 'case_opened',
        content: '{}',
        recordedAt: new Date(),
      });
      appended();
      await commitRequested;
    });
    await inFlight;

    let settled = false;
    const verification = verifyAuditTrail(dataSource).finally(() => (settled = true));
    while (!settled && !(await waitingOnAdvisoryLock(dataSource))) await new Promise((r) => setTimeout(r, 10));
    commit();
    await append;

    expect(await verification).toMatchObject({ valid: true });
  });

  it('names a row altered with SQL', async () => {
    const target = entries[1] as AuditEntryEntity;
    await bypassingTrigger(dataSource, `UPDATE audit_entries SET content = '{"forged":true}' WHERE id = $1`, [
      target.id,
    ]);

    const altered = await verifyAuditTrail(dataSource);
    await bypassingTrigger(dataSource, 'UPDATE audit_entries SET content = $2 WHERE id = $1', [
      target.id,
      target.content,
    ]);
    const restored = await verifyAuditTrail(dataSource);

    expect(altered).toMatchObject({ valid: false, firstBadId: target.id, problem: 'altered' });
    expect(restored.valid).toBe(true);
  });

  it('chains SM3 rows with SHA-256 ones and verifies both', async () => {
    const entry = await dataSource.transaction((manager) =>
      appendAuditEntry(
        manager,
        {
          caseNumber: uniqueCaseNumber('SM3'),
          sequence: 1,
          eventType: 'case_opened',
          content: '{}',
          recordedAt: new Date(),
        },
        'sm3',
      ),
    );

    const result = await verifyAuditTrail(dataSource);

    expect(entry.algorithm).toBe('sm3');
    expect(entry.hash).toBe(auditHash('sm3', entry.previousHash, entry));
    expect(entry.hash).not.toBe(auditHash('sha256', entry.previousHash, entry));
    expect(result.valid).toBe(true);
  });

  it('names a deleted row as missing', async () => {
    const target = entries[2] as AuditEntryEntity;
    const [row] = await dataSource.query<Record<string, unknown>[]>('SELECT * FROM audit_entries WHERE id = $1', [
      target.id,
    ]);
    await bypassingTrigger(dataSource, 'DELETE FROM audit_entries WHERE id = $1', [target.id]);

    const deleted = await verifyAuditTrail(dataSource);
    await bypassingTrigger(
      dataSource,
      `INSERT INTO audit_entries (id, case_number, sequence, event_type, content, previous_hash, hash, algorithm, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        row?.['id'],
        row?.['case_number'],
        row?.['sequence'],
        row?.['event_type'],
        row?.['content'],
        row?.['previous_hash'],
        row?.['hash'],
        row?.['algorithm'],
        row?.['recorded_at'],
      ],
    );
    const reinserted = await verifyAuditTrail(dataSource);

    expect(deleted).toMatchObject({ valid: false, firstBadId: target.id, problem: 'missing' });
    expect(reinserted.valid).toBe(true);
  });
});
