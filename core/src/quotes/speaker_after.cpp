// The speaker named after a cue (`деді Асхат Жұмағали`), or after a passive one
// (`делінген … прокуратурасының хабарламасында`).
#include "quotes/attribution.h"

#include <algorithm>

#include "text/utf8.h"

namespace belgi::quotes {

using utf8::ends_with;

// Consecutive tokens covered by speaker-like entities from i (POSITION then PERSON...).
TokenRange Matcher::entity_chain(std::size_t i, std::size_t limit) const {
  std::size_t e = i;
  while (e < limit && e < i + kMaxSpeakerTokens && speaker_entity(e)) ++e;
  return TokenRange{i, e};
}

// After a named speaker: role words and plural possessives that complete it
// (`«Нұр Отан» партиясының өкілдері`, `Мәжіліс депутаттары`).
std::size_t Matcher::extend_role(std::size_t e, std::size_t limit) const {
  for (std::size_t n = 0; e < limit && n < 2 && doc_.is_word(e) && !doc_.is_capitalized(e); ++n, ++e) {
    std::string_view w = doc_.lower(e);
    bool plural = ends_with(w, "лері") || ends_with(w, "лары") || ends_with(w, "дері") ||
                  ends_with(w, "дары") || ends_with(w, "тері") || ends_with(w, "тары");
    if (word_class(e) != WordClass::role && !plural) break;
  }
  return e;
}

// A PERSON closing the attribution clause that starts at k (`деді … басқармасының бастығы
// Ерлан Сапаров.`, past the speaker window): one past its end, or 0.
std::size_t Matcher::closing_person(std::size_t k, std::size_t limit) const {
  for (std::size_t j = k; j < limit && j < k + kMaxAttributionTokens; ++j) {
    if (doc_.is_punct(j) && !speaker_token(j)) return 0;
    if (!doc_.has_entity(j, SpanType::PERSON)) continue;
    std::size_t e = j;
    while (e < limit && doc_.entity[e] == doc_.entity[j]) ++e;
    if (e == limit || !doc_.is_word(e)) return e;
    j = e - 1;
  }
  return 0;
}

TokenRange Matcher::speaker_after(std::size_t i, std::size_t limit, std::size_t& end) const {
  TokenRange r = speaker_after_window(i, limit, end);
  if (r.empty()) return r;
  // `деді «Құлагердің» режиссері Фархад Молдағалиға`: a PERSON in the dative is whom the words
  // were said to, not who said them (the oblique endings -на, -да would take in surnames).
  if (doc_.has_entity(r.end - 1, SpanType::PERSON) && looks_dative(doc_.lower(r.end - 1)))
    return TokenRange{};
  std::size_t e = closing_person(r.begin, limit);
  if (e > r.end) end = r.end = e;
  return r;
}

TokenRange Matcher::speaker_after_window(std::size_t i, std::size_t limit, std::size_t& end) const {
  std::size_t k = i;
  end = i;
  // `«…» деп, министр сөзін түйіндеді`: a comma, then the clause with the subject; `«…» -
  // дейді, қылқалам шебері.`: a comma, then a role phrase closing the sentence.
  TokenRange common;
  if (k + 1 < limit && doc_.is_comma(k) && (subject_clause(k + 1, limit, common) || role_closing(k + 1, limit)))
    ++k;
  // `– деді, көзіне жас алып, ардагер Мұхтар Сейітов`: a converb clause set off by commas.
  std::size_t c = k + 1 < limit && doc_.is_comma(k) ? clause_after(k + 1, limit) : 0;
  if (c != 0 && names_someone(TokenRange{c + 1, std::min(limit, c + 5)})) k = c + 1;
  const std::size_t first = k;
  while (k < limit && k < first + kMaxSkip && doc_.is_word(k) &&
         (word_class(k) == WordClass::skip || doc_.has_entity(k, SpanType::DATE) ||
          doc_.has_entity(k, SpanType::TIME)))
    ++k;
  if (k >= limit || !speaker_token(k)) return TokenRange{};
  if (speaker_entity(k)) {
    TokenRange r = entity_chain(k, limit);
    r.end = appositive_person(extend_role(r.end, limit), limit);
    end = r.end;
    return r;
  }
  if (word_class(k) == WordClass::pronoun) {  // `деп жазды ол Facebook парақшасында`
    end = k + 1;
    return TokenRange{k, k + 1};
  }
  // Words up to punctuation; restart after a finite verb (`тілегін жеткізді дәрігерлер`), stop at
  // an oblique-case word (`Қазақстан халқына Жолдауында`) or at a named speaker's end.
  std::size_t b = k, e = k;
  for (; e < limit && e < k + kMaxSpeakerTokens && speaker_token(e); ++e) {
    std::string_view w = doc_.lower(e);
    if (e > b && doc_.has_entity(e, SpanType::PERSON)) {
      e = extend_role(entity_chain(e, limit).end, limit);
      break;
    }
    if (word_class(e) == WordClass::skip || word_class(e) == WordClass::saying) break;
    if (!doc_.is_capitalized(e) && looks_finite_verb(w) && e + 1 < limit && doc_.is_word(e + 1)) {
      b = e + 1;
      continue;
    }
    if (e > b && !doc_.is_capitalized(e) && looks_oblique(w)) break;
    // `деп жырлаған жазушы Ғабит Мүсіреповтің 120 жылдық мерейтойы …`: a name in the genitive
    // before a lower-case noun or a number is the possessor, it ends the speaker (the entity
    // layer may have missed the name).
    if (e > b && doc_.is_word(e - 1) && doc_.is_capitalized(e) && looks_genitive(w) && e + 1 < limit &&
        !doc_.is_capitalized(e + 1) && word_class(e + 1) != WordClass::role) {
      ++e;
      break;
    }
  }
  while (e > b && doc_.is_punct(e - 1) && doc_.word(e - 1) != "»" && doc_.word(e - 1) != "\"") --e;
  if (e <= b) return TokenRange{};
  // `сын айтты`, `болжам жасап қойды`: a predicate, not a speaker.
  if (doc_.is_word(e - 1) && !doc_.is_capitalized(e - 1) && looks_finite_verb(doc_.lower(e - 1)))
    return TokenRange{};
  end = e = appositive_person(e, limit);
  return TokenRange{b, e};
}

// `бас онколог, дәрігер Диляра Қайдарова`, `департаментінің бастығы, полиция полковнигі
// Нұрлан Әлиев`: a comma at e, then a phrase ending in a PERSON: one past its end, else e.
std::size_t Matcher::appositive_person(std::size_t e, std::size_t limit) const {
  if (!(e < limit && doc_.is_comma(e))) return e;
  for (std::size_t p = e + 1; p < limit && p < e + kMaxSpeakerTokens && doc_.is_word(p); ++p)
    if (doc_.has_entity(p, SpanType::PERSON)) return entity_chain(p, limit).end;
  return e;
}

// A converb clause from b closed by a comma (`көзіне жас алып,`): the comma, or 0.
std::size_t Matcher::clause_after(std::size_t b, std::size_t limit) const {
  std::size_t c = b;
  while (c < limit && c < b + kMaxClauseTokens && doc_.is_word(c)) ++c;
  return c < limit && doc_.is_comma(c) && converb_clause(b, c) ? c : 0;
}

// Lower-case words naming nobody, the last a converb (`жиынды қорытындылай келе`, `көзіне жас
// алып`): a clause between a speaker and the words or the cue.
bool Matcher::converb_clause(std::size_t b, std::size_t e) const {
  if (e <= b || e - b > kMaxClauseTokens || !looks_converb(doc_.lower(e - 1))) return false;
  for (std::size_t t = b; t < e; ++t)
    if (!doc_.is_word(t) || doc_.is_capitalized(t) || doc_.entity[t] >= 0) return false;
  return true;
}

// A short phrase from k to the end of its sentence with a role word at its end and no verb
// (`қылқалам шебері.`): the speaker set off by a comma after the cue.
bool Matcher::role_closing(std::size_t k, std::size_t limit) const {
  std::size_t e = k;
  while (e < limit && e < k + kMaxSkip + 1 && doc_.is_word(e) && !looks_finite_verb(doc_.lower(e))) ++e;
  return e > k && (e == limit || doc_.is_terminator(e)) && role_like(e - 1);
}

TokenRange Matcher::passive_source(std::size_t i, std::size_t limit) const {
  for (std::size_t k = i; k < limit && k < i + kMaxSpeakerTokens && speaker_token(k); ++k) {
    if (word_class(k) != WordClass::message) continue;
    std::size_t e = k;  // `министрлік таратқан ақпаратта`: without the participle
    while (e > i && !doc_.is_capitalized(e - 1) && looks_finite_verb(doc_.lower(e - 1))) --e;
    // `делінген алғашқы хабарламада`: an adjective names nobody.
    if (e == i + 1 && !doc_.is_capitalized(i) && doc_.entity[i] < 0 &&
        looks_adjectival(doc_.lower(i)))
      return TokenRange{};
    return TokenRange{i, e};
  }
  return TokenRange{};
}

}  // namespace belgi::quotes
