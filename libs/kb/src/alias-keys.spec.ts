import { ACRONYM_MARK, aliasKey, aliasKeys } from './alias-keys';

describe('aliasKeys', () => {
  it('folds an alias the way text is folded', () => {
    expect(aliasKeys('الولايات المتحدة الأمريكية')).toEqual(['الولايات', 'المتحده', 'الامريكيه']);
    expect(aliasKeys("Côte d'Ivoire")).toEqual(['cote', 'd', 'ivoire']);
  });

  it('marks acronyms so they match only in capitals', () => {
    expect(aliasKeys('US')).toEqual([`${ACRONYM_MARK}us`]);
    expect(aliasKeys('U.S.A.')).toEqual([`${ACRONYM_MARK}u`, `${ACRONYM_MARK}s`, `${ACRONYM_MARK}a`]);
    expect(aliasKeys('G-7')).toEqual([`${ACRONYM_MARK}g`, '7']);
    expect(aliasKeys('NATO')).toEqual([`${ACRONYM_MARK}nato`]);
  });

  it('treats capitals in longer words and mixed case as ordinary names', () => {
    expect(aliasKeys('INTERPOL')).toEqual(['interpol']);
    expect(aliasKeys('United Nations')).toEqual(['united', 'nations']);
  });

  it('gives one string per matching form', () => {
    expect(aliasKey('ألما أتا')).toBe(aliasKey('الما اتا'));
    expect(aliasKey('UN')).not.toBe(aliasKey('un'));
  });
});
