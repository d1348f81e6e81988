import { nameForms, slug } from './country-drafts';

describe('nameForms', () => {
  it('splits a one-word parenthesis off as a second name and drops descriptions', () => {
    expect(nameForms('ميانمار (بورما)')).toEqual(['ميانمار', 'بورما']);
    expect(nameForms('هونغ كونغ الصينية (منطقة إدارية خاصة)')).toEqual(['هونغ كونغ الصينية']);
    expect(nameForms('Cocos (Keeling) Islands')).toEqual(['Cocos Islands']);
  });

  it('skips catalogue forms and spells out ampersands', () => {
    expect(nameForms('Korea, Republic of')).toEqual([]);
    expect(nameForms('Bosnia & Herzegovina')).toEqual(['Bosnia and Herzegovina']);
    expect(nameForms(undefined)).toEqual([]);
  });
});

describe('slug', () => {
  it('makes ids from English names', () => {
    expect(slug('Washington D.C.')).toBe('washington-d-c');
    expect(slug('Malé')).toBe('male');
  });
});
