import { arabicNisbaForms, englishDemonymForms } from './demonym-forms';

describe('arabicNisbaForms', () => {
  it('forms the regular adjective with its feminine and plurals', () => {
    expect(arabicNisbaForms('روسيا')).toEqual(['روسي', 'روسية', 'روسيون', 'روسيين']);
    expect(arabicNisbaForms('كندا')[0]).toBe('كندي');
    expect(arabicNisbaForms('لبنان')[0]).toBe('لبناني');
    expect(arabicNisbaForms('السعودية')[0]).toBe('سعودي');
    expect(arabicNisbaForms('سنغافورة')[0]).toBe('سنغافوري');
    expect(arabicNisbaForms('الهند')[0]).toBe('هندي');
  });

  it('forms nothing where the adjective is irregular or the name has several words', () => {
    expect(arabicNisbaForms('مالي')).toEqual([]);
    expect(arabicNisbaForms('بيرو')).toEqual([]);
    expect(arabicNisbaForms('كوريا الجنوبية')).toEqual([]);
    expect(arabicNisbaForms('عُمان')).toEqual([]);
  });
});

describe('englishDemonymForms', () => {
  it('splits listed alternatives and adds regular plurals', () => {
    expect(englishDemonymForms('Russian')).toEqual(['Russian', 'Russians']);
    expect(englishDemonymForms('Antiguan, Barbudan')).toEqual(['Antiguan', 'Antiguans', 'Barbudan', 'Barbudans']);
    expect(englishDemonymForms('Kittitian or Nevisian')).toEqual(['Kittitian', 'Kittitians', 'Nevisian', 'Nevisians']);
    expect(englishDemonymForms('Chinese')).toEqual(['Chinese']);
    expect(englishDemonymForms('Swiss')).toEqual(['Swiss']);
  });
});
