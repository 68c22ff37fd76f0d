// Sentences that attribute a quote next to them: a report sentence after it (`Бұл туралы
// министр айтты.`), a lead sentence closing the paragraph before it (`Министр … тоқталды.`).
#include "quotes/attribution.h"

#include <algorithm>

namespace belgi::quotes {

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
  const ReportVerb* v = ending_at(tables_.report_verbs, tables_.report_verb_ends, b, e);
  if (!v) return false;
  std::size_t n = v->form.words.size();
  // `«…». Министр осылай деді.`: a verb_alone points back by itself; others need an opener
  // (`Бұл туралы …`).
  if (!opened && !v->alone) return false;
  if (!opened && !names_someone(TokenRange{b, e - n})) return false;
  cue = Cue{TokenRange{e - n, e}, nullptr, false};
  std::size_t sb = b, se = e - n;
  while (sb < se && !doc_.is_word(sb)) ++sb;
  while (se > sb && !doc_.is_word(se - 1)) --se;
  speaker = se > sb ? named_part(sb, se) : TokenRange{};
  return true;
}

// The longest form of `verbs` spanning [e - n, e) with e - n >= floor (`осылай айтты`, not
// `айтты` alone), or null. `ends`: the forms' last words (Tables).
const ReportVerb* Matcher::ending_at(const std::vector<ReportVerb>& verbs, const WordIndex& ends,
                                     std::size_t floor, std::size_t e) const {
  if (e <= floor || !doc_.is_word(e - 1) || !ends.has(doc_.lower(e - 1))) return nullptr;
  const ReportVerb* best = nullptr;
  for (const ReportVerb& v : verbs) {
    std::size_t n = v.form.words.size(), end = 0;
    if (e < floor + n || (best && n <= best->form.words.size())) continue;
    if (form_at(v.form, e - n, e, end)) best = &v;
  }
  return best;
}

bool Matcher::lead_at(std::size_t t, std::size_t e) const {
  for (const ReportVerb& v : tables_.lead_verbs) {
    std::size_t end = 0;
    if (form_at(v.form, t, e, end) && end == e) return true;
  }
  return false;
}

bool Matcher::lead_before(std::size_t f, Cue& cue, TokenRange& speaker, bool& announces) const {
  if (f < 2 || !doc_.is_terminator(f - 1) || doc_.word(f - 1) != ".") return false;
  std::size_t e = f - 1, floor = std::max(doc_.sent_begin(e - 1), doc_.para_first[doc_.para[e - 1]]);
  const ReportVerb* v = ending_at(tables_.lead_verbs, tables_.lead_verb_ends, floor + 1, e);
  if (!v) return false;
  std::size_t n = v->form.words.size();
  // `Захарова «…» деп мәлімдеді.`: the verb is the cue of a quote of its own.
  std::size_t prev = e - n - 1;
  if (!doc_.is_word(prev) || particle_at(prev)) return false;
  announces = v->announces;
  cue = Cue{TokenRange{e - n, e}, nullptr, false};
  std::size_t verb = e - n;
  while (verb > floor && word_class(verb - 1) == WordClass::skip) --verb;
  speaker = named_part(floor, verb);
  // `Ел Президентінің … тапсырмаларға тоқталды`: a genitive is a possessor, not the speaker.
  if (speaker.empty() || !names_someone(speaker) || looks_genitive(doc_.lower(speaker.end - 1)))
    speaker = person_before(verb, doc_.para_first[doc_.para[verb]]);
  return !speaker.empty();
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

}  // namespace belgi::quotes
