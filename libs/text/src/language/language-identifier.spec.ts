import { identifyLanguage } from './language-identifier';

describe(identifyLanguage.name, () => {
  it('answers Arabic for Arabic text, even with a stray Persian letter in an outlet name', () => {
    expect(identifyLanguage('أرسلت منظمة معاهدة الأمن الجماعي بقيادة روسيا، اليوم الخميس، قوات حفظ سلام إلى كازاخستان')).toBe('ar');
    expect(identifyLanguage('( أردو بوینت نتورك ۔ / سبوتنيك - 11 كانون الثاني 2022ء) أعلن وزير الدفاع الروسي، سيرغي شويغو')).toBe('ar');
    expect(identifyLanguage('طلائع قوات منظمة الأمن الجماعي بدأت تصل إلى #كازاخستان. pic.twitter.com/Ppxf2lZrLw')).toBe('ar');
  });

  it('tells Persian and Urdu from Arabic', () => {
    expect(identifyLanguage('این یک متن فارسی است که برای آزمایش نوشته شده است')).toBe('fa');
    expect(identifyLanguage('یہ ایک اردو جملہ ہے جو جانچ کے لیے لکھا گیا ہے')).toBe('ur');
  });

  it('identifies Latin-script and other-script languages', () => {
    expect(identifyLanguage('Russian peacekeepers depart for #Kazakhstan')).toBe('en');
    expect(identifyLanguage('The minister said on Tuesday that the talks would resume next week.')).toBe('en');
    expect(identifyLanguage('Le président a annoncé mardi une nouvelle réforme des retraites')).toBe('fr');
    expect(identifyLanguage('Der Bundeskanzler hat am Dienstag eine neue Reform angekündigt')).toBe('de');
    expect(identifyLanguage('Президент России заявил во вторник о новых мерах')).toBe('ru');
  });

  it('does not guess on text too short or with no letters', () => {
    expect(identifyLanguage('')).toBeNull();
    expect(identifyLanguage('12345 !!! 2022/01/06')).toBeNull();
    expect(identifyLanguage('كازاخستان')).toBeNull();
    expect(identifyLanguage('hello')).toBeNull();
    expect(identifyLanguage('— RT (@RT_com) January 6, 2022')).toBeNull();
    expect(identifyLanguage('https://t.co/8u9sqgdo0n @someone writer@example.com')).toBeNull();
  });
});
