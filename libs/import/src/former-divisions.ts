/**
 * County-level divisions that public notices name but that no longer exist, each with the division
 * that took it over. The division data package lists only current divisions. Renames that keep the
 * name and change only the suffix (邵东县 to 邵东市, 横山县 to 横山区) need no entry, because
 * matching falls back to the name without its suffix.
 */
export interface FormerDivision {
  readonly name: string;
  /** Four-digit code of the prefecture it belonged to. */
  readonly cityCode: string;
  readonly successorCode: string;
  readonly successorName: string;
  readonly changedIn: number;
}

export const FORMER_DIVISIONS: readonly FormerDivision[] = [
  { name: '白下区', cityCode: '3201', successorCode: '320104', successorName: '秦淮区', changedIn: 2013 },
  { name: '株洲县', cityCode: '4302', successorCode: '430212', successorName: '渌口区', changedIn: 2018 },
  { name: '芜湖县', cityCode: '3402', successorCode: '340210', successorName: '湾沚区', changedIn: 2020 },
];
