import type { Quantity, QuantityCategory } from './quantity.types';
import { foldWord } from '../numbers/folded-text';
import { PhraseMatcher } from '../numbers/phrase-matcher';

/**
 * The words that tell what a number counts and how firmly, Arabic and
 * English, written as spelled (the matchers fold them). Kept apart from the
 * extractor so the rules read as rules and the vocabulary can grow alone.
 */

/**
 * A counted noun. `personLike` nouns (people, troops, protesters) say who
 * was counted but not what happened to them, so an event cue nearby
 * ("أصيبوا", "نقلوا إلى المستشفى") decides the category; other nouns decide
 * it themselves ("50 مركبة" are vehicles whatever the verb).
 */
export interface CountedNoun {
  category: QuantityCategory;
  personLike: boolean;
}

const NOUNS: Array<[QuantityCategory, boolean, string[]]> = [
  [
    'troops',
    true,
    [
      'جندي', 'جنديا', 'جنود', 'عسكري', 'عسكريا', 'عسكريين', 'عسكريون', 'مقاتل', 'مقاتلا', 'مقاتلين', 'مقاتلون', 'ضابط',
      'ضابطا', 'ضباط', 'مجند', 'مجندا', 'مجندين', 'مظلي', 'مظليا', 'مظليين', 'قوات', 'troops', 'soldiers', 'servicemen',
      'personnel', 'paratroopers', 'marines', 'fighters',
    ],
  ],
  ['peacekeepers', false, ['peacekeepers']],
  [
    'killed',
    false,
    [
      'قتيل', 'قتيلا', 'قتلى', 'شهيد', 'شهيدا', 'شهداء', 'جثة', 'جثث', 'وفاة', 'وفيات', 'حالة وفاة', 'حالات وفاة', 'dead',
      'deaths', 'fatalities', 'bodies', 'killed',
    ],
  ],
  [
    'injured',
    false,
    ['جريح', 'جريحا', 'جرحى', 'مصاب', 'مصابا', 'مصابين', 'مصابون', 'إصابة', 'إصابات', 'injured', 'wounded', 'injuries'],
  ],
  ['arrested', false, ['معتقل', 'معتقلا', 'معتقلين', 'موقوف', 'موقوفا', 'موقوفين', 'محتجز', 'محتجزا', 'محتجزين', 'arrests', 'detainees', 'arrested']],
  ['displaced', false, ['نازح', 'نازحا', 'نازحين', 'لاجئ', 'لاجئا', 'لاجئين', 'مهجر', 'مهجرا', 'مهجرين', 'مشرد', 'مشردين', 'refugees', 'displaced']],
  ['protesters', true, ['متظاهر', 'متظاهرا', 'متظاهرين', 'متظاهرون', 'محتج', 'محتجا', 'محتجين', 'محتجون', 'protesters', 'demonstrators']],
  [
    'vehicles',
    false,
    [
      'مركبة', 'مركبات', 'آلية', 'آليات', 'دبابة', 'دبابات', 'شاحنة', 'شاحنات', 'سيارة', 'سيارات', 'مدرعة', 'مدرعات', 'عربة',
      'عربات', 'ناقلة', 'ناقلات', 'حافلة', 'حافلات', 'جرافة', 'جرافات', 'vehicles', 'tanks', 'trucks', 'cars', 'buses',
    ],
  ],
  [
    'aircraft',
    false,
    ['طائرة', 'طائرات', 'مقاتلة', 'مقاتلات', 'مروحية', 'مروحيات', 'قاذفة', 'قاذفات', 'aircraft', 'planes', 'jets', 'helicopters', 'drones', 'warplanes'],
  ],
  ['days', false, ['يوم', 'يوما', 'أيام', 'days', 'day']],
  ['hours', false, ['ساعة', 'ساعات', 'hours', 'hour']],
  ['weeks', false, ['أسبوع', 'أسبوعا', 'أسابيع', 'weeks', 'week']],
  ['months', false, ['شهر', 'شهرا', 'أشهر', 'شهور', 'months', 'month']],
  ['years', false, ['سنة', 'سنوات', 'سنين', 'عام', 'عاما', 'أعوام', 'years', 'year']],
  [
    'people',
    true,
    [
      'شخص', 'شخصا', 'أشخاص', 'مواطن', 'مواطنا', 'مواطنين', 'مواطنون', 'مدني', 'مدنيا', 'مدنيين', 'مدنيون', 'نسمة', 'فرد',
      'فردا', 'أفراد', 'رجل', 'رجلا', 'رجال', 'امرأة', 'نساء', 'طفل', 'طفلا', 'أطفال', 'مقيم', 'مقيما', 'مقيمين', 'عامل',
      'عاملا', 'عمال', 'حاج', 'حاجا', 'حجاج', 'معتمر', 'معتمرا', 'معتمرين', 'طالب', 'طالبا', 'طلاب', 'طالبة', 'طالبات',
      'سائح', 'سائحا', 'سياح', 'شاب', 'شابا', 'شبان', 'مسافر', 'مسافرا', 'مسافرين', 'زائر', 'زائرا', 'زوار', 'مريض',
      'مريضا', 'مرضى', 'مستفيد', 'مستفيدا', 'مستفيدين', 'متهم', 'متهما', 'متهمين', 'مشتبه', 'مطلوب', 'مطلوبا', 'مطلوبين',
      'مسلح', 'مسلحا', 'مسلحين', 'إرهابي', 'إرهابيا', 'إرهابيين', 'مهاجر', 'مهاجرا', 'مهاجرين', 'موظف', 'موظفا', 'موظفين',
      'people', 'persons', 'civilians', 'residents', 'children', 'women', 'men', 'migrants', 'passengers', 'workers',
    ],
  ],
  [
    'money',
    false,
    [
      'دولار', 'دولارا', 'دولارات', 'ريال', 'ريالا', 'ريالات', 'يورو', 'جنيه', 'جنيها', 'جنيهات', 'درهم', 'درهما', 'دراهم',
      'دينار', 'دينارا', 'دنانير', 'ليرة', 'ليرات', 'روبل', 'روبلا', 'يوان', 'dollars', 'dollar', 'euros', 'euro',
      'pounds', 'riyals', 'rubles', 'yuan',
    ],
  ],
  [
    // Units and things counted that no category names: they keep event verbs from claiming the number ("ضبط 5000 حبة").
    'other',
    false,
    [
      'كيلو', 'كيلوغرام', 'كيلوجرام', 'كغم', 'كجم', 'غرام', 'جرام', 'طن', 'أطنان', 'لتر', 'لترا', 'لترات', 'متر', 'مترا',
      'أمتار', 'كيلومتر', 'كيلومترا', 'كم', 'ميل', 'ميلا', 'برميل', 'براميل', 'حبة', 'قرص', 'أقراص', 'كرتون', 'كيس',
      'أكياس', 'قطعة', 'قطع', 'رأس', 'ميجاوات', 'مشروع', 'مشروعا', 'مشاريع', 'مدرسة', 'مدارس', 'منزل', 'منزلا', 'منازل',
      'وحدة', 'وحدات', 'دولة', 'دول', 'مدينة', 'مدن', 'قرية', 'قرى', 'رحلة', 'رحلات', 'مباراة', 'مباريات', 'هدف', 'أهداف',
      'نقطة', 'نقاط', 'صاروخ', 'صواريخ', 'قذيفة', 'قذائف', 'مستشفى', 'مستشفيات', 'مسجد', 'مساجد', 'درجة', 'درجات', 'دقيقة',
      'دقائق', 'ثانية', 'ثوان', 'مرة', 'مرات', 'حالة', 'حالات', 'كلمة', 'صفحة', 'صفحات', 'سرير', 'أسرة', 'عملية', 'عمليات',
      'times', 'minutes', 'miles', 'kilometres', 'kilometers', 'tons', 'tonnes', 'barrels', 'missiles', 'rockets', 'cases',
    ],
  ],
];

