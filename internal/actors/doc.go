// Package actors recognizes the actors of Syrian conflict reporting: the
// canonical ids of the event spec (syrian_government, russia,
// islamic_state, sdf, coalition, opposition, hts, turkey, iran, hezbollah,
// israel, iraq, civilians, unknown), with a finer group, the kind of
// mention, and the framing of the surface form (whose vocabulary it is:
// "قوات النظام" is opposition, "الجيش العربي السوري" government, "داعش"
// pejorative, "الدولة الإسلامية" IS's own). It also finds the sources a
// report cites (FindSources).
//
// The lexicon is data (data/actors/*.tsv, embedded; see its README.md).
// Matching runs over arabic.Tokenize tokens: a trie over folded words holds
// the explicit forms and the closed word classes from which phrases are
// composed (force nouns, modifiers, nisba adjectives, linkers, titles).
// At each word the longest mention wins (explicit forms beat composed ones
// of equal length); proclitics و ف ب ل ك (and لل) on the first word are
// allowed, as are quotation marks between words; a line break or other
// punctuation ends a mention.
//
// Rules that decide doubtful words:
//
//   - "النظام" is always the Syrian government, except blocked phrases
//     ("النظام الداخلي", "النظام العام") and "النظام" followed by a nisba
//     adjective the lexicon does not know ("النظام المصري"), which yield
//     nothing.
//   - "الدولة" alone is never IS; "تنظيم الدولة" is.
//   - "التنظيم" refers back to the last IS mention or mention containing
//     "تنظيم"; with none before it, it yields nothing (IS is not assumed).
//     "الهيئة" (HTS), "الحركة", "الجبهة", "الحزب", "الفيلق", "الفرقة" work the
//     same way with their head word.
//   - "الجيش" refers to the last army named with the article in the same
//     paragraph ("الجيش التركي" → turkey), else to the Syrian army when the
//     text is about Syria (it names Syria, a Syrian governorate or city, or
//     a Syria-only actor); otherwise nothing. "الجيش الحر" and "الجيش
//     الوطني" are opposition, "جيش الإسلام" opposition, "جيش خالد بن الوليد"
//     islamic_state, "الجيش العراقي" iraq.
//   - "التحالف" alone is the coalition only after the coalition was named;
//     "التحالف العربي" and similar are blocked.
//   - "المعارضة", "الفصائل", "الثوار" are opposition; state-media words for
//     armed groups ("المسلحين", "الإرهابيين", "المجموعات الإرهابية") refer to
//     the last opposition, HTS, IS or SDF mention of the paragraph, else
//     opposition.
//   - Iraqi and other foreign Shia militias fighting in Syria under IRGC
//     command are iran; the PMF as an Iraqi body and Iraq's forces are iraq.
//     Syrian pro-government militias are syrian_government whatever their
//     sponsor. Turkish-backed factions are opposition. US forces and
//     officials are coalition.
//   - A title followed by a side ("المتحدث باسم قسد", "مسؤول روسي") is a
//     mention of kind role linking the person to that side; named officials
//     are listed as kind person.
package actors
