#include "quotes/finder_rules.h"

#include <string_view>

namespace belgi::quotes {

void Finder::marks(const Pair& p, std::size_t& chain_end, Attribution& chained) {
  if (p.open_end) return cut_off_pair(p);
  TokenRange content{p.open + 1, p.close};
  if (content.empty()) return;
  std::size_t limit = doc_.para_end(p.close);
  std::size_t j = p.close + 1;
  if (j < limit && m_.name_noun_at(j, limit)) return;  // `«Қазақпарат» агенттігі`
  if (split(p, chain_end, chained)) return;
  bool dashed = false, short_words = words(content) <= 3 && !has_terminator(content);
  Cue cue;
  bool loose = has_terminator(content) || words(content, 8) >= 8;
  if (cue_after(j, limit, cue, dashed, loose)) {
    bool thought = cue.verb && cue.verb->cls == "think" && nominal_sentence(content);
    if (!dashed && !thought && one_entity(content)) return;  // `«Қазақпарат» деп хабарлайды`
    // `Оны «халық батыры» деп ауыл тұрғындары құрметтейді`: people named by a common noun
    // after `деп` call something so; their speech is longer than a term.
    if (!dashed && short_words && !cue.subject.empty()) return;
    Attribution a = attribute(cue, limit, p.open);
    // Without a dash, short words need a named speaker (`«жеткіліксіз» деді` is not a quote),
    // and a saying particle with no speaker makes a saying (`«…» дейді ғой`).
    if (!dashed && a.speaker.empty() && (short_words || saying_after(cue.range.end, limit))) return;
    // `деген пікірде` names the thinker before the mark, or after a dash (`«…», – деген
    // пікірде Серік Омаров`).
    if (a.speaker.empty() && cue.verb && cue.verb->agent == Verb::Agent::before) {
      if (dashed) a.speaker = m_.speaker_after(cue.range.end, limit, a.end);
      if (a.speaker.empty()) return;
    }
    emit(QuoteKind::guillemets, content, a, dashed ? "marks_dash_cue" : "marks_cue", dashed ? 0.95f : 0.85f);
    if (thought && one_entity(content)) out_.back().over_name = true;  // emitted: it has words
    chain_end = a.end;
    chained = a;
    dash_after_attribution(a, limit);
    return;
  }
  if (!dashed && said_by_person(content, j, limit)) return;
  std::size_t title_end = 0;
  if (!dashed && j < limit && m_.title_at(j, limit, title_end)) return;  // `«…» деп аталады`, `«…» деген сөз`
  if (chained_quote(p, chain_end, chained)) return;
  if (!short_words && dashed && name_after_dash(p, content, limit)) return;
  bool name = one_entity(content);
  if (colon_form(p, content, short_words || name)) return;
  // `Министрдің айтуынша, «тарифтер биыл өспейді»`: short words closed by a finite verb are a
  // statement after an as-said phrase (`«жеткіліксіз»` alone stays an evaluation).
  bool statement = words(content) >= 2 && doc_.is_word(content.end - 1) &&
                   looks_finite_verb(doc_.lower(content.end - 1));
  if (name || (short_words && !statement)) return;
  if (as_said(p, content) || short_words) return;
  if (report_after(p, content)) return;
  if (fills_paragraph(p) && (lead_paragraph(p, content) || continued_paragraph(p, content))) return;
  // `Серік Омаров … айтты. «Енді …».`: a whole sentence in marks after a lead in its paragraph.
  if (p.open > doc_.para_first[doc_.para[p.open]] && sentence_pair(p) && lead_paragraph(p, content)) return;
  source_line(p, content, limit);
}

// `«Сізге пәтер алып беремін» деген алаяқ әйел ұсталды`: `деген`, then a person
// noun (speakers.tsv, class person or role) after at most one lower-case modifier, is the one
// who said the words (3+ words or a sentence: `«Ерлан» деген жігіт` is a name).
bool Finder::said_by_person(TokenRange content, std::size_t j, std::size_t limit) {
  std::size_t cue_end = 0;
  const Verb* v = j < limit ? m_.verb_at(j, j + 1, cue_end) : nullptr;
  if (!v || v->cls != "participle") return false;
  if ((words(content) < 3 && !has_terminator(content)) || one_entity(content)) return false;
  for (std::size_t k = j + 1; k < limit && k < j + 3 && doc_.is_word(k) && !doc_.is_capitalized(k); ++k) {
    WordClass c = m_.word_class(k);
    // `«…?» деген сауалына министр жауап берді`: an oblique noun is what was said, the role
    // after it answers.
    if (c == WordClass::none && looks_oblique(doc_.lower(k))) return false;
    if (c != WordClass::person && c != WordClass::role) continue;
    Attribution a;
    a.has_cue = true;
    a.cue = Cue{TokenRange{j, j + 1}, nullptr, false};
    a.speaker = TokenRange{j + 1, k + 1};
    a.end = k + 1;
    emit(QuoteKind::guillemets, content, a, "marks_cue", 0.75f);
    return true;
  }
  return false;
}

// The pair opens its paragraph and closes it (`«…».` alone on its line).
bool Finder::fills_paragraph(const Pair& p) const {
  std::size_t limit = doc_.para_end(p.close);
  return doc_.para_first[doc_.para[p.open]] == p.open &&
         (p.close + 1 == limit || (p.close + 2 == limit && doc_.is_terminator(p.close + 1)));
}

// `«…», – деді министр.\n«Келесі жылы …».`: a paragraph in marks right after a paragraph
// closed by a quote's attribution goes on with that speaker (no cue of its own).
bool Finder::continued_paragraph(const Pair& p, TokenRange content) {
  if (out_.empty() || words(content) < 4 || !has_terminator(content)) return false;
  const Found& prev = out_.back();
  std::size_t para = doc_.para[p.open];
  if (para == 0 || doc_.para[prev.content.begin] + 1 != para || prev.attr.speaker.empty()) return false;
  std::size_t end = prev.attr.end;
  if (end < doc_.size() && doc_.is_terminator(end)) ++end;
  if (end != doc_.para_first[para]) return false;
  Attribution a;
  a.speaker = prev.attr.speaker;
  a.end = p.close + 1;
  emit(QuoteKind::guillemets, content, a, "marks_continued", 0.7f);
  return true;
}

// A quote cut off by the end of the excerpt: it opens its paragraph or follows a colon, and
// is attributed by that colon or by a lead sentence before.
void Finder::cut_off_pair(const Pair& p) {
  TokenRange content{p.open + 1, doc_.size()};
  if (words(content, 6) < 6) return;
  bool opens = doc_.para_first[doc_.para[p.open]] == p.open;
  if (!opens && !(p.open > 0 && doc_.is_colon(p.open - 1))) return;
  if (colon_form(p, content, false)) return;
  if (opens) lead_paragraph(p, content);
}

// `Қайрат Қожамжаров … екенін атап өтті.\n«…»`: a paragraph in marks after a lead sentence.
bool Finder::lead_paragraph(const Pair& p, TokenRange content) {
  Attribution a;
  Cue cue;
  bool announces = false;
  if (!m_.lead_before(p.open, cue, a.speaker, announces) && !source_before(p.open, a.speaker))
    return false;
  a.has_cue = announces;
  if (announces) a.cue = cue;
  a.end = p.close + 1;
  emit(QuoteKind::guillemets, content, a, "marks_lead", 0.75f);
  return true;
}

// `Полицияның айтуынша, …\n"…"`: the last sentence of the paragraph before f opens with
// an as-said phrase; its speaker (a PERSON or role, else none) is the quote's.
bool Finder::source_before(std::size_t f, TokenRange& speaker) const {
  if (f < 2 || !doc_.is_terminator(f - 1)) return false;
  std::size_t sb = std::max(doc_.sent_begin(f - 1), doc_.para_first[doc_.para[f - 1]]);
  for (std::size_t t = sb; t < f && t < sb + 4; ++t) {
    std::size_t end = 0;
    const Verb* v = m_.verb_at(t, f, end);
    if (!v || v->cls != "as_said" || end >= f || !doc_.is_comma(end)) continue;
    speaker = m_.subject_of(sb, t, true);
    return true;
  }
  return false;
}

// `«…, – деді ол. – …»`: two spans with the same attribution.
bool Finder::split(const Pair& p, std::size_t& chain_end, Attribution& chained) {
  std::size_t dash = 0;
  Cue cue;
  if (!inner_attribution(p.open + 1, p.close, dash, cue)) return false;
  Attribution a = attribute(cue, p.close, p.open);
  emit(QuoteKind::guillemets, TokenRange{p.open + 1, content_end(dash)}, a, "marks_split", 0.9f);
  std::size_t k = a.end;
  if (k < p.close && (doc_.is_terminator(k) || doc_.is_comma(k))) ++k;
  if (k < p.close && doc_.is_dash(k)) ++k;
  if (k < p.close) emit(QuoteKind::guillemets, TokenRange{k, p.close}, a, "marks_split", 0.9f);
  chain_end = static_cast<std::size_t>(-1);
  chained = a;
  return true;
}

// `«…», – деді ол. – «…»`: the second pair takes the first one's attribution. Without the
// dash (`«…», – деді ол. «Бұл жол …».`), a pair that is the next sentence of the paragraph
// goes on with that speaker, no cue (as a continued paragraph).
bool Finder::chained_quote(const Pair& p, std::size_t chain_end, const Attribution& a) {
  if (chain_end == static_cast<std::size_t>(-1) || chain_end >= p.open) return false;
  std::size_t k = chain_end;
  bool period = k < p.open && doc_.is_terminator(k);
  if (k < p.open && (period || doc_.is_comma(k))) ++k;
  TokenRange content{p.open + 1, p.close};
  if (period && k == p.open && !a.speaker.empty() && sentence_pair(p)) {
    Attribution next;
    next.speaker = a.speaker;
    next.end = p.close + 1;
    emit(QuoteKind::guillemets, content, next, "marks_continued", 0.7f);
    return true;
  }
  if (!(k < p.open && doc_.is_dash(k) && k + 1 == p.open)) return false;
  emit(QuoteKind::guillemets, content, a, "marks_chained", 0.85f);
  return true;
}

// `«…», – деді ол. – Сондықтан …`: speech after the attribution opened by a dash, without marks,
// to the paragraph end (when no attribution of its own follows), is the split quote's second span.
void Finder::dash_after_attribution(const Attribution& a, std::size_t limit) {
  std::size_t k = a.end;
  if (k < limit && (doc_.is_terminator(k) || doc_.is_comma(k))) ++k;
  if (!(k + 1 < limit && doc_.is_dash(k) && doc_.is_capitalized(k + 1) && !in_pair_[k + 1])) return;
  std::size_t dash = 0;
  Cue cue;
  if (inner_attribution(k + 1, limit, dash, cue) || !sentence_shaped_from(k + 1, limit, 2)) return;
  emit(QuoteKind::unmarked, TokenRange{k + 1, limit}, a, "marks_chained", 0.8f);
}

// The pair is a whole sentence: 4+ words, a terminator closing it inside or right after the
// closing mark, then the paragraph's end or another sentence.
bool Finder::sentence_pair(const Pair& p) const {
  TokenRange content{p.open + 1, p.close};
  if (words(content) < 4) return false;
  std::size_t limit = doc_.para_end(p.close), j = p.close + 1;
  bool closed = doc_.is_terminator(p.close - 1);
  if (j < limit && doc_.is_terminator(j)) {
    closed = true;
    ++j;
  }
  return closed && (j == limit || doc_.is_capitalized(j) || in_pair_[j]);
}

// `Министр: «…»`, `ол былай деді: «…»`, or a colon ending the paragraph before.
// Short words or one entity need a speech verb before the colon (`деп жазды: «Теңге
// тұрақтанады»`), not just a label (`Фильмнің аты: «Алмас қылыш»`).
bool Finder::colon_form(const Pair& p, TokenRange content, bool weak) {
  if (p.open == 0 || !doc_.is_colon(p.open - 1)) return false;
  std::size_t colon = p.open - 1;
  if (doc_.para[colon] != doc_.para[p.open] && doc_.para_first[doc_.para[p.open]] != p.open)
    return false;
  Cue verb;
  TokenRange sp = m_.colon_speaker(colon, verb);
  if (sp.empty() && verb.range.empty()) return false;
  // `Тоқаев: «Реформалар жалғасады»`, `Прокуратура: «…»`: a PERSON, ORGANISATION, POSITION
  // or role before the colon and a clause closed by a
  // finite verb in the marks are a statement, not a label.
  bool statement = !sp.empty() && m_.is_speaker_head(sp.end - 1) &&
                   doc_.is_word(content.end - 1) && looks_finite_verb(doc_.lower(content.end - 1));
  if (weak && verb.range.empty() && !statement) return false;
  Attribution a;
  a.has_cue = true;
  a.cue = verb.range.empty() ? Cue{TokenRange{colon, colon + 1}, nullptr, true} : verb;
  a.speaker = sp;
  a.end = p.close + 1;
  emit(verb.range.empty() ? QuoteKind::colon : QuoteKind::guillemets, content, a, "marks_colon", 0.8f);
  return true;
}

// A headline `«Біз бірге күштіміз» – Тоқаев`: a dash, then a named speaker closing the paragraph.
bool Finder::name_after_dash(const Pair& p, TokenRange content, std::size_t limit) {
  std::size_t s = p.close + 1;
  if (s < limit && doc_.is_comma(s)) ++s;
  if (!(s < limit && doc_.is_dash(s))) return false;
  ++s;
  std::size_t e = limit;
  while (e > s && doc_.is_punct(e - 1)) --e;
  if (e <= s || e - s > kSourceLineMax) return false;
  bool named = doc_.has_entity(s, SpanType::PERSON) || doc_.has_entity(s, SpanType::POSITION) ||
               doc_.has_entity(s, SpanType::ORGANISATION) || m_.word_class(s) == WordClass::role ||
               m_.word_class(e - 1) == WordClass::role;  // `– аудан әкімі`
  bool capitals = e - s <= 4;  // a bare name the entity layer missed: `– Тоқаев`
  for (std::size_t i = s; i < e; ++i) {
    if (!doc_.is_word(i) || (!doc_.is_capitalized(i) && looks_finite_verb(doc_.lower(i)))) return false;
    capitals = capitals && doc_.is_capitalized(i) && !looks_oblique(doc_.lower(i));
  }
  if (!named && !capitals) return false;
  Attribution a;
  a.speaker = TokenRange{s, e};
  a.end = limit;
  emit(QuoteKind::guillemets, content, a, "marks_name_after_dash", 0.75f);
  return true;
}

// `Мемлекет басшысы атап өткендей, «…»`.
bool Finder::as_said(const Pair& p, TokenRange content) {
  Attribution a;
  if (!m_.as_said_before(p.open, a.cue, a.speaker)) return false;
  a.has_cue = true;
  a.end = p.close + 1;
  emit(QuoteKind::guillemets, content, a, "marks_as_said", 0.8f);
  return true;
}

// `«…». Бұл туралы министр брифингте айтты.` (the next sentence, same or next paragraph).
bool Finder::report_after(const Pair& p, TokenRange content) {
  std::size_t s = p.close + 1;
  bool ends = doc_.is_terminator(p.close - 1);
  if (s < doc_.size() && doc_.is_terminator(s) && doc_.para[s] == doc_.para[p.close]) {
    ends = true;
    ++s;
  }
  if (!ends || words(content) < 4 || s >= doc_.size()) return false;
  if (doc_.para[s] != doc_.para[p.close] && doc_.para[s] != doc_.para[p.close] + 1) return false;
  Attribution a;
  if (!m_.report_sentence(s, a.cue, a.speaker)) return false;
  a.has_cue = true;
  a.end = a.cue.range.end;
  emit(QuoteKind::guillemets, content, a, "marks_report_after", 0.8f);
  return true;
}

// `"…күтіледі". "Қазгидромет" РМК-ның баспасөз қызметі` (a source line closing the paragraph).
void Finder::source_line(const Pair& p, TokenRange content, std::size_t limit) {
  std::size_t s = p.close + 1;
  bool ends = doc_.is_terminator(p.close - 1);
  if (s < limit && doc_.is_terminator(s)) {
    ends = true;
    ++s;
  }
  if (!ends || words(content) < 4 || s >= limit || limit - s > kSourceLineMax) return;
  MarkRole role = m_.mark_role(s);
  bool mark = role == MarkRole::opener || role == MarkRole::straight;
  bool named = mark || doc_.tok[s].kind == text::TokenKind::url ||
               (doc_.entity[s] >= 0 &&
                (doc_.has_entity(s, SpanType::ORGANISATION) || doc_.has_entity(s, SpanType::PERSON)));
  if (!named) return;
  std::size_t e = limit;
  for (std::size_t i = s; i < limit; ++i) {
    if (doc_.is_terminator(i) && i + 1 != limit) return;
    if (doc_.is_word(i) && !doc_.is_capitalized(i) && looks_finite_verb(doc_.lower(i))) return;
  }
  while (e > s && doc_.is_punct(e - 1) && !closer_[e - 1]) --e;
  if (e <= s) return;
  Attribution a;
  a.speaker = TokenRange{s, e};
  a.end = limit;
  emit(QuoteKind::guillemets, content, a, "marks_source", 0.7f);
}

}  // namespace belgi::quotes
