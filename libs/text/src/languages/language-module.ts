import type { EventCategory, QuantityCategory, QuantityQualifier } from '../quantities/quantity-category';

/**
 * What a language gives the text layer: the words and phrases news text in
 * that language is read with. A module is plain data written as spelled;
 * each consumer folds it the way it folds the text it matches (FoldedText
 * for dates and numbers, normalizeForMatching for chrome lines), so adding a
 * language never means touching an extractor.
 *
 * Pieces a language does not have stay empty; what only some languages have
 * (a normaliser, clitics) is optional.
 */
export interface LanguageModule {
  /** ISO 639-1, as the language identifier answers. */
  readonly code: string;
  /**
   * Read in every text whatever its language (Arabic pages embed English
   * posts and tweets, so both are); otherwise only in texts identified as
   * this language, so that its words ("un", "cent", "sept") never become
   * numbers or months in another language's text.
   */
  readonly readInEveryText: boolean;
  readonly calendar: CalendarWords;
  /** Number words with the role each plays when words combine (see NumberWord). */
  readonly numberWords: ReadonlyArray<readonly [readonly string[], NumberWord]>;
  readonly chrome: ChromeWords;
  /** Words that tell what a number counts and how firmly (see QuantityWords). */
  readonly quantities: QuantityWords;
  /** Words that tie a quote to its speaker (see QuoteWords). */
  readonly quotes: QuoteWords;
  /** Titles and role words that introduce a person's name, and the words that link or end a name. */
  readonly people: PeopleWords;
  /** Thousands are grouped with a space ("2 500"), as French writes them; read only in the language's own texts. */
  readonly groupsDigitsWithSpaces?: boolean;
  /** Folds spelling variants for matching, where the language needs more than lower-casing. */
  readonly normalize?: (text: string) => string;
  /** Words written joined to their neighbour (see CliticWords), where the language has them. */
  readonly clitics?: CliticWords;
  /** Words around names that the trained entity tagger reads as features (see NameCueWords), for a language it is trained for. */
  readonly nameCues?: NameCueWords;
}

/**
 * Common words that announce or surround a name, as spelled: the entity
 * tagger's cue classes (`role`, `speech`, `org-cue`, `place-cue`,
 * `name-link`, `given`). Its model was trained with them, so changing a list
 * means retraining (`npm run ner:train`).
 */
export interface NameCueWords {
  /** Titles and roles before a person ("وزير", "المتحدث"). */
  readonly roles: readonly string[];
  /** Verbs of saying and meeting around a speaker ("قال", "التقى"). */
  readonly speech: readonly string[];
  /** Heads of organisation names ("وزارة", "حزب"). */
  readonly organizations: readonly string[];
  /** Words before or around a place ("مدينة", "شمال"). */
  readonly places: readonly string[];
  /** Words that link the parts of a name ("عبد", "بن", "آل"). */
  readonly nameLinks: readonly string[];
  /** Common given names. */
  readonly givenNames: readonly string[];
}

/**
 * Clitics, in normalised form: the proclitics written before a word, in the
 * order they stack (a conjunction, then a preposition, then the article),
 * and the pronoun suffixes written after it.
 */
export interface CliticWords {
  readonly conjunctions: readonly string[];
  readonly prepositions: readonly string[];
  readonly article: string;
  /** How a preposition and the article are written together, where it is not simply joined (Arabic ل + ال is لل). */
  readonly articleAfter: Readonly<Record<string, string>>;
  readonly enclitics: readonly string[];
  /**
   * Prepositions read off a word only before the article or one of the words
   * listed: Arabic ك ("like") is written on definite nouns and on ما
   * ("كالعادة", "كما"); before anything else the letter is far more often the
   * first of a word or a name ("كيري", "كاميرون").
   */
  readonly boundPrepositions?: Readonly<Record<string, readonly string[]>>;
}


export type MonthCalendar = 'gregorian' | 'hijri';

