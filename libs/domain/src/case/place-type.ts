/**
 * Place types (场所类型) a case can name. The GB 35181 place category a type falls in depends on the
 * edition, so that mapping lives with the determination rule sets, not here.
 */
export const PLACE_TYPES = [
  'hotel',
  'shopping_mall',
  'market',
  'restaurant',
  'entertainment_venue',
  'internet_cafe',
  'kindergarten',
  'school',
  'hospital',
  'elderly_care',
  'cultural_heritage_building',
  'museum',
  'religious_site',
  'transport_hub',
  'high_rise_residential',
  'high_rise_public_building',
  'office_building',
  'factory',
  'warehouse',
  'flammable_goods_site',
  'underground_space',
  'residential_area',
  'other',
] as const;

export type PlaceType = (typeof PLACE_TYPES)[number];

export const PLACE_TYPE_LABELS: Record<PlaceType, string> = {
  hotel: '宾馆饭店',
  shopping_mall: '商场',
  market: '集贸市场',
  restaurant: '餐饮场所',
  entertainment_venue: '公共娱乐场所',
  internet_cafe: '网吧',
  kindergarten: '幼儿园',
  school: '学校',
  hospital: '医院',
  elderly_care: '养老机构',
  cultural_heritage_building: '文物建筑',
  museum: '博物馆',
  religious_site: '宗教活动场所',
  transport_hub: '交通枢纽',
  high_rise_residential: '高层住宅',
  high_rise_public_building: '高层公共建筑',
  office_building: '办公楼',
  factory: '厂房',
  warehouse: '仓库',
  flammable_goods_site: '易燃易爆危险品场所',
  underground_space: '地下空间',
  residential_area: '居住区',
  other: '其他',
};
