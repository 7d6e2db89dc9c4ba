// Package document is the second stage of rasad's pipeline: it turns a raw
// source.Record into a Document whose Text is the clean article text every
// later stage reads (offsets of mentions and events point into it). It
// decodes legacy code pages, extracts articles from HTML, and removes page
// clutter, repetition and spacing noise while keeping every removed span
// for audit.
//
// # Stages
//
// Decode detects the encoding (UTF-8 with or without BOM, UTF-16 with a
// BOM or with a clear NUL pattern, Windows-1256 for non-UTF-8 bytes that
// decode to mostly Arabic) and refuses empty, binary and undecodable input.
//
// For HTML, the page is first streamed through a tokenizer that drops
// scripts, styles and most attributes and caps nesting depth and element
// count, so a huge or deeply nested page costs memory in proportion to its
// text; readability then picks the article (one paragraph per line) and
// the page metadata (title, site name, byline, publication time).
//
// Clean works on tokens (whitespace-separated, each with a folded key for
// matching) and lines. Its rules, all general:
//
//   - clutter runs: interface phrases of Arabic and English news sites
//     (share and font widgets, login and comment forms, video placeholders,
//     copyright) together with the dates, times, separators and up to two
//     words between them, removed only where they stand, so a header line
//     that mixes a login error, a timestamp and the headline keeps the
//     headline;
//   - the page tail: from a copyright/footer marker in the second half of
//     the text, or a related/most-read/tags marker in the last 40%, to the
//     end, reaching back over the menu items before it but never over a
//     sentence, and not when whole paragraphs follow ("اقرأ المزيد" links
//     inside an article are therefore kept);
//   - the page header: a headline or date block repeated in the header
//     keeps only its last copy, with the site name, date widget or ticker
//     between the copies; "Title | Site" site names; dates and times that
//     stamp the header (not those a sentence introduces);
//   - whole lines: menu lines of section names, lines left with at most two
//     words once their clutter went, and header lines that are only a
//     byline or a dateline (kept as Meta.Author / Meta.Dateline);
//   - repetition: sentences and paragraphs already seen (compared by folded
//     keys, so spacing, punctuation and diacritics do not matter) keep the
//     first copy, a run of them is a "repeated-article"; a teaser ending in
//     "..." whose words start a longer paragraph goes;
//   - spacing: spaces before , . : ; ، ؛ ؟ ! ? (not inside numbers, dates
//     or times), spaces inside brackets, runs of spaces, leading and
//     trailing spaces, extra blank lines, tatweel next to a letter,
//     invisible direction marks and control characters.
//
// A dateline that opens the first paragraph ("حلب - ...") stays in the text
// (later stages need the sentence intact) and is reported in Dateline.
//
// # Invariant
//
// Clean only deletes: Text is Raw with every Removed span cut out, spans
// are sorted, disjoint, on UTF-8 boundaries, and touching spans differ in
// reason. Words are never rewritten (no letter folding, no NFC); folding is
// package arabic's job. RawOffset maps a Text offset back to Raw.
package document
