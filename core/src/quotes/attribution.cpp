#include "quotes/attribution.h"

#include <algorithm>

#include "text/utf8.h"

namespace belgi::quotes {

namespace {

using utf8::ends_with;

bool speaker_type(SpanType t) {
  return t == SpanType::PERSON || t == SpanType::ORGANISATION || t == SpanType::POSITION ||
         t == SpanType::GPE || t == SpanType::NORP;
}

}  // namespace

bool looks_finite_verb(std::string_view w) {
  if (w.size() < 10) return false;  // 5+ Cyrillic letters
  for (std::string_view suf : {"ды", "ді", "ған", "ген", "қан", "кен"})
    if (ends_with(w, suf)) return true;
  return false;
}

bool looks_oblique(std::string_view w) {
  if (w.size() < 8) return false;
  for (std::string_view suf : {"да", "де", "та", "те", "ға", "ге", "қа", "ке", "на", "не",
                               "нан", "нен", "дан", "ден", "тан", "тен", "мен", "пен", "бен"})
    if (ends_with(w, suf)) return true;
  return false;
}

bool looks_place_case(std::string_view w) {
  if (w.size() < 8) return false;
  for (std::string_view suf : {"да", "де", "та", "те", "дан", "ден", "тан", "тен", "нан", "нен",
                               "ға", "ге", "қа", "ке"})
    if (ends_with(w, suf)) return true;
  return false;
}

Matcher::Matcher(const Doc& doc, const Tables& tables) : doc_(doc), tables_(tables) {
  for (const Verb& v : tables.verbs) verbs_by_first_[v.form.words[0]].push_back(&v);
}

bool Matcher::form_at(const Form& f, std::size_t i, std::size_t limit, std::size_t& end) const {
  std::size_t n = f.words.size();
  if (i + n > limit) return false;
  for (std::size_t k = 0; k < n; ++k) {
    if (!doc_.is_word(i + k)) return false;
    std::string_view w = doc_.lower[i + k];
    bool last = k + 1 == n;
    if (last && f.prefix_last ? w.compare(0, f.words[k].size(), f.words[k]) != 0
                              : w != f.words[k])
      return false;
  }
  end = i + n;
  return true;
}

const Verb* Matcher::verb_at(std::size_t i, std::size_t limit, std::size_t& end) const {
  if (i >= limit || !doc_.is_word(i)) return nullptr;
  auto it = verbs_by_first_.find(doc_.lower[i]);
  if (it == verbs_by_first_.end()) return nullptr;
  const Verb* best = nullptr;
  for (const Verb* v : it->second) {
    std::size_t e = 0;
    if (form_at(v->form, i, limit, e) && (!best || e > end)) {
      best = v;
      end = e;
    }
  }
  return best;
}

bool Matcher::title_at(std::size_t i, std::size_t limit, std::size_t& end) const {
  bool found = false;
  std::size_t e = 0;
  for (const TitleWord& t : tables_.titles)
    if (form_at(t.form, i, limit, e) && (!found || e > end)) {
      found = true;
      end = e;
    }
  return found;
}

bool Matcher::name_noun_at(std::size_t i, std::size_t limit) const {
  for (std::size_t k = i; k < limit && k < i + 3; ++k) {
    if (!doc_.is_word(k)) return false;
    std::size_t e = 0;
    // `«…» деген сөзі`: a cue or title word is no modifier of a type noun.
    if (verbs_by_first_.count(doc_.lower[k]) || title_at(k, limit, e)) return false;
    for (const Form& f : tables_.name_nouns)
      if (form_at(f, k, limit, e)) return true;
    if (doc_.is_capitalized(k)) return false;
  }
  return false;
}

MarkRole Matcher::mark_role(std::size_t i) const {
  return doc_.is_punct(i) ? quotes::mark_role(tables_.marks, doc_.word(i)) : MarkRole::none;
}

WordClass Matcher::word_class(std::size_t i) const {
  auto it = tables_.speaker_words.find(std::string(doc_.lower[i]));
  return it == tables_.speaker_words.end() ? WordClass::none : it->second;
}

bool Matcher::cue_at(std::size_t i, std::size_t limit, bool dashed, Cue& out, bool loose) const {
  if (i >= limit || !doc_.is_word(i)) return false;
  std::size_t end = 0, title_end = 0;
  const Verb* v = verb_at(i, limit, end);
  if (!dashed && title_at(i, limit, title_end) && (!v || end <= title_end)) return false;
  if (!v || v->cls == "as_said") return false;
  bool bare_dep = v->form.words.size() == 1 && (v->form.words[0] == "деп" || v->form.words[0] == "dep");
  if (bare_dep && end < limit && doc_.is_word(end)) {
    if (subject_clause(end, limit)) {  // `«…» деп Асхат Жұмағали атап өтті.`
      out = Cue{TokenRange{i, end}, v, false};
      return true;
    }
    if (!dashed && loose) {  // `«…» деп тағы да уәде берді`: a finite verb within a few words
      for (std::size_t t = end;
           t < limit && t < end + 4 && doc_.is_word(t) && !doc_.is_capitalized(t); ++t)
        if (looks_finite_verb(doc_.lower[t])) {
          out = Cue{TokenRange{i, t + 1}, nullptr, false};
          return true;
        }
    }
    if (!dashed || doc_.is_capitalized(end)) return false;
    if (looks_oblique(doc_.lower[end]) || word_class(end) == WordClass::skip) {
      out = Cue{TokenRange{i, end}, v, false};  // `– деп министрлікке сын айтты`
      return true;
    }
    out = Cue{TokenRange{i, end + 1}, nullptr, false};  // `– деп кейіп отыр`: generic
    return true;
  }
  out = Cue{TokenRange{i, end}, v, false};
  return true;
}

// A subject (a PERSON, POSITION or ORGANISATION, a role word or `ол`) at k, and a finite verb
// closing its clause (`деп Асхат Жұмағали атап өтті`, `деп ол айтты`).
bool Matcher::subject_clause(std::size_t k, std::size_t limit) const {
  bool subject = doc_.has_entity(k, SpanType::PERSON) || doc_.has_entity(k, SpanType::POSITION) ||
                 doc_.has_entity(k, SpanType::ORGANISATION) || word_class(k) == WordClass::role ||
                 word_class(k) == WordClass::pronoun;
  if (!subject) return false;
  for (std::size_t t = k + 1; t < limit && t < k + kMaxSpeakerTokens + 2 && speaker_token(t); ++t) {
    if (doc_.is_capitalized(t) || doc_.entity[t] >= 0) continue;
    if (looks_finite_verb(doc_.lower[t]) || lead_at(t, std::min(limit, t + 1)) ||
        (t + 2 <= limit && lead_at(t, t + 2)))
      return true;
  }
  return false;
}

bool Matcher::speaker_entity(std::size_t i) const {
  return doc_.entity[i] >= 0 &&
         speaker_type(doc_.ctx.spans[static_cast<std::size_t>(doc_.entity[i])].type);
}

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
    std::string_view w = doc_.lower[e];
    bool plural = ends_with(w, "лері") || ends_with(w, "лары") || ends_with(w, "дері") ||
                  ends_with(w, "дары") || ends_with(w, "тері") || ends_with(w, "тары");
    if (word_class(e) != WordClass::role && !plural) break;
  }
  return e;
}

