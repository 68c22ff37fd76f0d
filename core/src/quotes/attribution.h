// Attribution of a quote: the cue (speech verb phrase or colon) and the speaker, found by the
// tables of data/rules/quotes/ in short windows of tokens after or before the quoted words.
// The Matcher's parts: attribution.cpp (table forms and cues), speaker_after.cpp (the speaker
// after a cue), speaker_before.cpp (before a mark or a colon, in a header line, within a phrase),
// report_lead.cpp (a report sentence after a quote, a lead sentence before it).
#pragma once
#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "quotes/doc.h"
#include "quotes/marks.h"
#include "quotes/shapes.h"
#include "quotes/tables.h"

namespace belgi::quotes {

// Token ranges [begin, end); begin == end means none.
struct TokenRange {
  std::size_t begin = 0, end = 0;
  bool empty() const { return begin >= end; }
};

struct Cue {
  TokenRange range;
  const Verb* verb = nullptr;  // null for a colon or an unlisted `деп <verb>` after a dash
  bool colon = false;
  TokenRange subject;          // a speaker named before the cue (`– министр осылай деді`)
  Cue() = default;
  Cue(TokenRange r, const Verb* v, bool c, TokenRange s = TokenRange{})
      : range(r), verb(v), colon(c), subject(s) {}
};

struct Attribution {
  bool has_cue = false;
  Cue cue;
  TokenRange speaker;          // empty: no speaker named
  std::size_t end = 0;         // first token after the attribution
};

// Lookups of the tables over one Doc. Every window is capped (kMax* below): linear overall.
class Matcher {
 public:
  Matcher(const Doc& doc, const Tables& tables);

  // The longest speech-verb form starting at token i and ending by `limit`; sets `end`.
  const Verb* verb_at(std::size_t i, std::size_t limit, std::size_t& end) const;
  // A title/saying word right at i (`деп аталады`, `атты`, `деген`); `names_only`: only the
  // forms of reason `title` (`деп аталатын` makes a name even after a dash, `деген` does not).
  bool title_at(std::size_t i, std::size_t limit, std::size_t& end, bool names_only = false) const;
  // A name's type noun at i, or after up to two lower-case modifiers (`ұлттық жобасы`).
  bool name_noun_at(std::size_t i, std::size_t limit) const;
  WordClass word_class(std::size_t i) const;  // pronoun_one reads as pronoun
  bool points_to_one(std::size_t i) const;   // a pronoun for one person (`ол`, speakers.tsv)
  bool particle_at(std::size_t i) const;     // the bare quoting `деп` (speech_verbs.tsv, particle)
  MarkRole mark_role(std::size_t i) const;  // token i as a quotation mark (marks.tsv)

