import type { PlaceType } from '../case/place-type';
import type { EditionId, LocalizedText } from './types';

/**
 * The place category each product place type falls in, per edition. Null means the place type
 * alone does not decide the category (a factory may be a crowded, a flammable-goods or another
 * place), so the client must send the category itself.
 */
export const PLACE_TYPE_CATEGORIES: Readonly<Record<EditionId, Readonly<Record<PlaceType, string | null>>>> = {
  'GA 653-2006': {
    hotel: 'crowded_place',
    shopping_mall: 'crowded_place',
    market: 'crowded_place',
    restaurant: 'crowded_place',
    entertainment_venue: 'crowded_place',
    internet_cafe: 'crowded_place',
    kindergarten: 'crowded_place',
    school: 'crowded_place',
    hospital: 'crowded_place',
    elderly_care: 'crowded_place',
    cultural_heritage_building: null,
    museum: 'crowded_place',
    religious_site: 'crowded_place',
    transport_hub: 'crowded_place',
    high_rise_residential: 'other_place',
    high_rise_public_building: null,
    office_building: 'other_place',
    factory: null,
    warehouse: null,
    flammable_goods_site: 'flammable_goods_place',
    underground_space: null,
    residential_area: 'other_place',
    other: null,
  },
  'GB 35181-2017': {
    hotel: 'crowded_place',
    shopping_mall: 'crowded_place',
    market: 'crowded_place',
    restaurant: 'crowded_place',
    entertainment_venue: 'crowded_place',
    internet_cafe: 'crowded_place',
    kindergarten: 'crowded_place',
    school: 'crowded_place',
    hospital: 'crowded_place',
    elderly_care: 'crowded_place',
    cultural_heritage_building: null,
    museum: 'crowded_place',
    religious_site: 'crowded_place',
    transport_hub: 'crowded_place',
    high_rise_residential: 'other_place',
    high_rise_public_building: null,
    office_building: 'other_place',
    factory: null,
    warehouse: null,
    flammable_goods_site: 'flammable_goods_place',
    underground_space: null,
    residential_area: 'other_place',
    other: null,
  },
  'GB 35181-2025': {
    hotel: 'hotel',
    shopping_mall: 'shopping_mall_or_market',
    market: 'shopping_mall_or_market',
    restaurant: 'other_place',
    entertainment_venue: 'public_entertainment_place',
    internet_cafe: 'public_entertainment_place',
    kindergarten: 'children_activity_place',
    school: null,
    hospital: 'hospital_building',
    elderly_care: 'elderly_care_facility',
    cultural_heritage_building: null,
    museum: 'other_place',
    religious_site: 'other_place',
    transport_hub: 'other_place',
    high_rise_residential: 'other_place',
    high_rise_public_building: null,
    office_building: 'other_place',
    factory: null,
    warehouse: null,
    flammable_goods_site: 'flammable_goods_place',
    underground_space: null,
    residential_area: 'other_place',
    other: null,
  },
};

/** Reason a category derived from a place type is not confirmed, carried by every proposal that uses one. */
export const PLACE_TYPE_MAPPING_NOTE: Readonly<Record<EditionId, LocalizedText>> = {
  'GA 653-2006': {
    zh: '由场所类型推定类别：GA 653-2006 的场所定义未核实，推定依据人员密集场所的通常定义（含公众聚集场所、医院、学校、养老机构、幼儿园、宗教活动场所等）',
    en: 'Category derived from the place type: the GA 653-2006 definitions are not confirmed, so the usual definition of a crowded place (public gathering places, hospitals, schools, elderly homes, kindergartens, religious sites and similar) is used',
  },
  'GB 35181-2017': {
    zh: '由场所类型推定类别：GB 35181-2017 第 3 章的定义未核实，推定依据人员密集场所的通常定义（含公众聚集场所、医院、学校、养老机构、幼儿园、宗教活动场所等）',
    en: 'Category derived from the place type: the chapter 3 definitions of GB 35181-2017 are not confirmed, so the usual definition of a crowded place (public gathering places, hospitals, schools, elderly homes, kindergartens, religious sites and similar) is used',
  },
  'GB 35181-2025': {
    zh: '由场所类型推定类别：GB 35181-2025 新增术语（儿童活动场所、老年人照料设施、劳动密集型企业等）的定义未取得',
    en: "Category derived from the place type: the definitions of the terms GB 35181-2025 adds (children's activity place, care facility for the elderly, labour-intensive enterprise and others) are not available",
  },
};