bool Matcher::speaker_token(std::size_t i) const {
  return doc_.is_word(i) || doc_.tok[i].kind == text::TokenKind::number ||
         (doc_.is_punct(i) && mark_role(i) != MarkRole::none);
}

// A PERSON closing the attribution clause that starts at k (`деді … басқармасының бастығы
// Асхат Бутунчинов.`, past the speaker window): one past its end, or 0.
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
  std::size_t e = closing_person(r.begin, limit);
  if (e > r.end) end = r.end = e;
  return r;
}

TokenRange Matcher::speaker_after_window(std::size_t i, std::size_t limit, std::size_t& end) const {
  std::size_t k = i;
  end = i;
  while (k < limit && k < i + kMaxSkip && doc_.is_word(k) &&
         (word_class(k) == WordClass::skip || doc_.has_entity(k, SpanType::DATE) ||
          doc_.has_entity(k, SpanType::TIME)))
    ++k;
  if (k >= limit || !speaker_token(k)) return TokenRange{};
  if (speaker_entity(k)) {
    TokenRange r = entity_chain(k, limit);
    r.end = extend_role(r.end, limit);
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
    std::string_view w = doc_.lower[e];
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
  }
  while (e > b && doc_.is_punct(e - 1) && doc_.word(e - 1) != "»" && doc_.word(e - 1) != "\"") --e;
  if (e <= b) return TokenRange{};
  // `сын айтты`, `болжам жасап қойды`: a predicate, not a speaker.
  if (doc_.is_word(e - 1) && !doc_.is_capitalized(e - 1) && looks_finite_verb(doc_.lower[e - 1]))
    return TokenRange{};
  // `бас онколог, дәрігер Диляра Қайдарова`: a comma, then a phrase ending in a PERSON.
  if (e < limit && doc_.is_comma(e)) {
    for (std::size_t p = e + 1; p < limit && p < e + kMaxSpeakerTokens && doc_.is_word(p); ++p)
      if (doc_.has_entity(p, SpanType::PERSON)) {
        e = entity_chain(p, limit).end;
        break;
      }
  }
  end = e;
  return TokenRange{b, e};
}

