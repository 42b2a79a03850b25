import type { CaseState } from '@duban/domain';

import type { ReportCase } from './case-rows';
import { LIST_COLUMNS } from './four-lists';

function reinspectionColumn(reinspections: CaseState['reinspections']): string | number | undefined {
  const column = LIST_COLUMNS.hazards.find((c) => c.header.en === 'Reinspection');
  const item = { state: { reinspections } } as unknown as ReportCase;
  return column?.value(item, 'zh');
}

describe('four lists reinspection column', () => {
  it('dates a result on the China day it was recorded', () => {
    // 19:00 UTC on 4 December is 03:00 on 5 December in China.
    const value = reinspectionColumn([
      { appliedAt: '2026-12-04T18:00:00.000Z', passed: true, findings: '合格', recordedAt: '2026-12-04T19:00:00.000Z' },
    ]);

    expect(value).toBe('2026-12-05 合格');
  });

  it('dates a pending reinspection on the China day it was applied for', () => {
    expect(reinspectionColumn([{ appliedAt: '2026-12-04T17:30:00.000Z' }])).toBe('2026-12-05 申请，待复查');
  });

  it('falls back to the application for results recorded without a time', () => {
    expect(reinspectionColumn([{ appliedAt: '2026-12-01T02:00:00.000Z', passed: false, findings: '未整改' }])).toBe(
      '2026-12-01 不合格',
    );
  });
});
