import { negotiateLanguage } from './language';

describe('negotiateLanguage', () => {
  it.each([
    [undefined, 'zh'],
    ['', 'zh'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['en;q=0.5,zh;q=0.9', 'zh'],
    ['fr-FR', 'zh'],
    ['fr,en;q=0.3', 'en'],
    ['en;q=0', 'zh'],
  ])('picks %p as %s', (header, language) => {
    expect(negotiateLanguage(header)).toBe(language);
  });
});