// A role word, also in the genitive (`Президенттің «…» деген сөзі`).
bool Matcher::role_like(std::size_t i) const {
  if (word_class(i) == WordClass::role) return true;
  std::string_view w = doc_.lower[i];
  for (std::string_view g : {"ның", "нің", "дың", "дің", "тың", "тің"}) {
    if (!ends_with(w, g)) continue;
    auto it = tables_.speaker_words.find(std::string(w.substr(0, w.size() - g.size())));
    if (it != tables_.speaker_words.end() && it->second == WordClass::role) return true;
  }
  return false;
}

// A lower-case plural noun that can be a subject (`сарапшылар`, `тұрғындар`).
bool Matcher::plural_noun(std::size_t i) const {
  std::string_view w = doc_.lower[i];
  if (w.size() < 12) return false;
  for (std::string_view suf : {"лар", "лер", "дар", "дер", "тар", "тер"})
    if (ends_with(w, suf)) return true;
  return false;
}

TokenRange Matcher::speaker_before(std::size_t open) const {
  if (open == 0) return TokenRange{};
  std::size_t k = open;  // exclusive end
  std::size_t floor = std::max(doc_.sent_begin(open), doc_.para_first[doc_.para[open]]);
  while (k > floor && k + kMaxSkip > open && doc_.is_word(k - 1) &&
         word_class(k - 1) == WordClass::skip)
    --k;
  if (k <= floor || !doc_.is_word(k - 1)) return TokenRange{};
  std::size_t last = k - 1;
  if (looks_place_case(doc_.lower[last])) return TokenRange{};  // `Швейцариялықтарда «…» деген сөз бар`
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
  std::size_t e = colon;
  // `Айгүл СӘРСЕНОВА, тілші:` — a transcript line: the name before the comma speaks.
  TokenRange name = header_name(colon);
  if (!name.empty()) return name;
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
  std::size_t f = doc_.para_first[doc_.para[colon]];
  if (colon + 1 != doc_.para_end(colon) || colon > f + kMaxHeaderTokens) return TokenRange{};
  bool person = doc_.has_entity(f, SpanType::PERSON);
  std::size_t e = f;
  while (e < colon && e < f + 4 && doc_.is_word(e) &&
         (person || (doc_.is_capitalized(e) && !looks_oblique(doc_.lower[e]) &&
                     word_class(e) == WordClass::none)))
    ++e;
  if (e != f && e + 1 < colon && (doc_.is_comma(e) || doc_.is_dash(e))) return TokenRange{f, e};
  // `Тілші Айгүл Сәрсенова:` — a short line ending in two or three capitalized words.
  if (colon > f + kMaxHeaderNoComma) return TokenRange{};
  std::size_t b = colon;
  while (b > f && colon - b < 3 && doc_.is_word(b - 1) && doc_.is_capitalized(b - 1) &&
         !looks_oblique(doc_.lower[b - 1]) && !looks_genitive(doc_.lower[b - 1]) &&
         word_class(b - 1) == WordClass::none)
    --b;
  if (colon - b < 2) return TokenRange{};
  for (std::size_t i = f; i < b; ++i)
    if (!doc_.is_word(i) || (!doc_.is_capitalized(i) && looks_finite_verb(doc_.lower[i])))
      return TokenRange{};
  return TokenRange{b, colon};
}

