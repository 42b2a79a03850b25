/**
 * Columns of the import template. The English names are those of the public data set of listed
 * hazards. The Chinese names are what a ledger exported from a spreadsheet usually carries. Headers
 * match case-insensitively, and spaces count as underscores.
 */
export const COLUMNS = {
  case_number: { zh: '案件编号', aliases: ['case number'] },
  notice_id: { zh: '通知编号', aliases: ['notice', 'notice id'] },
  document_number: { zh: '文号', aliases: ['document number', '挂牌文号'] },
  issuer_level: { zh: '发文机关级别', aliases: ['issuer', 'issuer level'] },
  region: { zh: '地区', aliases: ['所在地区', '行政区域'] },
  jurisdiction_code: { zh: '行政区划代码', aliases: ['jurisdiction', 'jurisdiction code', '区划代码'] },
  notice_year: { zh: '通知年份', aliases: ['year', '年份'] },
  listed_on: { zh: '挂牌日期', aliases: ['listed on'] },
  deadline: { zh: '整改期限', aliases: ['rectification deadline', '整改时限'] },
  closed_on: { zh: '销案日期', aliases: ['closed on', '摘牌日期', '销号日期'] },
  place_type: { zh: '场所类型', aliases: ['place type'] },
  unit: { zh: '单位名称', aliases: ['unit name', '责任单位', '隐患单位'] },
  credit_code: { zh: '统一社会信用代码', aliases: ['credit code', '信用代码'] },
  address: { zh: '地址', aliases: ['场所地址', '单位地址'] },
  hazards: { zh: '主要隐患', aliases: ['hazard items', '隐患', '隐患内容'] },
  basis: { zh: '判定依据', aliases: ['determination basis'] },
  supervising_body: { zh: '督办单位', aliases: ['supervising body', '督办机关', '督改责任单位'] },
  listing_level: { zh: '挂牌级别', aliases: ['listing level'] },
  outcome: { zh: '状态', aliases: ['status', '督办状态'] },
  source: { zh: '来源', aliases: ['url', '来源网址'] },
} as const satisfies Record<string, { zh: string; aliases: readonly string[] }>;

export type ColumnKey = keyof typeof COLUMNS;

export const COLUMN_KEYS = Object.keys(COLUMNS) as ColumnKey[];

/** Columns every file must have; `region` may be replaced by `jurisdiction_code`. */
export const REQUIRED_COLUMNS: readonly ColumnKey[] = ['unit', 'place_type', 'outcome'];

const HEADER_INDEX: ReadonlyMap<string, ColumnKey> = new Map(
  COLUMN_KEYS.flatMap((key) => {
    const column = COLUMNS[key];
    return [key, column.zh, ...column.aliases].map((name) => [normaliseHeader(name), key] as const);
  }),
);

function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export interface HeaderMapping {
  /** Column key of each header position, or undefined for a column the template does not know. */
  readonly keys: readonly (ColumnKey | undefined)[];
  readonly ignored: readonly string[];
  /** Required columns the header lacks, and columns given twice. */
  readonly missing: readonly ColumnKey[];
  readonly duplicated: readonly ColumnKey[];
}

/** Maps a header row to template columns. */
export function mapHeader(headers: readonly string[]): HeaderMapping {
  const keys = headers.map((header) => HEADER_INDEX.get(normaliseHeader(header)));
  const present = keys.filter((key): key is ColumnKey => key !== undefined);
  const duplicated = [...new Set(present.filter((key, index) => present.indexOf(key) !== index))];
  const missing = REQUIRED_COLUMNS.filter((key) => !present.includes(key));
  if (!present.includes('region') && !present.includes('jurisdiction_code')) missing.push('region');
  if (!present.includes('notice_id') && !present.includes('document_number')) missing.push('notice_id');
  const ignored = headers.filter((header, index) => keys[index] === undefined && header.trim() !== '');
  return { keys, ignored, missing, duplicated };
}

/** One data row of a file: its row number (the header is row 1) and its values by column. */
export interface SourceRow {
  readonly row: number;
  readonly values: Readonly<Partial<Record<ColumnKey, string>>>;
}