/** Counted nouns, also with the article ("عشرات المتظاهرين", "آلاف المواطنين"). */
export const COUNTED_NOUNS = new PhraseMatcher<CountedNoun>(
  NOUNS.flatMap(([category, personLike, words]) => words.map((w) => [w, { category, personLike }] as const)),
  { article: true },
);

/** Duals count two by themselves: "خلال يومين" is two days. */
export const DUAL_NOUNS = new PhraseMatcher<CountedNoun>(
  (
    [
      ['days', false, ['يومين', 'يومان']],
      ['hours', false, ['ساعتين', 'ساعتان']],
      ['weeks', false, ['أسبوعين', 'أسبوعان']],
      ['months', false, ['شهرين', 'شهران']],
      ['years', false, ['عامين', 'عامان', 'سنتين', 'سنتان']],
      ['people', true, ['شخصين', 'شخصان', 'طفلين', 'طفلان']],
      ['troops', true, ['جنديين', 'جنديان']],
      ['killed', false, ['قتيلين', 'قتيلان']],
      ['injured', false, ['جريحين', 'جريحان']],
      ['vehicles', false, ['مركبتين', 'دبابتين', 'شاحنتين', 'سيارتين']],
      ['aircraft', false, ['طائرتين', 'طائرتان', 'مروحيتين']],
    ] as Array<[QuantityCategory, boolean, string[]]>
  ).flatMap(([category, personLike, words]) => words.map((w) => [w, { category, personLike }] as const)),
  { article: true },
);

