// Cues: the speech-verb forms of the tables at a token, and the cue after a quote.
#include "quotes/attribution.h"

#include <algorithm>

namespace belgi::quotes {

namespace {

bool speaker_type(SpanType t) {
  return t == SpanType::PERSON || t == SpanType::ORGANISATION || t == SpanType::POSITION ||
         t == SpanType::GPE || t == SpanType::NORP;
}

}  // namespace

Matcher::Matcher(const Doc& doc, const Tables& tables) : doc_(doc), tables_(tables) {}

bool Matcher::form_at(const Form& f, std::size_t i, std::size_t limit, std::size_t& end) const {
  std::size_t n = f.words.size();
  if (i + n > limit) return false;
  for (std::size_t k = 0; k < n; ++k) {
    if (!doc_.is_word(i + k)) return false;
    std::string_view w = doc_.lower(i + k);
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
  auto it = tables_.verbs_by_first.find(doc_.lower(i));
  if (it == tables_.verbs_by_first.end()) return nullptr;
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

bool Matcher::title_at(std::size_t i, std::size_t limit, std::size_t& end, bool names_only) const {
  bool found = false;
  std::size_t e = 0;
  // The longest match: the same whichever order the titles are tried in. Only those that can
  // start at word i (Tables::titles_by_lead); at no word (or past limit), only the short ones.
  auto try_titles = [&](const std::vector<std::uint32_t>& rows) {
    for (std::uint32_t r : rows) {
      const TitleWord& t = tables_.titles[r];
      if ((!names_only || t.reason == "title") && form_at(t.form, i, limit, e) && (!found || e > end)) {
        found = true;
        end = e;
      }
    }
  };
  if (i < limit && doc_.is_word(i)) {
    const std::size_t key = Tables::lead_key(doc_.lower(i));
    if (key != Tables::kShortLead) try_titles(tables_.titles_by_lead[key]);
  }
  try_titles(tables_.titles_by_lead[Tables::kShortLead]);
  return found;
}

bool Matcher::name_noun_at(std::size_t i, std::size_t limit) const {
  for (std::size_t k = i; k < limit && k < i + 3; ++k) {
    if (!doc_.is_word(k)) return false;
    std::size_t e = 0;
    // `«…» деген сөзі`: a cue or title word is no modifier of a type noun.
    if (tables_.verbs_by_first.count(doc_.lower(k)) || title_at(k, limit, e)) return false;
    if (tables_.name_noun_words.has(doc_.lower(k))) return true;
    if (doc_.is_capitalized(k)) return false;
  }
  return false;
}

MarkRole Matcher::mark_role(std::size_t i) const {
  return doc_.is_punct(i) ? quotes::mark_role(tables_.marks, doc_.word(i)) : MarkRole::none;
}

WordClass Matcher::word_class(std::size_t i) const {
  WordClass c = tables_.speaker_word(doc_.lower(i));
  return c == WordClass::pronoun_one ? WordClass::pronoun : c;
}

bool Matcher::points_to_one(std::size_t i) const {
  return tables_.speaker_word(doc_.lower(i)) == WordClass::pronoun_one;
}

bool Matcher::particle_at(std::size_t i) const {
  std::size_t end = 0;
  const Verb* v = verb_at(i, i + 1, end);
  return v && v->cls == "particle";
}

bool Matcher::cue_at(std::size_t i, std::size_t limit, bool dashed, Cue& out, bool loose) const {
  if (i >= limit || !doc_.is_word(i)) return false;
  std::size_t end = 0, title_end = 0;
  const Verb* v = verb_at(i, limit, end);
  if (!dashed && title_at(i, limit, title_end) && (!v || end <= title_end)) return false;
  // `«Ауылдағы мектеп» — деп аталатын жоба`: a naming verb makes a name after a dash too.
  if (dashed && title_at(i, limit, title_end, true) && (!v || end <= title_end)) return false;
  if (!v || v->cls == "as_said") return false;
  bool bare_dep = v->cls == "particle";
  if (bare_dep && end < limit && doc_.is_word(end)) {
    TokenRange common;  // `«…» деп ауыл тұрғындары шағымданады.`: the speaker, named before the verb
    if (subject_clause(end, limit, common)) {  // `«…» деп Асхат Жұмағали атап өтті.`
      out = Cue{TokenRange{i, end}, v, false, common};
      return true;
    }
    // `«…» деп тағы да уәде берді` (speech-like words in marks), `– деп қатаң ескертті
    // прокурор`, `– деп сөз берді`: the cue runs to a finite verb a few words on.
    if (dashed || loose) {
      std::size_t t = verb_within(end, limit);
      if (t != 0) {
        out = Cue{TokenRange{i, t + 1}, nullptr, false};
        return true;
      }
    }
    if (!dashed || doc_.is_capitalized(end)) return false;
    if (looks_oblique(doc_.lower(end)) || word_class(end) == WordClass::skip) {
      out = Cue{TokenRange{i, end}, v, false};  // `– деп министрлікке сын айтты`
      return true;
    }
    out = Cue{TokenRange{i, end + 1}, nullptr, false};  // `– деп кейіп отыр`: generic
    return true;
  }
  out = Cue{TokenRange{i, end}, v, false};
  return true;
}

// The first finite verb among the lower-case words from b (at most 4), or 0: the verb of a cue
// phrase `деп <adverb or object> <verb>`, also a past in -ты/-ті (`деп қатаң ескертті
// прокурор`). A verb shape followed by another one is an accusative (`деп мердігерді сынады`).
std::size_t Matcher::verb_within(std::size_t b, std::size_t limit) const {
  for (std::size_t t = b; t < limit && t < b + 4 && doc_.is_word(t) && !doc_.is_capitalized(t); ++t) {
    bool next_verb = t + 1 < limit && doc_.is_word(t + 1) && !doc_.is_capitalized(t + 1) &&
                     looks_finite_verb(doc_.lower(t + 1));
    if (next_verb) continue;
    if (looks_finite_verb(doc_.lower(t)) || (t > b && looks_past_t(doc_.lower(t)))) return t;
  }
  return 0;
}

// A subject (a PERSON, POSITION or ORGANISATION, a role word or `ол`) at k, and a finite verb
// closing its clause (`деп Асхат Жұмағали атап өтті`, `деп ол айтты`).
bool Matcher::subject_clause(std::size_t k, std::size_t limit, TokenRange& common) const {
  bool subject = doc_.has_entity(k, SpanType::PERSON) || doc_.has_entity(k, SpanType::POSITION) ||
                 doc_.has_entity(k, SpanType::ORGANISATION) || word_class(k) == WordClass::role ||
                 word_class(k) == WordClass::pronoun;
  // `деп (ауыл) тұрғындары шағымданады`: people named by a common noun, after up to two
  // lower-case modifiers.
  for (std::size_t h = k; !subject && h < k + 3 && h < limit && doc_.is_word(h) && !doc_.is_capitalized(h); ++h)
    if (people(h)) {
      subject = true;
      common = TokenRange{k, h + 1};
      k = h;
    }
  if (!subject) return false;
  for (std::size_t t = k + 1; t < limit && t < k + kMaxSpeakerTokens + 2 && speaker_token(t); ++t) {
    if (doc_.is_capitalized(t) || doc_.entity[t] >= 0) continue;
    if (looks_finite_verb(doc_.lower(t)) || lead_at(t, std::min(limit, t + 1)) ||
        (t + 2 <= limit && lead_at(t, t + 2)))
      return true;
  }
  return false;
}

// A person or role noun (speakers.tsv), also in the plural with or without a possessive
// (`тұрғын`, `тұрғындар`, `тұрғындары`, `сарапшылар`).
bool Matcher::people(std::size_t i) const {
  WordClass c = word_class(i);
  if (c == WordClass::person || c == WordClass::role) return true;
  std::string_view w = doc_.lower(i);
  for (std::string_view suf : {"лар", "лер", "дар", "дер", "тар", "тер", "лары", "лері", "дары", "дері", "тары", "тері"}) {
    if (w.size() <= suf.size() || w.substr(w.size() - suf.size()) != suf) continue;
    WordClass stem = tables_.speaker_word(w.substr(0, w.size() - suf.size()));
    if (stem == WordClass::person || stem == WordClass::role) return true;
  }
  return false;
}

bool Matcher::subject_then_cue(std::size_t k, std::size_t limit, Cue& out) const {
  std::size_t e = k;
  while (e < limit && e < k + kMaxSpeakerTokens && doc_.is_word(e)) {
    std::size_t end = 0;
    const Verb* v = e > k ? verb_at(e, limit, end) : nullptr;
    if (v && v->agent == Verb::Agent::any && v->cls != "as_said") {
      // `– журналистерге берген сұхбатында деді министр`: adjuncts name nobody, the speaker
      // comes after the cue.
      bool subject = names_someone(TokenRange{k, e});
      if (!subject && !adjuncts(k, e)) return false;
      out = Cue{TokenRange{e, end}, v, false, subject ? TokenRange{k, e} : TokenRange{}};
      return true;
    }
    if (word_class(e) != WordClass::skip && !doc_.is_capitalized(e) && doc_.entity[e] < 0 &&
        word_class(e) == WordClass::none && looks_finite_verb(doc_.lower(e)))
      return false;
    ++e;
  }
  return false;
}

// Lower-case words in an oblique case or participles, the last one oblique (`журналистерге
// берген сұхбатында`, `брифингте`): where and to whom, not who.
bool Matcher::adjuncts(std::size_t b, std::size_t e) const {
  for (std::size_t t = b; t < e; ++t)
    if (!doc_.is_word(t) || doc_.is_capitalized(t) || doc_.entity[t] >= 0) return false;
  return looks_oblique(doc_.lower(e - 1));
}

bool Matcher::speaker_token(std::size_t i) const {
  return doc_.is_word(i) || doc_.tok[i].kind == text::TokenKind::number ||
         (doc_.is_punct(i) && mark_role(i) != MarkRole::none);
}

bool Matcher::speaker_entity(std::size_t i) const {
  return doc_.entity[i] >= 0 &&
         speaker_type(doc_.ctx.spans[static_cast<std::size_t>(doc_.entity[i])].type);
}

}  // namespace belgi::quotes