// The speaker within a lead-in phrase [b, e): without a trailing predicate or adjuncts
// (`Әкім жиында сөйледі` -> `Әкім`), a pronoun if there is one, else the named part, else the
// last six words.
TokenRange Matcher::named_part(std::size_t b, std::size_t e) const {
  while (e > b + 1 && !doc_.is_capitalized(e - 1) &&
         (looks_finite_verb(doc_.lower[e - 1]) || looks_oblique(doc_.lower[e - 1]) ||
          word_class(e - 1) == WordClass::skip))
    --e;
  if (e <= b) return TokenRange{};
  for (std::size_t t = e; t-- > b;)
    if (word_class(t) == WordClass::pronoun && !speaker_entity(t)) return TokenRange{t, t + 1};
  for (std::size_t t = b; t < e; ++t)
    if (speaker_entity(t) && (doc_.has_entity(t, SpanType::PERSON) || t + 6 >= e)) {
      std::size_t s = t;
      while (s > b && speaker_entity(s - 1)) --s;
      return TokenRange{s, std::min(e, extend_role(entity_chain(t, e).end, e))};
    }
  // `…сөз алған облыс әкімі Нұрлыбек Налибаев өңірдің даму`: end after a role word and the
  // capitalized name that follows it.
  for (std::size_t t = e; t-- > b;) {
    if (!role_like(t)) continue;
    std::size_t end = t + 1;
    while (end < e && doc_.is_capitalized(end)) ++end;
    // One modifier before the role (`облыс әкімі`), not a participle (`сөз алған министр`).
    std::size_t start = t > b && !looks_finite_verb(doc_.lower[t - 1]) ? t - 1 : t;
    return TokenRange{start, end};
  }
  if (e - b > 6) b = e - 6;
  return TokenRange{b, e};
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

bool Matcher::report_sentence(std::size_t s, Cue& cue, TokenRange& speaker) const {
  if (s >= doc_.size()) return false;
  std::size_t limit = std::min(doc_.sent_end(s), doc_.para_end(s));
  if (limit - s > kMaxReportTokens) return false;
  std::size_t b = 0;
  bool opened = false;
  for (const Form& f : tables_.report_openers)
    if (form_at(f, s, limit, b)) {
      opened = true;
      break;
    }
  if (!opened) b = s;
  std::size_t e = limit;
  while (e > b && doc_.is_punct(e - 1)) --e;
  for (const Form& f : tables_.report_verbs) {
    std::size_t n = f.words.size(), end = 0;
    if (e < b + n || !form_at(f, e - n, e, end)) continue;
    // `«…». Министр осылай деді.`: a verb with `осылай` points back by itself; others need
    // an opener (`Бұл туралы …`).
    if (!opened && f.words[0] != "осылай" && f.words[0] != "osylai") return false;
    if (!opened && !names_someone(TokenRange{b, e - n})) return false;
    cue = Cue{TokenRange{e - n, e}, nullptr, false};
    std::size_t sb = b, se = e - n;
    while (sb < se && !doc_.is_word(sb)) ++sb;
    while (se > sb && !doc_.is_word(se - 1)) --se;
    speaker = se > sb ? named_part(sb, se) : TokenRange{};
    return true;
  }
  return false;
}

TokenRange Matcher::passive_source(std::size_t i, std::size_t limit) const {
  for (std::size_t k = i; k < limit && k < i + kMaxSpeakerTokens && speaker_token(k); ++k) {
    if (word_class(k) != WordClass::message) continue;
    std::size_t e = k;  // `министрлік таратқан ақпаратта`: without the participle
    while (e > i && !doc_.is_capitalized(e - 1) && looks_finite_verb(doc_.lower[e - 1])) --e;
    // `делінген алғашқы хабарламада`: an adjective names nobody.
    if (e == i + 1 && !doc_.is_capitalized(i) && doc_.entity[i] < 0 &&
        looks_adjectival(doc_.lower[i]))
      return TokenRange{};
    return TokenRange{i, e};
  }
  return TokenRange{};
}

bool Matcher::names_someone(TokenRange r) const {
  for (std::size_t i = r.begin; i < r.end; ++i)
    if (doc_.has_entity(i, SpanType::PERSON) || doc_.has_entity(i, SpanType::POSITION) ||
        word_class(i) == WordClass::pronoun || role_like(i))
      return true;
  return false;
}

const Form* Matcher::lead_at(std::size_t t, std::size_t e) const {
  for (const Form& form : tables_.lead_verbs) {
    std::size_t end = 0;
    if (form_at(form, t, e, end) && end == e) return &form;
  }
  return nullptr;
}

bool Matcher::lead_before(std::size_t f, Cue& cue, TokenRange& speaker, bool& announces) const {
  if (f < 2 || !doc_.is_terminator(f - 1) || doc_.word(f - 1) != ".") return false;
  std::size_t e = f - 1, floor = std::max(doc_.sent_begin(e - 1), doc_.para_first[doc_.para[e - 1]]);
  for (const Form& form : tables_.lead_verbs) {
    std::size_t n = form.words.size(), end = 0;
    if (e < floor + n + 1 || !form_at(form, e - n, e, end)) continue;
    // `Захарова «…» деп мәлімдеді.`: the verb is the cue of a quote of its own.
    std::size_t prev = e - n - 1;
    if (doc_.lower[prev] == "деп" || doc_.lower[prev] == "dep" || !doc_.is_word(prev)) return false;
    announces = form.words[0].rfind("былай", 0) == 0;
    cue = Cue{TokenRange{e - n, e}, nullptr, false};
    std::size_t verb = e - n;
    while (verb > floor && word_class(verb - 1) == WordClass::skip) --verb;
    speaker = named_part(floor, verb);
    // `Ел Президентінің … тапсырмаларға тоқталды`: a genitive is a possessor, not the speaker.
    if (speaker.empty() || !names_someone(speaker) || looks_genitive(doc_.lower[speaker.end - 1]))
      speaker = person_before(verb, doc_.para_first[doc_.para[verb]]);
    return !speaker.empty();
  }
  return false;
}

// The last PERSON span starting at or after `floor` and ending by `end`.
TokenRange Matcher::person_before(std::size_t end, std::size_t floor) const {
  if (end > floor + kMaxLeadTokens) floor = end - kMaxLeadTokens;  // linear on long paragraphs
  for (std::size_t i = end; i-- > floor;) {
    if (!doc_.has_entity(i, SpanType::PERSON)) continue;
    std::size_t b = i;
    while (b > floor && doc_.entity[b - 1] == doc_.entity[i]) --b;
    return TokenRange{b, i + 1};
  }
  return TokenRange{};
}

bool looks_adjectival(std::string_view w) {
  for (std::string_view g : {"ғы", "гі", "қы", "кі"})
    if (ends_with(w, g)) return true;
  return false;
}

bool looks_genitive(std::string_view w) {
  for (std::string_view g : {"ның", "нің", "дың", "дің", "тың", "тің"})
    if (ends_with(w, g)) return true;
  return false;
}

TokenRange Matcher::subject_of(std::size_t b, std::size_t e, bool genitive) const {
  if (e <= b) return TokenRange{};
  TokenRange r = named_part(b, e);
  if (r.empty() || !names_someone(r) || (!genitive && looks_genitive(doc_.lower[r.end - 1])))
    return TokenRange{};
  return r;
}

bool Matcher::subject_then_cue(std::size_t k, std::size_t limit, Cue& out) const {
  std::size_t e = k;
  while (e < limit && e < k + kMaxSpeakerTokens && doc_.is_word(e)) {
    std::size_t end = 0;
    const Verb* v = e > k ? verb_at(e, limit, end) : nullptr;
    if (v && v->agent == Verb::Agent::any && v->cls != "as_said") {
      if (!names_someone(TokenRange{k, e})) return false;
      out = Cue{TokenRange{e, end}, v, false, TokenRange{k, e}};
      return true;
    }
    if (word_class(e) != WordClass::skip && !doc_.is_capitalized(e) && doc_.entity[e] < 0 &&
        word_class(e) == WordClass::none && looks_finite_verb(doc_.lower[e]))
      return false;
    ++e;
  }
  return false;
}

}  // namespace belgi::quotes