  // The cue starting at token i. With `dashed` (a dash stands before i), an unlisted
  // `деп <word>` counts too; without it, title words block and bare `деп` needs punctuation
  // after it.
  // With `loose` (speech-like words in marks: a sentence or 8+ words), a bare `деп` without a
  // dash counts before a finite verb a few words on (`«…» деп тағы да уәде берді`).
  bool cue_at(std::size_t i, std::size_t limit, bool dashed, Cue& out, bool loose = false) const;
  // The speaker named after a cue that ends at i (`деді Асхат Жұмағали`,
  // `деп қорытындылады сөзін Антикор басшысы`); sets `end` to the first token after it.
  TokenRange speaker_after(std::size_t i, std::size_t limit, std::size_t& end) const;
  // The subject right before an opening mark (`Олар «…» деп санайды`).
  TokenRange speaker_before(std::size_t open) const;
  // The speaker phrase before a colon (`Мемлекет басшысы: «…»`), and a verb cue ending right
  // before the colon (`ол былай деді: «…»`) in `verb` (verb.range empty if none).
  TokenRange colon_speaker(std::size_t colon, Cue& verb) const;
  // A report sentence starting at token s (`Бұл туралы министр брифингте айтты.`): sets the cue
  // (its final verb) and returns the speaker between opener and verb; false if s starts none.
  bool report_sentence(std::size_t s, Cue& cue, TokenRange& speaker) const;
  // `Президент атап өткендей, «…»`: an as-said verb and its speaker before the opening mark.
  bool as_said_before(std::size_t open, Cue& cue, TokenRange& speaker) const;
  // `Айгүл СӘРСЕНОВА, тілші:` closing its paragraph (a transcript or interview header): the
  // name before the comma; in a short line without a comma (`Тілші Айгүл Сәрсенова:`) the two
  // or three capitalized words before the colon; empty if the line is no such header.
  TokenRange header_name(std::size_t colon) const;
  // The same header over the tokens [f, colon), f a sentence start inside a paragraph
  // (`… дейді. Фазылбек Жарқынбек, шаруа: – …`).
  TokenRange header_from(std::size_t f, std::size_t colon) const;
  // A lead sentence closing the paragraph that ends right before token f (report_sentences.tsv,
  // part `lead`: `Министр жобаларға тоқталды.`): its verb, its speaker (else the last PERSON
  // of that paragraph), and whether it announces the words (`былай деді`).
  bool lead_before(std::size_t f, Cue& cue, TokenRange& speaker, bool& announces) const;
  // The subject named in [b, e) (named_part) if it is a PERSON, POSITION, role or pronoun.
  // With `genitive`, a possessor counts (`Министрдің айтуынша`).
  TokenRange subject_of(std::size_t b, std::size_t e, bool genitive = false) const;
  // `министр осылай деді` at k: a subject, then a cue; sets the cue (the speaker is [k, cue)).
  bool subject_then_cue(std::size_t k, std::size_t limit, Cue& out) const;
  // Token i ends a speaker: a PERSON, ORGANISATION or POSITION, or a role word.
  bool is_speaker_head(std::size_t i) const;
  // A PERSON, POSITION, role word (also genitive) or pronoun among the tokens.
  bool names_someone(TokenRange r) const;
  // The last PERSON span ending by `end` and starting at or after `floor`, searched back at most
  // kMaxLeadTokens.
  TokenRange person_before(std::size_t end, std::size_t floor) const;
  // A lead verb (report_sentences.tsv) spanning [t, e).
  bool lead_at(std::size_t t, std::size_t e) const;
  // After a passive cue: the author named before a message noun (`– делінген Алматы облысы
  // прокуратурасының хабарламасында`), or empty.
  TokenRange passive_source(std::size_t i, std::size_t limit) const;

 private:
  bool form_at(const Form& f, std::size_t i, std::size_t limit, std::size_t& end) const;
  const ReportVerb* ending_at(const std::vector<ReportVerb>& verbs, const WordIndex& ends,
                              std::size_t floor, std::size_t e) const;
  TokenRange speaker_after_window(std::size_t i, std::size_t limit, std::size_t& end) const;
  std::size_t closing_person(std::size_t k, std::size_t limit) const;
  TokenRange named_part(std::size_t b, std::size_t e) const;
  TokenRange entity_chain(std::size_t i, std::size_t limit) const;
  std::size_t extend_role(std::size_t e, std::size_t limit) const;
  std::size_t appositive_person(std::size_t e, std::size_t limit) const;
  bool role_closing(std::size_t k, std::size_t limit) const;
  bool speaker_token(std::size_t i) const;
  bool adjuncts(std::size_t b, std::size_t e) const;
  bool role_like(std::size_t i) const;
  bool plural_noun(std::size_t i) const;
  bool speaker_entity(std::size_t i) const;
  bool adjunct_entity(std::size_t t, std::size_t e) const;
  // A subject at k (a PERSON, POSITION, ORGANISATION, role word or pronoun, or people named by a
  // common noun: then `common` is their phrase) and a finite verb closing its clause.
  bool subject_clause(std::size_t k, std::size_t limit, TokenRange& common) const;
  bool people(std::size_t i) const;
  std::size_t verb_within(std::size_t b, std::size_t limit) const;
  std::size_t clause_after(std::size_t b, std::size_t limit) const;
  bool converb_clause(std::size_t b, std::size_t e) const;

  const Doc& doc_;
  const Tables& tables_;
};

constexpr std::size_t kMaxSpeakerTokens = 10;  // window for a speaker phrase
constexpr std::size_t kMaxSkip = 3;            // skip-words between a cue and its speaker
constexpr std::size_t kMaxReportTokens = 24;   // length of a report sentence after a quote
constexpr std::size_t kMaxHeaderTokens = 20;  // length of a `NAME, ROLE:` transcript line
constexpr std::size_t kMaxHeaderNoComma = 6;  // `Тілші Айгүл Сәрсенова:`
constexpr std::size_t kMaxLeadTokens = 200;   // a lead's PERSON searched back in its paragraph
constexpr std::size_t kMaxAttributionTokens = 20;  // a long role, then its PERSON, after a cue
constexpr std::size_t kMaxClauseTokens = 8;        // a converb clause set off by commas

}  // namespace belgi::quotes
