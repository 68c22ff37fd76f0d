// The speaker named before a quote: before its opening mark, before a colon, in a header line
// (`NAME, ROLE:`), before an as-said verb; the subject within a phrase.
#include "quotes/attribution.h"

#include <algorithm>

#include "text/utf8.h"

namespace belgi::quotes {

using utf8::ends_with;

// A role word, also in the genitive (`Президенттің «…» деген сөзі`).
bool Matcher::role_like(std::size_t i) const {
  if (word_class(i) == WordClass::role) return true;
  std::string_view w = doc_.lower(i);
  std::size_t g = genitive_ending(w);
  if (g == 0) return false;
  return tables_.speaker_word(w.substr(0, w.size() - g)) == WordClass::role;
}

// A lower-case plural noun that can be a subject (`сарапшылар`, `тұрғындар`).
bool Matcher::plural_noun(std::size_t i) const {
  std::string_view w = doc_.lower(i);
  if (w.size() < 12) return false;
  for (std::string_view suf : {"лар", "лер", "дар", "дер", "тар", "тер"})
    if (ends_with(w, suf)) return true;
  return false;
}

bool Matcher::is_speaker_head(std::size_t i) const {
  return doc_.has_entity(i, SpanType::PERSON) || doc_.has_entity(i, SpanType::ORGANISATION) ||
         doc_.has_entity(i, SpanType::POSITION) || word_class(i) == WordClass::role;
}

bool Matcher::names_someone(TokenRange r) const {
  for (std::size_t i = r.begin; i < r.end; ++i)
    if (doc_.has_entity(i, SpanType::PERSON) || doc_.has_entity(i, SpanType::POSITION) ||
        word_class(i) == WordClass::pronoun || role_like(i))
      return true;
  return false;
}

// The speaker within a lead-in phrase [b, e): without a trailing predicate or adjuncts
// (`Әкім жиында сөйледі` -> `Әкім`), a pronoun if there is one, else the named part, else the
// last six words.
TokenRange Matcher::named_part(std::size_t b, std::size_t e) const {
  const std::size_t phrase_end = e;
  while (e > b + 1 && !doc_.is_capitalized(e - 1) &&
         (looks_finite_verb(doc_.lower(e - 1)) || looks_oblique(doc_.lower(e - 1)) ||
          word_class(e - 1) == WordClass::skip))
    --e;
  if (e <= b) return TokenRange{};
  for (std::size_t t = e; t-- > b;)
    if (word_class(t) == WordClass::pronoun && !speaker_entity(t)) return TokenRange{t, t + 1};
  for (std::size_t t = b; t < e; ++t)
    if (speaker_entity(t) && (doc_.has_entity(t, SpanType::PERSON) || (t + 6 >= e && !adjunct_entity(t, phrase_end)))) {
      std::size_t s = t;
      while (s > b && speaker_entity(s - 1)) --s;
      return TokenRange{s, std::min(e, extend_role(entity_chain(t, e).end, e))};
    }
  // `…сөз алған облыс әкімі Нұрлыбек Налибаев өңірдің даму`: end after a role word and the
  // capitalized name that follows it.
  for (std::size_t t = e; t-- > b;) {
    if (!role_like(t)) continue;
    std::size_t end = t + 1;
    while (end < e && doc_.is_capitalized(end) && !adjunct_entity(end, phrase_end) &&
           !looks_oblique(doc_.lower(end)))  // `Әкім Telegram-арнасында`
      ++end;
    // One modifier before the role (`облыс әкімі`), not a participle (`сөз алған министр`)
    // nor a possessive locative (`Сұхбат барысында министр`, `жиын кезінде`).
    std::string_view m = t > b ? doc_.lower(t - 1) : std::string_view();
    bool adjunct = ends_with(m, "ында") || ends_with(m, "інде");
    std::size_t start = t > b && !looks_finite_verb(m) && !adjunct ? t - 1 : t;
    return TokenRange{start, end};
  }
  if (e - b > 6) b = e - 6;
  return TokenRange{b, e};
}

// A place or body at t that is part of an adjunct, not a subject: in an oblique case itself
// (`Астанада`) or before a lower-case oblique noun (`Министр Ресей басылымына берген
// сұхбатында:` -> `Министр`).
bool Matcher::adjunct_entity(std::size_t t, std::size_t e) const {
  if (doc_.has_entity(t, SpanType::PERSON)) return false;
  std::size_t c = entity_chain(t, e).end;
  if (c > t && looks_oblique(doc_.lower(c - 1))) return true;
  return c < e && !doc_.is_capitalized(c) && looks_oblique(doc_.lower(c));
}

TokenRange Matcher::subject_of(std::size_t b, std::size_t e, bool genitive) const {
  if (e <= b) return TokenRange{};
  TokenRange r = named_part(b, e);
  if (r.empty() || !names_someone(r) || (!genitive && looks_genitive(doc_.lower(r.end - 1))))
    return TokenRange{};
  return r;
}

TokenRange Matcher::speaker_before(std::size_t open) const {
  if (open == 0) return TokenRange{};
  std::size_t k = open;  // exclusive end
  std::size_t floor = std::max(doc_.sent_begin(open), doc_.para_first[doc_.para[open]]);
  while (k > floor && k + kMaxSkip > open && doc_.is_word(k - 1) &&
         word_class(k - 1) == WordClass::skip)
    --k;
  // `Әкім, жиынды қорытындылай келе, «…» деп атап өтті`: the subject before a converb clause.
  if (k > floor + 1 && doc_.is_comma(k - 1)) {
    std::size_t b = k - 1;
    while (b > floor && k - b <= kMaxClauseTokens && doc_.is_word(b - 1)) --b;
    if (b > floor + 1 && doc_.is_comma(b - 1) && converb_clause(b, k - 1)) k = b - 1;
  }
  if (k <= floor || !doc_.is_word(k - 1)) return TokenRange{};
  std::size_t last = k - 1;
  // `Министр брифингте «…» деді`: an adjunct before the mark, the subject before it; a place
  // that names nobody is no speaker (`Швейцариялықтарда «…» деген сөз бар`).
  if (looks_place_case(doc_.lower(last)) || looks_oblique(doc_.lower(last)))
    return subject_of(floor, k);
  if (speaker_entity(last)) {
    std::size_t b = last;
    while (b > floor && b + kMaxSpeakerTokens > last && speaker_entity(b - 1)) --b;
    return TokenRange{b, k};
  }
  WordClass c = word_class(last);
  if (c == WordClass::pronoun || role_like(last) || plural_noun(last)) return TokenRange{last, k};
  return TokenRange{};
}

TokenRange Matcher::colon_speaker(std::size_t colon, Cue& verb) const {
  verb = Cue{};
  std::size_t floor = std::max(doc_.sent_begin(colon), doc_.para_first[doc_.para[colon]]);
  std::size_t b = colon;
  while (b > floor && b + kMaxSpeakerTokens > colon && doc_.is_word(b - 1)) --b;
  for (const Form& f : tables_.report_openers) {  // `Бұл туралы басқарма хабарлады:`
    std::size_t oe = 0;
    if (form_at(f, b, colon, oe)) {
      b = oe;
      break;
    }
  }
  std::size_t e = colon;
  // `Айгүл СӘРСЕНОВА, тілші:` — a transcript line: the name before the comma speaks.
  TokenRange name = header_name(colon);
  if (!name.empty()) return name;
  // `Серік Омаров, аудан әкімі: «…»` on one line: the PERSON before the comma.
  if (floor == doc_.para_first[doc_.para[colon]] && doc_.has_entity(floor, SpanType::PERSON)) {
    name = header_from(floor, colon);
    if (!name.empty() && name.end < colon) return name;
  }
  while (e > b && word_class(e - 1) == WordClass::skip) --e;
  // `ол былай деді:` — a verb form ending right before the colon.
  for (std::size_t t = e > 3 ? e - 3 : 0; t < e; ++t) {
    if (t < b) continue;
    std::size_t end = 0;
    const Verb* v = verb_at(t, e, end);
    if (v && end == e) {
      verb = Cue{TokenRange{t, e}, v, false};
      e = t;
      while (e > b && word_class(e - 1) == WordClass::skip) --e;
      break;
    }
  }
  // `Бұл туралы … полковнигі Құрманбек Сахов айтты: «…»`: a reporting verb is the cue too.
  for (std::size_t t = e > 2 ? e - 2 : 0; verb.range.empty() && t < e; ++t) {
    if (t < b || !lead_at(t, e)) continue;
    verb = Cue{TokenRange{t, e}, nullptr, false};
    e = t;
  }
  // `Байқаудың ұраны: «…»`: a label names what follows; with no speech verb nobody speaks.
  if (verb.range.empty() && e > b && word_class(e - 1) == WordClass::label) return TokenRange{};
  TokenRange r = named_part(b, e);
  // `Төраға көңілі толмағанын …, тағы бір мүмкіндік берді де:`: the subject before a comma.
  std::size_t sb = std::max(doc_.sent_begin(colon), doc_.para_first[doc_.para[colon]]);
  if (!names_someone(r) && sb < b) {
    TokenRange wide = named_part(sb, e);
    if (names_someone(wide)) return wide;
  }
  return r;
}

// `NAME, ROLE:` (or `NAME – ROLE:`) closing its paragraph (a transcript or interview header):
// the name, one to four capitalized words (or a PERSON) opening the paragraph, then a comma or
// dash, then the role phrase (`Бауыржан, жолаушы:`, `Марат ҚАБЫШЕВ, кинорежиссер:`).
TokenRange Matcher::header_name(std::size_t colon) const {
  if (colon + 1 != doc_.para_end(colon)) return TokenRange{};
  return header_from(doc_.para_first[doc_.para[colon]], colon);
}

// The header `NAME, ROLE:` of the tokens [f, colon).
TokenRange Matcher::header_from(std::size_t f, std::size_t colon) const {
  if (colon > f + kMaxHeaderTokens) return TokenRange{};
  bool person = doc_.has_entity(f, SpanType::PERSON);
  std::size_t e = f;
  while (e < colon && e < f + 4 && doc_.is_word(e) &&
         (person || (doc_.is_capitalized(e) && !looks_oblique(doc_.lower(e)) &&
                     word_class(e) == WordClass::none)))
    ++e;
  if (e != f && e + 1 < colon && (doc_.is_comma(e) || doc_.is_dash(e))) return TokenRange{f, e};
  // `Тілші Айгүл Сәрсенова:` — a short line ending in two or three capitalized words.
  if (colon > f + kMaxHeaderNoComma) return TokenRange{};
  std::size_t b = colon;
  while (b > f && colon - b < 3 && doc_.is_word(b - 1) && doc_.is_capitalized(b - 1) &&
         !looks_oblique(doc_.lower(b - 1)) && !looks_genitive(doc_.lower(b - 1)) &&
         word_class(b - 1) == WordClass::none)
    --b;
  if (colon - b < 2) return TokenRange{};
  for (std::size_t i = f; i < b; ++i)
    if (!doc_.is_word(i) || (!doc_.is_capitalized(i) && looks_finite_verb(doc_.lower(i))))
      return TokenRange{};
  return TokenRange{b, colon};
}

bool Matcher::as_said_before(std::size_t open, Cue& cue, TokenRange& speaker) const {
  if (open < 2 || !doc_.is_comma(open - 1)) return false;
  std::size_t e = open - 1;
  std::size_t floor = std::max(doc_.sent_begin(open), doc_.para_first[doc_.para[open]]);
  for (std::size_t t = e > 2 ? e - 2 : 0; t < e; ++t) {
    std::size_t end = 0;
    const Verb* v = t >= floor ? verb_at(t, e, end) : nullptr;
    if (!v || end != e || v->cls != "as_said") continue;
    std::size_t b = t;
    while (b > floor && b + kMaxSpeakerTokens > t && doc_.is_word(b - 1)) --b;
    if (b == t) return false;
    cue = Cue{TokenRange{t, e}, v, false};
    speaker = named_part(b, t);
    return !speaker.empty();
  }
  return false;
}

}  // namespace belgi::quotes