export type EventCategory = Extract<QuantityCategory, 'killed' | 'injured' | 'hospitalized' | 'intensive-care' | 'arrested' | 'displaced'>;

/** Verbs and nouns that say what happened to the people counted. */
export const EVENT_CUES = new PhraseMatcher<EventCategory>([
  ...(
    [
      ['intensive-care', ['العناية المركزة', 'العناية الفائقة', 'العناية المشددة', 'intensive care', 'icu']],
      ['hospitalized', ['المستشفى', 'المستشفيات', 'مستشفى', 'مستشفيات', 'hospital', 'hospitals', 'hospitalized', 'hospitalised']],
      [
        'killed',
        [
          'قتل', 'قتلوا', 'قتلت', 'مقتل', 'قتيل', 'قتلى', 'لقي حتفه', 'لقوا حتفهم', 'لقي مصرعه', 'لقوا مصرعهم', 'مصرع', 'حتفهم',
          'استشهد', 'استشهدوا', 'استشهاد', 'توفي', 'توفوا', 'killed', 'died', 'dead', 'death toll',
        ],
      ],
      [
        'injured',
        ['أصيب', 'أصيبوا', 'أصيبت', 'إصابة', 'إصابات', 'جرح', 'جرحوا', 'بجروح', 'جروح', 'مصاب', 'مصابين', 'جرحى', 'wounded', 'injured', 'hurt'],
      ],
      ['arrested', ['اعتقال', 'اعتقل', 'اعتقلت', 'اعتقلوا', 'القبض', 'توقيف', 'أوقف', 'أوقفت', 'احتجاز', 'احتجز', 'arrested', 'detained']],
      ['displaced', ['نزوح', 'نزح', 'نزحوا', 'فروا', 'تهجير', 'displaced', 'fled']],
    ] as Array<[EventCategory, string[]]>
  ).flatMap(([category, words]) => words.map((w) => [w, category] as const)),
]);

/** Words that make troops peacekeepers. */
export const PEACEKEEPING_CUES = new PhraseMatcher<true>(
  ['حفظ السلام', 'حفظ سلام', 'لحفظ السلام', 'peacekeeping', 'peacekeepers', 'peacekeeper'].map((w) => [w, true] as const),
);

/** "عدد X ... N", "حصيلة X ... N": a number whose counted noun comes before it. */
export const COUNT_OF_CUES = new PhraseMatcher<true>(['عدد', 'إجمالي', 'حصيلة', 'مجموع', 'number of', 'total', 'toll'].map((w) => [w, true] as const));

type Qualifier = NonNullable<Quantity['qualifier']>;

export const QUALIFIERS_BEFORE = new PhraseMatcher<Qualifier>([
  ...(
    [
      [
        'about',
        [
          'حوالي', 'حوالى', 'نحو', 'قرابة', 'زهاء', 'ما يقارب', 'يقارب', 'تقارب', 'ما يقرب من', 'يقرب من', 'ما يناهز', 'يناهز',
          'تقريبا', 'في حدود', 'about', 'around', 'nearly', 'approximately', 'roughly', 'almost', 'an estimated', 'some',
        ],
      ],
      [
        'more-than',
        [
          'أكثر من', 'ما يزيد عن', 'ما يزيد على', 'يزيد عن', 'يزيد على', 'تزيد عن', 'تزيد على', 'ما يربو على', 'يربو على',
          'أزيد من', 'ما يفوق', 'يفوق', 'more than', 'over', 'upwards of', 'in excess of',
        ],
      ],
      ['less-than', ['أقل من', 'ما يقل عن', 'less than', 'fewer than', 'under']],
      ['at-least', ['على الأقل', 'ما لا يقل عن', 'لا يقل عن', 'لا تقل عن', 'at least']],
      [
        'at-most',
        [
          'لا يتجاوز', 'لا تتجاوز', 'لا يزيد عن', 'لا يزيد على', 'لا تزيد عن', 'لا تزيد على', 'بحد أقصى', 'كحد أقصى',
          'at most', 'no more than', 'not more than', 'a maximum of',
        ],
      ],
      ['up-to', ['حتى', 'ما يصل إلى', 'يصل إلى', 'تصل إلى', 'up to']],
    ] as Array<[Qualifier, string[]]>
  ).flatMap(([qualifier, words]) => words.map((w) => [w, qualifier] as const)),
]);