export interface CalendarWords {
  /** Month names per calendar: [month 1–12, forms as written]. */
  readonly months: Readonly<Partial<Record<MonthCalendar, ReadonlyArray<readonly [number, readonly string[]]>>>>;
  /** [weekday 0 = Sunday … 6, forms as written]. */
  readonly weekdays: ReadonlyArray<readonly [number, readonly string[]]>;
  /** Forms written for the first day of a month in place of the digit 1 ("1er"). */
  readonly firstDay?: readonly string[];
  /** Ordinal day words written before "of <month>" ("السادس من يناير"): [day 1–31, forms as written]. */
  readonly ordinalDays?: ReadonlyArray<readonly [number, readonly string[]]>;
}

/**
 * Roles, and why they differ:
 * - `unit` / `ten`: added to the running value ("خمسة وعشرون" is 5 + 20).
 * - `teen-ten`: عشر/عشرة is 10 alone and +10 after a unit ("خمسة عشر" is 15).
 * - `hundred`: multiplies what came before, or 1 ("ثلاث مئة", "مئة").
 * - `value`: a fused word with its own value ("ثلاثمئة", "مئتين", "ألفين").
 * - `scale`: multiplies the group before it and closes it ("ثلاثة آلاف").
 * - `plural-scale`: آلاف, ملايين: a multiplier after a count ("خمسة آلاف"),
 *   but alone a vague count ("آلاف المتظاهرين" = thousands).
 * - `vague`: عشرات, مئات, dozens: an approximate count whose value is the
 *   smallest it can mean.
 * - `several`: بضع, عدة, several, a few: only a modifier of a vague plural
 *   ("عدة مئات" = several hundred); alone it counts nothing we can state.
 * - `half`: "مليون ونصف" = 1.5 million.
 */
export type NumberWordRole = 'unit' | 'ten' | 'teen-ten' | 'hundred' | 'value' | 'scale' | 'plural-scale' | 'vague' | 'several' | 'half';

export type VagueCount = 'tens' | 'dozens' | 'hundreds' | 'thousands' | 'millions' | 'billions';

export interface NumberWord {
  role: NumberWordRole;
  value: number;
  /** For vague and plural-scale words: what the vague count is of. */
  vague?: VagueCount;
  /** أحد, إحدى: "one" only in 11 ("أحد عشر"); alone they mean "one of" or Sunday. */
  teenOnly?: boolean;
}

/**
 * Page furniture (chrome) in this language, as phrases. A line is chrome of
 * a kind when its matching key is one of the `…Lines` phrases (optionally
 * followed by spaces, colons or dots), starts with one of the `…Openers`,
 * or contains one of the `…Anywhere` phrases.
 */
export interface ChromeWords {
  /** "يتبع", "read more": the article goes on elsewhere or ends here. */
  readonly continuationLines: readonly string[];
  /** "انسخ الرابط", "share on": a share box opens. */
  readonly shareOpeners: readonly string[];
  /** "شارك", "print": a share button alone. */
  readonly shareLines: readonly string[];
  /** Button labels a row of share buttons is made of ("Facebook Twitter WhatsApp"). */
  readonly shareButtons: readonly string[];
  /** "اقرأ أيضا", "related": a related-links heading, alone or before one linked headline. */
  readonly relatedHeadings: readonly string[];
  /** "Abonnez-vous", "Newsletter": a subscription box's heading or button alone. */
  readonly promoLines: readonly string[];
  readonly copyrightOpeners: readonly string[];
  readonly copyrightAnywhere: readonly string[];
  /**
   * Words of a date line ("نشر في 5 يناير 2024", "Updated 3 hours ago"):
   * anchors (month and weekday names) make a line of numbers a date; fillers
   * are allowed around them; relative-time words ("منذ", "ago") anchor too.
   */
  readonly dateLineAnchors: readonly string[];
  /** "Publié le", "Mis à jour le": a short line opening with one is the page's date line, whatever follows ("à 10h30"). */
  readonly dateLineOpeners: readonly string[];
  readonly dateLineFillers: readonly string[];
  readonly relativeTimeWords: readonly string[];
  /** Chrome read by rules with a shape of their own (see ChromePatterns); languages read in every text give them. */
  readonly patterns?: ChromePatterns;
}

