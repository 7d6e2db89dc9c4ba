// Arabic labels for the ontology of spec/events.md, the canonical actor ids
// and the small vocabularies of the API. Unknown codes fall back to the code
// itself so that a newer server never shows an empty label.

export const TYPES = {
  battles: 'معارك',
  explosions_remote_violence: 'انفجارات وعنف عن بُعد',
  violence_against_civilians: 'عنف ضد المدنيين',
  strategic_developments: 'تطورات استراتيجية',
  protests: 'احتجاجات',
  riots: 'أعمال شغب',
};

// Marker and legend colours, one per event type.
export const TYPE_COLORS = {
  battles: '#c0392b',
  explosions_remote_violence: '#e67e22',
  violence_against_civilians: '#8e44ad',
  strategic_developments: '#2471a3',
  protests: '#239b56',
  riots: '#7e5109',
};
export const OTHER_COLOR = '#566573';

export const SUBTYPES = {
  armed_clash: 'اشتباك مسلح',
  government_regains_territory: 'استعادة القوات الحكومية لمنطقة',
  non_state_actor_overtakes_territory: 'سيطرة جهة غير حكومية على منطقة',
  air_drone_strike: 'غارة جوية أو بطائرة مسيّرة',
  shelling_artillery_missile_attack: 'قصف مدفعي أو صاروخي',
  remote_explosive_landmine_ied: 'عبوة ناسفة أو لغم',
  suicide_bomb: 'تفجير انتحاري',
  grenade: 'قنبلة يدوية',
  chemical_weapon: 'سلاح كيميائي',
  attack: 'اعتداء على مدنيين',
  abduction_forced_disappearance: 'خطف أو إخفاء قسري',
  sexual_violence: 'عنف جنسي',
  agreement: 'اتفاق',
  arrests: 'اعتقالات',
  change_to_group_activity: 'تغيّر في نشاط جماعة',
  disrupted_weapons_use: 'إحباط استخدام سلاح',
  headquarters_or_base_established: 'إنشاء مقر أو قاعدة',
  looting_property_destruction: 'نهب أو تدمير ممتلكات',
  non_violent_transfer_of_territory: 'انتقال السيطرة دون قتال',
  other: 'تطور آخر',
  peaceful_protest: 'احتجاج سلمي',
  protest_with_intervention: 'احتجاج مع تدخل',
  excessive_force_against_protesters: 'قوة مفرطة ضد المحتجين',
  violent_demonstration: 'تظاهرة عنيفة',
  mob_violence: 'عنف جماعي',
};

export const ACTORS = {
  syrian_government: 'الحكومة السورية',
  russia: 'روسيا',
  islamic_state: 'تنظيم الدولة الإسلامية',
  sdf: 'قوات سوريا الديمقراطية',
  coalition: 'التحالف الدولي',
  opposition: 'المعارضة المسلحة',
  hts: 'هيئة تحرير الشام',
  turkey: 'تركيا',
  iran: 'إيران',
  hezbollah: 'حزب الله',
  israel: 'إسرائيل',
  iraq: 'العراق',
  civilians: 'مدنيون',
  unknown: 'جهة غير محددة',
};

export const QUALIFIERS = {
  exact: '',
  at_least: 'على الأقل',
  more_than: 'أكثر من',
  about: 'نحو',
  range: 'بين',
};

export const GEO_PRECISION = {
  1: 'المكان نفسه',
  2: 'جزء منه أو بالقرب منه',
  3: 'المحافظة أو المنطقة فقط',
};

export const TIME_PRECISION = {
  1: 'اليوم',
  2: 'الأسبوع',
  3: 'الشهر',
};

export const MENTION_KINDS = {
  place: 'مكان',
  toponym: 'مكان',
  actor: 'طرف',
  date: 'تاريخ',
  number: 'عدد',
  casualty: 'ضحايا',
  attribution: 'مصدر منسوب إليه',
  source: 'مصدر منسوب إليه',
};

// Whose vocabulary a surface form belongs to (package actors' framings).
export const FRAMINGS = {
  neutral: 'تسمية محايدة',
  government: 'تسمية الإعلام الرسمي',
  opposition: 'تسمية المعارضة',
  is: 'تسمية تنظيم الدولة',
  sdf: 'تسمية قسد',
  turkish: 'تسمية الإعلام التركي',
  pejorative: 'تسمية ازدرائية',
};

function pick(table, code) {
  if (code === null || code === undefined || code === '') return '';
  return Object.prototype.hasOwnProperty.call(table, code) ? table[code] : String(code);
}

export const typeLabel = (c) => pick(TYPES, c);
export const subtypeLabel = (c) => pick(SUBTYPES, c);
export const actorLabel = (c) => pick(ACTORS, c);
export const qualifierLabel = (c) => pick(QUALIFIERS, c);
export const geoPrecisionLabel = (c) => pick(GEO_PRECISION, c);
export const timePrecisionLabel = (c) => pick(TIME_PRECISION, c);
export const mentionKindLabel = (c) => pick(MENTION_KINDS, c);
export const framingLabel = (c) => pick(FRAMINGS, c);
export const typeColor = (c) =>
  Object.prototype.hasOwnProperty.call(TYPE_COLORS, c) ? TYPE_COLORS[c] : OTHER_COLOR;

// The known types in display order, for the legend and the type filter.
export const TYPE_ORDER = Object.keys(TYPES);

// countPhrase writes a count with the Arabic noun form its number takes:
// 1 and 2 have their own words, 3–10 take the plural, 11–99 the accusative
// singular, and hundreds and thousands (last two digits 00–02) the singular.
// forms = {one, two, plural, accusative, singular}.
export function countPhrase(n, forms, fmt = String) {
  const k = Math.trunc(Math.abs(Number(n) || 0));
  if (k === 1) return forms.one;
  if (k === 2) return forms.two;
  const r = k % 100;
  const noun = k === 0 ? forms.plural : r >= 3 && r <= 10 ? forms.plural : r >= 11 ? forms.accusative : forms.singular;
  return `${fmt(k)} ${noun}`;
}

export const EVENT_FORMS = { one: 'حدث واحد', two: 'حدثان', plural: 'أحداث', accusative: 'حدثاً', singular: 'حدث' };
export const KILLED_FORMS = { one: 'قتيل واحد', two: 'قتيلان', plural: 'قتلى', accusative: 'قتيلاً', singular: 'قتيل' };