export const QUALIFIERS_AFTER = new PhraseMatcher<Qualifier>(
  (
    [
      ['at-least', ['على الأقل', 'at least', 'or more']],
      ['about', ['تقريبا', 'approximately', 'or so']],
      ['at-most', ['كحد أقصى', 'بحد أقصى', 'at most']],
    ] as Array<[Qualifier, string[]]>
  ).flatMap(([qualifier, words]) => words.map((w) => [w, qualifier] as const)),
);

/** A negation before "أكثر من" turns it into a bound: "لن تستغرق أكثر من 10 أيام" is at most ten days. */
export const NEGATIONS = new PhraseMatcher<true>(['لن', 'لا', 'لم', 'ليس', 'ليست', 'not', 'no', 'never', "won't", 'cannot'].map((w) => [w, true] as const));

/** Words before a number that make it a label, not a count: "رقم 58", "المادة 5", "الدقيقة 90". */
export const LABEL_WORDS = new PhraseMatcher<true>(
  [
    'رقم', 'الرقم', 'المادة', 'مادة', 'البند', 'بند', 'الفقرة', 'فقرة', 'الحلقة', 'الجولة', 'العدد', 'الطبعة', 'الفصل',
    'الصفحة', 'صفحة', 'ص', 'المركز', 'المرتبة', 'الدقيقة', 'الشوط', 'الموسم', 'القرار', 'قرار', 'مرسوم', 'المرسوم', 'طريق',
    'الطريق', 'الخط', 'المستوى', 'الصف', 'الفئة', 'النسخة', 'الدورة', 'الهاتف', 'هاتف', 'جوال', 'الجوال', 'فاكس', 'الساعة',
    'no', 'number', 'page', 'article', 'chapter', 'section', 'round', 'minute', 'phone', 'tel', 'route', 'flight',
  ].map((w) => [w, true] as const),
  { article: false },
);

/** After a number: clock times ("5 مساء") rather than counts. */
export const TIME_OF_DAY = new PhraseMatcher<true>(
  ['صباحا', 'مساء', 'مساءا', 'ظهرا', 'عصرا', 'فجرا', 'ليلا', 'بتوقيت', 'am', 'pm', 'gmt', 'utc', "o'clock"].map((w) => [w, true] as const),
);

export const PERCENT_WORDS = new PhraseMatcher<true>(
  ['في المئة', 'في المائة', 'بالمئة', 'بالمائة', 'بالمية', 'percent', 'per cent', 'pct'].map((w) => [w, true] as const),
);

/** Currency signs written before the amount. */
export const CURRENCY_SIGNS = new Set(['$', '€', '£', '¥']);

/**
 * Words that can stand between a number and what follows without being the
 * counted noun: prepositions, pronouns, particles. After one of these the
 * count's category comes from context, not from the next word.
 */
export const FUNCTION_WORDS = new Set(
  [
    'في', 'من', 'الى', 'إلى', 'على', 'عن', 'مع', 'منهم', 'منها', 'بينهم', 'بينها', 'جراء', 'بسبب', 'نتيجة', 'خلال', 'قد',
    'لقد', 'كما', 'ثم', 'بعد', 'قبل', 'حتى', 'أي', 'ما', 'كل', 'هذه', 'هذا', 'تلك', 'ذلك', 'التي', 'الذي', 'الذين', 'وفق',
    'حسب', 'بحسب', 'نحو', 'عند', 'لدى', 'فقط', 'أخرى', 'آخرين', 'آخرون', 'اخرين', 'هم', 'هن', 'وهم', 'بين', 'لكن', 'أو', 'او',
    'in', 'of', 'on', 'at', 'were', 'was', 'have', 'had', 'are', 'who', 'and', 'from', 'to', 'for', 'with', 'after', 'by', 'as',
    'had', 'has', 'been', 'more', 'others', 'other', 'or', 'including',
  ].map(foldWord),
);