/**
 * The language's part of the chrome rules that are more than a phrase
 * list, as regular-expression sources in natural spelling (the classifier
 * folds the Arabic letters of those matched against a line's key, as it
 * folds the line). Each rule joins every every-text language's fragments.
 */
export interface ChromePatterns {
  /** Slider and pager links glued before a line ("التالي", "next"); matched on the text, any case. */
  readonly pagerLinks?: readonly string[];
  /** An app or channel promo: a verb ("تابعونا", "download") … a target ("تطبيق", "telegram"), in any language's words. */
  readonly appPromoVerbs?: readonly string[];
  readonly appPromoTargets?: readonly string[];
  /** Cookie notices, matched anywhere in the text as written (not folded), any case. */
  readonly cookieNotices?: readonly string[];
  /** A consent button alone ("موافق", "accept all"). */
  readonly consentButtons?: readonly string[];
  /** Image captions and credits: whole anchored alternatives ("صورة أرشيفية", "^photo:"). */
  readonly imageCaptions?: readonly string[];
  /** Source lines: whole anchored alternatives ("المصدر: …", "via: …"). */
  readonly sourceLines?: readonly string[];
  /** Wire agencies standing alone as a source line ("(واس)", "reuters"). */
  readonly sourceAgencies?: readonly string[];
  /** Masthead roles ("رئيس التحرير", "editor-in-chief"), alone or with a name after them. */
  readonly mastheadRoles?: readonly string[];
  /** Byline leads before a colon ("كتب:", "reporting by:"). */
  readonly bylineLeads?: readonly string[];
  /** Contact footers ("للتواصل", "contact the author"). */
  readonly contactLines?: readonly string[];
  /** Labels before an e-mail address or handle alone ("تويتر:", "email"); matched on the text, any case. */
  readonly handleLabels?: readonly string[];
  /** Comment-box headings ("أضف تعليق", "leave a comment"). */
  readonly commentHeadings?: readonly string[];
  /** Wire credits a body may open with, run into its first word ("وكالات", "واس"); matched on the text. */
  readonly wireCreditStarts?: readonly string[];
  /** Agencies in a wire dateline's brackets ("LONDON (Reuters) -", "الرياض (واس) -"); matched on the text, case as written. */
  readonly datelineAgencies?: readonly string[];
}

/**
 * The words the quantity extractor reads a count with, as spelled. Phrases
 * are matched on the first word with proclitics ("وأكثر من") and, for
 * counted nouns, the article ("المتظاهرين").
 */
export interface QuantityWords {
  /**
   * Counted nouns: [category, personLike, forms]. `personLike` nouns
   * (people, troops, protesters) say who was counted but not what happened
   * to them, so an event cue nearby decides the category; the others decide
   * it themselves ("50 مركبة" are vehicles whatever the verb).
   */
  readonly countedNouns: ReadonlyArray<readonly [QuantityCategory, boolean, readonly string[]]>;
  /** Duals, which count two by themselves ("خلال يومين" is two days); same shape as countedNouns. */
  readonly dualNouns: ReadonlyArray<readonly [QuantityCategory, boolean, readonly string[]]>;
  /** Verbs and nouns that say what happened to the people counted ("أصيبوا", "killed"). */
  readonly eventCues: ReadonlyArray<readonly [EventCategory, readonly string[]]>;
  /** Words that make troops peacekeepers. */
  readonly peacekeepingCues: readonly string[];
  /** "عدد X ... N", "number of": a number whose counted noun comes before it. */
  readonly countOfCues: readonly string[];
  /** Before the number: "أكثر من", "about". */
  readonly qualifiersBefore: ReadonlyArray<readonly [QuantityQualifier, readonly string[]]>;
  /** After the number and its noun: "على الأقل", "or more". */
  readonly qualifiersAfter: ReadonlyArray<readonly [QuantityQualifier, readonly string[]]>;
  /** A negation before a more-than qualifier makes it a bound: "لن تستغرق أكثر من 10 أيام" is at most ten days. */
  readonly negations: readonly string[];
  /** Words before a number that make it a label, not a count: "رقم 58", "page 5". */
  readonly labelWords: readonly string[];
  /** After a number: a clock time ("5 مساء", "5 pm") rather than a count. */
  readonly timeOfDay: readonly string[];
  /** After a number: a percentage ("في المئة", "percent"); the sign % needs no language. */
  readonly percentWords: readonly string[];
  /** Between the number and its counted noun: "3 من الجنود", "dozens of protesters", "2 millions de dollars". */
  readonly partitives: readonly string[];
  /**
   * Words that can stand between a number and what follows without being
   * the counted noun (prepositions, pronouns, particles): after one the
   * category comes from context, not from the next word.
   */
  readonly functionWords: readonly string[];
}

