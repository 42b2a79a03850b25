import { levelNamedIn, parseOutcome, parsePlaceType } from './vocabulary';

describe('listing level named in a supervising body', () => {
  it.each([
    ['provincial government (inspection teams)', 'province'],
    ['Gulou district government', 'county'],
    ['Changsha county government', 'county'],
    ['Changsha city government', 'city'],
    ['Xiangxiang city (county-level) government', 'county'],
    ['provincial (3) or city (13) government; split not shown', 'city'],
    ['city or county/district government (split per attachment, not in stored copy)', 'county'],
    ['regional (provincial) government; city governments responsible', 'province'],
    ['State Council Work Safety Committee', 'national'],
    ['provincial-level list', 'province'],
    ['市人民政府', 'city'],
  ])('reads %s as %s', (text, level) => {
    expect(levelNamedIn(text)).toBe(level);
  });

  it.each(['government (level not stated)', 'development-zone management committee'])('finds none in %s', (text) => {
    expect(levelNamedIn(text)).toBeUndefined();
  });
});

describe('place types', () => {
  it('maps the public data set terms and flags areas', () => {
    expect(parsePlaceType('bathhouse/spa')).toEqual({ type: 'entertainment_venue', area: false });
    expect(parsePlaceType('high-risk area')).toEqual({ type: 'other', area: true });
    expect(parsePlaceType('industrial park')).toEqual({ type: 'factory', area: true });
    expect(parsePlaceType('KTV')).toEqual({ type: 'entertainment_venue', area: false });
  });

  it('accepts Duban codes and Chinese labels', () => {
    expect(parsePlaceType('elderly_care')).toEqual({ type: 'elderly_care', area: false });
    expect(parsePlaceType('宾馆饭店')).toEqual({ type: 'hotel', area: false });
    expect(parsePlaceType('网吧')).toEqual({ type: 'internet_cafe', area: false });
  });

  it('rejects an unknown place type', () => {
    expect(parsePlaceType('spaceport')).toBeUndefined();
  });
});

describe('outcomes', () => {
  it('reads English and Chinese outcomes', () => {
    expect(parseOutcome('listed')).toBe('listed');
    expect(parseOutcome('已摘牌')).toBe('closed');
    expect(parseOutcome('Exposed')).toBe('exposed');
    expect(parseOutcome('pending')).toBeUndefined();
  });
});
