import type { DataSource } from 'typeorm';

import { EvidenceEntity } from '@duban/persistence';

/** A row of evidence with the id of the correction that replaced it, if any. */
export interface EvidenceWithSuccessor {
  readonly evidence: EvidenceEntity;
  readonly replacedBy: string | null;
}

/** PostgreSQL unique violation, raised when a second correction of the same evidence races the first. */
const UNIQUE_VIOLATION = '23505';

export class EvidenceAlreadyReplacedError extends Error {
  constructor(readonly replaces: string) {
    super(`evidence ${replaces} has already been replaced`);
    this.name = 'EvidenceAlreadyReplacedError';
  }
}

/** Reads and inserts evidence rows. There is no update or delete: the table rejects both. */
export class EvidenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts a row; throws EvidenceAlreadyReplacedError when its `replaces` already has a correction. */
  async insert(evidence: EvidenceEntity): Promise<void> {
    try {
      await this.dataSource.getRepository(EvidenceEntity).insert(evidence);
    } catch (error) {
      const code = (error as { driverError?: { code?: unknown; constraint?: unknown } }).driverError;
      if (
        code?.code === UNIQUE_VIOLATION &&
        evidence.replaces !== null &&
        String(code.constraint).includes('replaces')
      ) {
        throw new EvidenceAlreadyReplacedError(evidence.replaces);
      }
      throw error;
    }
  }

  async findInCase(caseNumber: string, id: string): Promise<EvidenceWithSuccessor | undefined> {
    const evidence = await this.dataSource.getRepository(EvidenceEntity).findOneBy({ caseNumber, id });
    if (!evidence) return undefined;
    const successor = await this.dataSource.getRepository(EvidenceEntity).findOne({
      select: { id: true },
      where: { caseNumber, replaces: id },
    });
    return { evidence, replacedBy: successor?.id ?? null };
  }

  /** Lists every row of a case, oldest first, each with the id of its correction. */
  async listByCase(caseNumber: string): Promise<EvidenceWithSuccessor[]> {
    const rows = await this.dataSource
      .getRepository(EvidenceEntity)
      .find({ where: { caseNumber }, order: { uploadedAt: 'ASC', id: 'ASC' } });
    const successors = new Map<string, string>();
    for (const row of rows) if (row.replaces !== null) successors.set(row.replaces, row.id);
    return rows.map((evidence) => ({ evidence, replacedBy: successors.get(evidence.id) ?? null }));
  }

  async caseHasEvent(caseNumber: string, sequence: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM case_events WHERE case_number = $1 AND sequence = $2',
      [caseNumber, sequence],
    );
    return rows.length > 0;
  }
}