/**
 * Reporting words and how they name a speaker:
 * - `verb`: the subject follows ("قال شويغو").
 * - `subject-verb`: the subject precedes ("Psaki said", "le ministre a
 *   déclaré"), or follows once the quote is given ('"...", said Smith').
 * - `continuing-verb`: a `verb` that, naming nobody, goes on with the
 *   previous speaker ("وتابع:").
 * - `participle`: "مضيفا", "قائلا" carry on the subject of the verb before them.
 * - `quoting`: "قولها" after "عن X".
 * - `source`: "حسب بيان X", "according to X", "selon X".
 */
export type QuoteCueKind = 'verb' | 'continuing-verb' | 'participle' | 'quoting' | 'source' | 'subject-verb';

/** The words the quote extractor finds a speaker with, as spelled. */
export interface QuoteWords {
  readonly cues: ReadonlyArray<readonly [QuoteCueKind, readonly string[]]>;
  /** Words after a reporting verb that end its subject: complementisers, prepositions, time words. */
  readonly subjectStops: readonly string[];
  /** A speaker that is only a pronoun names nobody. */
  readonly pronouns: readonly string[];
  /** Titles a speaker phrase may open with; the name after the comma is then the better speaker ("الرئيس الكازاخستاني، قاسم جومارت توكاييف"). */
  readonly titleWords: readonly string[];
  /** After a `source` cue, words naming the statement rather than its author ("حسب بيان X"). */
  readonly statementWords: readonly string[];
  /** Before a `subject-verb`, words that end the subject looking back ("that", "and", "qui"). */
  readonly clauseWordsBeforeVerb: readonly string[];
}

/**
 * How the person recognizer reads a name after a title depends on how the
 * language writes names:
 * - `arabic`: a one-word title, found behind proclitics ("والرئيس"), then
 *   the role's tail (definite words, role nouns, known entities), then two
 *   or three name words; no capitals mark a name, so stops and links decide
 *   where it ends.
 * - `latin`: a title phrase, then two or three capitalised words.
 */
export type PersonNameScript = 'arabic' | 'latin';

/**
 * What the recognizer does with a cue word:
 * - `title`: opens a role; the name follows it (and, in Arabic, its tail).
 * - `construct-title`: a title that is also a noun in construct ("رئيس
 *   الوزراء", "قائد الجيش"): directly before a word it is "head of <that
 *   word>", so it needs a tail before a name is read.
 * - `role-noun`: heads a genitive inside a role ("وزير خارجية روسيا",
 *   "المتحدث باسم ..."): part of the role's tail, never of a name.
 * Only Arabic names have a role tail; Latin-script languages take titles only.
 */
export type PersonCueUse = 'title' | 'construct-title' | 'role-noun';

export interface PeopleWords {
  readonly nameScript: PersonNameScript;
  /**
   * Cue words as written, with their use. An Arabic cue is one word; a
   * Latin one may be a phrase ("foreign minister"), tried in the order
   * given.
   */
  readonly cues: ReadonlyArray<readonly [readonly string[], PersonCueUse]>;
  /**
   * Words inside a name that need the next word ("عبد الله", "محمد بن
   * سلمان"): each lengthens the name by one. Read with Arabic names only:
   * a Latin name is a run of capitalised words, and lower-case particles
   * ("de", "van") would need a change to that reader.
   */
  readonly nameLinks: readonly string[];
  /** Words that end a name: particles, days, and the verbs that follow a speaker. */
  readonly stops: readonly string[];
  /** Last words too common to stand alone for the person later in the article ("الله", "Jr"). */
  readonly commonSurnames: readonly string[];
}
