import { ApiProperty } from '@nestjs/swagger';

/** A computed deadline with its explanation in the response language. */
export class DeadlineResponse {
  @ApiProperty({
    description: 'Due date (截止日期): last day of the period, YYYY-MM-DD in China Standard Time',
    example: '2025-10-13',
  })
  due!: string;

  @ApiProperty({
    description: 'Due instant (截止时刻): 24:00 Asia/Shanghai on the due date, as an ISO 8601 instant in UTC',
    example: '2025-10-13T16:00:00.000Z',
  })
  dueAt!: string;

  @ApiProperty({
    description:
      'Provisional (暂定): true when a day the deadline depends on falls in a year whose official schedule is not ' +
      'loaded yet; such days count as plain weeks and the deadline may change once the schedule is loaded',
    example: false,
  })
  provisional!: boolean;

  @ApiProperty({
    description:
      'Explanation (计算说明) naming the days off and make-up working days (调休上班) inside the period; ' +
      'Simplified Chinese unless Accept-Language prefers English',
    example: '自 2025-09-26 起 7 个工作日，截止 2025-10-13；10月1日至8日放假；9月28日、10月11日调休上班',
  })
  explanation!: string;
}
