import { spellingKey } from './spelling-key';

describe('spellingKey', () => {
  it('gives the spellings of one transliterated place one key', () => {
    // The Turkish town of Suruç as five outlets of one week wrote it.
    const keys = ['سروج', 'سوروج', 'سوروتش', 'سروتش', 'سَروج'].map((n) => spellingKey('location', n));
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).not.toBeNull();
    expect(spellingKey('location', 'كيليس')).toBe(spellingKey('location', 'كلس'));
    expect(spellingKey('location', 'ديار بكر')).toBe(spellingKey('location', 'دياربكر'));
  });

  it('keeps other names apart', () => {
    expect(spellingKey('location', 'سروج')).not.toBe(spellingKey('location', 'كوباني'));
    expect(spellingKey('location', 'سروج')).not.toBe(spellingKey('organization', 'سروج'));
    // Two clubs whose consonants are alike.
    expect(spellingKey('organization', 'الأهلي')).not.toBe(spellingKey('organization', 'الهلال'));
    expect(spellingKey('organization', 'تشيلسي')).toBe(spellingKey('organization', 'تشلسي'));
    expect(spellingKey('organization', 'ملليت')).toBe(spellingKey('organization', 'ملييت'));
  });

  it('leaves persons, names in Latin script and short keys alone', () => {
    // Given names differing only in vowel letters are different people.
    expect(spellingKey('person', 'محمد')).toBeNull();
    expect(spellingKey('location', 'Jeddah')).toBeNull();
    expect(spellingKey('location', 'تل')).toBeNull();
  });
});
