import ExcelJS from 'exceljs';

import { readSourceBuffer, SourceFileError } from './source-table';

const HEADER = 'notice_id,region,notice_year,listed_on,place_type,unit,outcome';

describe('reading source files', () => {
  it('reads a UTF-8 CSV with a byte order mark and Chinese headers', async () => {
    const csv = `\uFEFF通知编号,地区,通知年份,场所类型,单位名称,状态\r\nN01,"湖南省; 长沙市",2003,宾馆饭店,某宾馆,挂牌\r\n`;
    const table = await readSourceBuffer(Buffer.from(csv, 'utf8'), 'csv');
    expect(table.rows).toEqual([
      {
        row: 2,
        values: {
          notice_id: 'N01',
          region: '湖南省; 长沙市',
          notice_year: '2003',
          place_type: '宾馆饭店',
          unit: '某宾馆',
          outcome: '挂牌',
        },
      },
    ]);
  });

  it('rejects a CSV that is not UTF-8', async () => {
    // "宾馆" in GBK, as Excel saves a CSV on a Chinese Windows by default.
    const gbk = Buffer.concat([
      Buffer.from(`${HEADER}\r\nN01,Hunan,2003,,hotel,`),
      Buffer.from([0xb1, 0xf6, 0xb9, 0xdd]),
      Buffer.from(',listed\r\n'),
    ]);
    await expect(readSourceBuffer(gbk, 'csv')).rejects.toMatchObject({ problem: 'encoding' });
  });

  it('names the required columns a header lacks', async () => {
    const error: unknown = await readSourceBuffer(Buffer.from('notice_id,unit\r\nN01,A\r\n'), 'csv').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SourceFileError);
    expect((error as SourceFileError).text.en).toMatch(/required columns are missing: place_type, outcome, region/);
  });

  it('rejects an empty file', async () => {
    await expect(readSourceBuffer(Buffer.alloc(0), 'csv')).rejects.toMatchObject({ problem: 'empty' });
  });

  it('reads a two-sheet XLSX the same way every time', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('ledger').addRow(HEADER.split(','));
    workbook
      .getWorksheet('ledger')
      ?.addRow(['N02', 'Jiangsu; Nanjing', 2007, '2007-06-07', 'hotel', 'Hotel A', 'listed']);
    workbook.addWorksheet('notes').addRow(['ignored']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

    const units: string[] = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      const table = await readSourceBuffer(buffer, 'xlsx');
      units.push(table.rows[0]?.values.unit ?? '');
    }

    expect(units).toEqual(Array.from({ length: 20 }, () => 'Hotel A'));
  });

  it('reads the first worksheet of an XLSX, with date cells and month-only dates', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('ledger');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([
      'N33',
      'Guangdong; Zhuhai',
      2022,
      new Date(Date.UTC(2021, 4, 1)),
      'factory',
      { richText: [{ text: 'Packaging ' }, { text: 'factory A' }] },
      'listed',
    ]);
    sheet.getCell('D2').numFmt = 'yyyy-mm';
    sheet.addRow(['N02', 'Jiangsu; Nanjing', 2007, new Date(Date.UTC(2007, 5, 7)), 'hotel', 'Hotel A', 'listed']);
    sheet.getCell('D3').numFmt = 'yyyy-mm-dd';
    workbook.addWorksheet('notes').addRow(['ignored']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

    const table = await readSourceBuffer(buffer, 'xlsx');

    expect(table.rows.map((r) => r.values)).toEqual([
      {
        notice_id: 'N33',
        region: 'Guangdong; Zhuhai',
        notice_year: '2022',
        listed_on: '2021-05',
        place_type: 'factory',
        unit: 'Packaging factory A',
        outcome: 'listed',
      },
      {
        notice_id: 'N02',
        region: 'Jiangsu; Nanjing',
        notice_year: '2007',
        listed_on: '2007-06-07',
        place_type: 'hotel',
        unit: 'Hotel A',
        outcome: 'listed',
      },
    ]);
  });
});
