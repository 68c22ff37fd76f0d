#include "quotes/finder_rules.h"

#include <algorithm>
#include <string_view>

namespace belgi::quotes {

void Finder::dash_paragraphs() {
  std::size_t np = doc_.para_first.size(), run_next = static_cast<std::size_t>(-1);
  Attribution run_attr;
  for (std::size_t p = 0; p < np; ++p) {
    if (!dash_opened(p)) continue;
    if (p > 0 && !dash_opened(p - 1)) glued_question(p);
    std::size_t f = doc_.para_first[p], end = doc_.para_end(f);
    if (in_pair_[f]) continue;
    std::size_t seg = f + 1;
    bool any = false;
    Attribution last;
    for (;;) {
      std::size_t dash = 0;
      Cue cue;
      if (!inner_attribution(seg, end, dash, cue)) break;
      if (in_pair_[dash]) break;
      Attribution a = attribute(cue, end, static_cast<std::size_t>(-1));
      if (a.speaker.empty() && !(cue.verb && cue.verb->agent == Verb::Agent::none))
        a.speaker = speaker_of_colon_before(p);  // `…Дархан Мыңбай:\n— …, — деді.`
      emit(QuoteKind::dash, TokenRange{seg, content_end(dash)}, a, "dash_cue", 0.9f);
      any = true;
      last = a;
      std::size_t k = a.end;
      if (k < end && (doc_.is_terminator(k) || doc_.is_comma(k))) ++k;
      if (!(k < end && doc_.is_dash(k))) {
        seg = end;
        break;
      }
      seg = k + 1;
    }
    if (any && seg < end) emit(QuoteKind::dash, TokenRange{seg, end}, last, "dash_cue", 0.85f);
    if (!any && colon_before_paragraph(p, run_attr)) {
      run_next = p + 1;
      continue;
    }
    // `Әкім былай деді:\n— Бірінші …\n— Екінші …`: the colon's speaker goes on over the run.
    if (!any && p == run_next && !run_has_question(p) && sentence_shaped(p, 2) && !list_run(p)) {
      TokenRange r{f + 1, end};
      while (r.end > r.begin && doc_.is_terminator(r.end - 1)) --r.end;
      emit(QuoteKind::dash, r, run_attr, "dash_colon", 0.75f);
      run_next = p + 1;
      continue;
    }
    if (!any && interview_turn(p)) {
      TokenRange r{f + 1, end};
      while (r.end > r.begin && doc_.is_terminator(r.end - 1)) --r.end;
      emit(QuoteKind::dash, r, turn_attribution(p), "dash_turn", 0.7f);
    }
  }
}

// `…әңгімелескен едік.– Эльвира Әбілқасымқызы, … не береді?` before the run of dash
// paragraphs at p: the interview's first question, glued to the paragraph before (a dash
// after its last-but-one sentence, the rest a question), is a turn too.
void Finder::glued_question(std::size_t p) {
  std::size_t f = doc_.para_first[p - 1], end = doc_.para_end(f);
  if (!question(p - 1) || list_run(p) || in_pair_[end - 1]) return;
  std::size_t d = end - 1;
  while (d > f + 1 && !doc_.is_terminator(d - 1)) --d;
  if (d <= f + 1 || !doc_.is_dash(d) || !sentence_shaped_from(d + 1, end, 3)) return;
  TokenRange r{d + 1, end};
  while (r.end > r.begin && doc_.is_terminator(r.end - 1)) --r.end;
  emit(QuoteKind::dash, r, Attribution{}, "dash_turn", 0.65f);
}

// The speaker of a colon closing the paragraph before p (`…директоры Дархан Мыңбай:`).
TokenRange Finder::speaker_of_colon_before(std::size_t p) const {
  if (p == 0 || !doc_.is_colon(doc_.para_first[p] - 1)) return TokenRange{};
  Cue verb;
  return m_.colon_speaker(doc_.para_first[p] - 1, verb);
}

std::size_t Finder::sentences(std::size_t p) const {
  std::size_t n = 0;
  for (std::size_t i = doc_.para_first[p], end = doc_.para_end(i); i < end; ++i)
    n += doc_.is_terminator(i) && (i + 1 == end || !doc_.is_terminator(i + 1));
  return n;
}

bool Finder::question(std::size_t p) const {
  return doc_.word(doc_.para_end(doc_.para_first[p]) - 1).find('?') != std::string_view::npos;
}

// An interview's answer turn is the guest's: the `NAME, ROLE:` header right before the run,
// else the nearest PERSON before the run (`…жаттықтырушы Серік Омаров тілшіге
// әңгімелеп берді.`). Questions, and turns outside an interview, name nobody.
Attribution Finder::turn_attribution(std::size_t p) const {
  Attribution a;
  std::size_t run = run_of(p).first, first = doc_.para_first[run];
  if (!run_has_question(p)) {  // `Әкім … тапсырмаларға тоқталды.\n- …`
    Cue cue;
    bool announces = false;
    // Without a lead, the subject of the last sentence before the run, when it names someone
    // (`Ауыл тұрғыны Серік Ахметов бізді қарсы алды.\n– Биыл …`); not after a question (a
    // glued interview question names whom it asks).
    if (!m_.lead_before(first, cue, a.speaker, announces)) {
      a.speaker = speaker_later_in_run(p);
      if (a.speaker.empty() && first > 0 && doc_.word(first - 1).find('?') == std::string_view::npos)
        a.speaker = speaker_before_quote(first + 1);
      return a;
    }
    a.has_cue = announces;
    if (announces) a.cue = cue;
    return a;
  }
  if (question(p)) return a;
  a.speaker = speaker_of_colon_before(run);
  if (!a.speaker.empty() && !m_.header_name(first - 1).empty()) return a;
  std::size_t floor = first;  // the guest is named less than kNearTurnBytes before the run
  while (floor > 0 && doc_.tok[first].begin - doc_.tok[floor - 1].end < kNearTurnBytes) --floor;
  a.speaker = m_.person_before(first, floor);
  // `Сұхбат барысында әкім бірнеше сұраққа жауап берді.\n– …?\n– …`: no PERSON, a lead's role.
  Cue cue;
  bool announces = false;
  if (a.speaker.empty()) m_.lead_before(first, cue, a.speaker, announces);
  return a;
}

// `Министр былай деді:\n— Біз …`: the paragraph before ends with a colon and names the speaker
// (its attribution is `out`).
bool Finder::colon_before_paragraph(std::size_t p, Attribution& out) {
  if (p == 0) return false;
  std::size_t f = doc_.para_first[p], colon = f - 1;
  if (!doc_.is_colon(colon) || list_run(p) || !(sentence_shaped(p, 2) || cut_off(f + 1))) return false;
  // `Марат ҚАБЫШЕВ, кинорежиссер:\n– …келуіңізге не себеп болды?`: the interviewer's question.
  if (question(p) && !m_.header_name(colon).empty()) return false;
  Cue verb;
  Attribution a;
  a.speaker = m_.colon_speaker(colon, verb);
  if (a.speaker.empty() && verb.range.empty()) return false;
  // `Нәтижесінде:`, `Биылғы жұмыс қорытындысы:` are lead-ins to a list, not speakers: without
  // a verb the phrase names someone (a PERSON, role, pronoun) or is a name in capitals.
  if (verb.range.empty() && (looks_oblique(doc_.lower(a.speaker.end - 1)) || !names_or_capitals(a.speaker)))
    return false;
  // `Жеңімпаздар:`, `Маман бірнеше кеңес берді:` (no speech verb, no `NAME, ROLE:` header) before
  // two one-sentence items or more: a list, as a run with no lead (run_reads_as_speech).
  if (verb.range.empty() && m_.header_name(colon).empty() && run_of(p).second - p >= 2 &&
      !run_reads_as_speech(p, run_of(p).second))
    return false;
  a.has_cue = true;
  a.cue = verb.range.empty() ? Cue{TokenRange{colon, colon + 1}, nullptr, true} : verb;
  a.end = doc_.para_end(f);
  emit(QuoteKind::dash, TokenRange{f + 1, a.end}, a, "dash_colon", 0.8f);
  out = a;
  return true;
}

bool Finder::names_or_capitals(TokenRange r) const {
  if (m_.names_someone(r)) return true;
  for (std::size_t i = r.begin; i < r.end; ++i)
    if (doc_.is_word(i) && !doc_.is_capitalized(i)) return false;
  return true;
}

// A dash paragraph without a cue is a turn of an interview when it reads as a sentence
// (capital, 2+ words, terminator) and its run of dash paragraphs is not a list (no `;`-ended
// item, no one-sentence item opened by a number) and holds a question, or the text is this
// one paragraph (then 4+ words).
// A run without a question counts too when its turns read as speech, not as a list: this
// one 4+ words, every one a sentence, not after a list lead-in (`Нәтижесінде:`). A hyphen
// opens list items more often than speech (`- Ауыр атлет … рекордтарды жаңартты.`): a
// hyphen-opened turn outside an interview stands alone and holds two sentences or more.
bool Finder::interview_turn(std::size_t p) const {
  bool hyphen = doc_.word(doc_.para_first[p]) == "-";
  // `– Жөнделді.`: a one-word answer is a turn in an interview (a run with a question).
  std::size_t min_words = hyphen ? 4 : (run_has_question(p) ? 1 : 2);
  if (!sentence_shaped(p, min_words) && !cut_off(doc_.para_first[p] + 1)) return false;
  if (doc_.para_first.size() == 1) return sentence_shaped(p, 4);
  if (list_run(p)) return false;
  if (run_has_question(p)) return true;
  auto [b, e] = run_of(p);
  if (b > 0 && doc_.is_colon(doc_.para_first[b] - 1)) return false;  // a list, or dash_colon's run
  if (hyphen && (e - b != 1 || sentences(p) < 2)) return false;
  for (std::size_t q = b; q < e; ++q)
    if (!sentence_shaped(q, 1) && !cut_off(doc_.para_first[q] + 1)) return false;
  return (e - b == 1 && !after_heading(b)) || run_reads_as_speech(b, e);
}

// The paragraph before p is a heading (`БАҚ ӨКІЛДЕРІНЕ`, `Маңызды ақпарат`, `Ескерту!`): eight
// words or fewer with no terminator (a long sentence that lost its period is narration), or
// three words or fewer. A lone dash paragraph after it is an item, not speech.
bool Finder::after_heading(std::size_t p) const {
  if (p == 0) return false;
  std::size_t f = doc_.para_first[p - 1], end = doc_.para_end(f), n = words(TokenRange{f, end}, 9);
  return n <= 3 || (n <= 8 && !doc_.is_terminator(end - 1));
}

// Two dash paragraphs or more with no question: speech when a lead names who speaks, or some
// turn holds two sentences or an attribution; one-sentence items alone are a list
// (`Жиында мынадай мәселелер қаралды.\n– … бекітілді.\n– … талқыланды.`).
bool Finder::run_reads_as_speech(std::size_t b, std::size_t e) const {
  Cue cue;
  TokenRange speaker;
  bool announces = false;
  if (m_.lead_before(doc_.para_first[b], cue, speaker, announces)) return true;
  for (std::size_t q = b; q < e; ++q) {
    std::size_t f = doc_.para_first[q], end = doc_.para_end(f), dash = 0;
    if (sentences(q) >= 2 || inner_attribution(f + 1, end, dash, cue)) return true;
  }
  return false;
}

// `– Биыл …\n– Келесі жылы …, – деді әкім.`: a run of dash paragraphs with no question, closed
// by an attribution, is one speaker's: the speaker of the first attributed turn after p.
TokenRange Finder::speaker_later_in_run(std::size_t p) const {
  for (std::size_t q = p + 1, e = run_of(p).second; q < e; ++q) {
    std::size_t f = doc_.para_first[q], end = doc_.para_end(f), dash = 0;
    Cue cue;
    if (in_pair_[f] || !inner_attribution(f + 1, end, dash, cue) || in_pair_[dash]) continue;
    return attribute(cue, end, static_cast<std::size_t>(-1)).speaker;
  }
  return TokenRange{};
}

// The run of dash paragraphs around p, capped at 50 each way.
std::pair<std::size_t, std::size_t> Finder::run_of(std::size_t p) const {
  std::size_t b = p, e = p + 1, np = doc_.para_first.size();
  while (b > 0 && p - b < kMaxRun && dash_opened(b - 1)) --b;
  while (e < np && e - p < kMaxRun && dash_opened(e)) ++e;
  return {b, e};
}

// A list: some item of the run ends with `;` or opens with a number.
bool Finder::list_run(std::size_t p) const {
  auto [b, e] = run_of(p);
  for (std::size_t q = b; q < e; ++q) {
    std::size_t f = doc_.para_first[q], last = doc_.para_end(f) - 1;
    // `— 2020 жылы біз …` opens an answer, `- 461 мың ваучер берілді` an item.
    bool number = doc_.tok[f + 1].kind == text::TokenKind::number && sentences(q) < 2;
    if (doc_.word(last) == ";" || number) return true;
  }
  return false;
}

bool Finder::run_has_question(std::size_t p) const {
  auto [b, e] = run_of(p);
  for (std::size_t q = b; q < e; ++q) {
    std::size_t last = doc_.para_end(doc_.para_first[q]) - 1;
    if (doc_.word(last).find('?') != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace belgi::quotes
