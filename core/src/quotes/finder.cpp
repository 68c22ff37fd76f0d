#include "quotes/finder.h"

#include <algorithm>
#include <string_view>
#include <utility>

namespace belgi::quotes {

namespace {

constexpr std::size_t kSourceLineMax = 8;  // tokens of a source line after a quote
constexpr std::size_t kNearTurnBytes = 1500;  // an interview's guest named before its turns
constexpr std::size_t kMaxTranscriptLead = 12;  // tokens of a `… Дархан Мыңбай:` line
constexpr std::size_t kMaxParenthetical = 16;  // tokens of `(…)` between a quote and its cue

class Finder {
 public:
  Finder(const Doc& d, const Matcher& m, const std::vector<Pair>& p)
      : doc_(d), m_(m), pairs_(p), in_pair_(d.size(), false), closer_(d.size(), false) {
    for (const Pair& q : pairs_) {
      for (std::size_t i = q.open; i <= q.close; ++i) in_pair_[i] = true;
      if (!q.open_end) closer_[q.close] = true;
    }
  }

  std::vector<Found> run() {
    std::size_t chain_end = static_cast<std::size_t>(-1);
    Attribution chained;
    for (const Pair& p : pairs_) marks(p, chain_end, chained);
    dash_paragraphs();
    transcript_lines();
    colon_inline();
    unmarked();
    return settle();
  }

 private:
  // ---- helpers over token ranges ----
  std::size_t words(TokenRange r, std::size_t cap = 4) const {
    std::size_t n = 0;
    for (std::size_t i = r.begin; i < r.end && n < cap; ++i) n += doc_.is_word(i);
    return n;
  }
  bool has_terminator(TokenRange r) const {
    for (std::size_t i = r.begin; i < r.end; ++i)
      if (doc_.is_terminator(i)) return true;
    return false;
  }
  // The words are one name the entity layer found (`«Қазақпарат»`), not PERSON speech.
  bool one_entity(TokenRange r) const {
    int e = doc_.entity[r.begin];
    if (e < 0 || doc_.ctx.spans[static_cast<std::size_t>(e)].type == SpanType::PERSON) return false;
    for (std::size_t i = r.begin; i < r.end; ++i)
      if (doc_.entity[i] != e && !doc_.is_punct(i)) return false;
    return true;
  }
  void emit(QuoteKind kind, TokenRange content, const Attribution& a, const char* rule, float score) {
    while (content.end > content.begin &&
           (doc_.is_comma(content.end - 1) || doc_.is_dash(content.end - 1) ||
            doc_.word(content.end - 1) == "."))
      --content.end;
    if (words(content, 1) == 0) return;
    out_.push_back(Found{kind, content, a, rule, score});
    if (a.has_cue && a.speaker.empty() && !a.cue.colon &&
        !(a.cue.verb && a.cue.verb->agent != Verb::Agent::any))
      out_.back().attr.speaker = speaker_before_quote(content.begin);
  }

  // A cue that names nobody after it (`«…», – деді.`, `Министр жиында «…» деп атап өтті.`):
  // the subject of the words before the quote in its sentence, else of the sentence before
  // (`Әкім жиында сөз сөйледі. — …, — деді.`), when that names a PERSON, role or pronoun.
  TokenRange speaker_before_quote(std::size_t begin) const {
    std::size_t t = begin;
    while (t > 0 && doc_.is_punct(t - 1)) --t;  // the opening mark or dash, a terminator
    if (t == 0) return TokenRange{};
    std::size_t floor = std::max(doc_.sent_begin(t - 1), doc_.para_first[doc_.para[t - 1]]);
    if (doc_.para[t - 1] + 1 < doc_.para[begin]) return TokenRange{};
    TokenRange r = m_.subject_of(floor, t);
    return r;
  }
  // Attribution from a cue: the speaker after it, else the subject before `open`.
  Attribution attribute(const Cue& cue, std::size_t limit, std::size_t open) const {
    Attribution a;
    a.has_cue = true;
    a.cue = cue;
    a.end = cue.range.end;
    Verb::Agent agent = cue.verb ? cue.verb->agent : Verb::Agent::any;
    if (agent == Verb::Agent::any) a.speaker = m_.speaker_after(cue.range.end, limit, a.end);
    if (agent == Verb::Agent::none) a.speaker = m_.passive_source(cue.range.end, limit);
    if (a.end < cue.range.end) a.end = cue.range.end;
    if (a.speaker.empty()) a.speaker = cue.subject;
    if (a.speaker.empty() && agent != Verb::Agent::none && open != static_cast<std::size_t>(-1)) {
      if (open > 0 && doc_.is_colon(open - 1)) {
        Cue unused;
        a.speaker = m_.colon_speaker(open - 1, unused);
      } else {
        a.speaker = m_.speaker_before(open);
      }
    }
    return a;
  }
  // A cue right after token j: [, or ! ? …] [dash] cue. `dashed` tells whether a dash was seen.
  bool cue_after(std::size_t j, std::size_t limit, Cue& cue, bool& dashed, bool loose = false) const {
    std::size_t k = j;
    bool period = false;
    if (k < limit && (doc_.is_comma(k) || doc_.is_terminator(k))) {
      period = doc_.word(k) == ".";
      ++k;
    }
    // `«…» (ҚР Конституциясы, 1-бап) – деді ол`: a parenthetical before the cue.
    if (k < limit && doc_.word(k) == "(") {
      std::size_t c = k + 1;
      while (c < limit && c < k + kMaxParenthetical && doc_.word(c) != ")") ++c;
      if (c < limit && doc_.word(c) == ")") k = c + 1;
      if (k < limit && doc_.is_comma(k)) ++k;
    }
    dashed = k < limit && doc_.is_dash(k);
    if (dashed) ++k;
    if (period && !dashed) return false;
    if (m_.cue_at(k, limit, dashed, cue, loose)) return true;
    // `«…», – министр осылай деді.`: after a dash, a subject, then the cue.
    return dashed && m_.subject_then_cue(k, limit, cue);
  }
  // An attribution inside [b, e): `, – cue speaker` (a dash after a comma or terminator).
  bool inner_attribution(std::size_t b, std::size_t e, std::size_t& dash, Cue& cue) const {
    for (std::size_t k = b + 1; k + 1 < e; ++k) {
      if (!doc_.is_dash(k) || !(doc_.is_comma(k - 1) || doc_.is_terminator(k - 1))) continue;
      if (k >= 2 && closer_[k - 2] && doc_.is_comma(k - 1)) continue;
      if (m_.cue_at(k + 1, e, true, cue) || m_.subject_then_cue(k + 1, e, cue)) {
        dash = k;
        return true;
      }
    }
    return false;
  }

  bool saying_after(std::size_t i, std::size_t limit) const {
    return i < limit && doc_.is_word(i) && m_.word_class(i) == WordClass::saying;
  }

  // ---- quotation marks ----
  void marks(const Pair& p, std::size_t& chain_end, Attribution& chained) {
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
      if (!dashed && one_entity(content)) return;  // `«Қазақпарат» деп хабарлайды`
      Attribution a = attribute(cue, limit, p.open);
      // Without a dash, short words need a named speaker (`«жеткіліксіз» деді` is not a quote),
      // and a saying particle with no speaker makes a saying (`«…» дейді ғой`).
      if (!dashed && a.speaker.empty() && (short_words || saying_after(cue.range.end, limit))) return;
      if (a.speaker.empty() && cue.verb && cue.verb->agent == Verb::Agent::before) return;
      emit(QuoteKind::guillemets, content, a, dashed ? "marks_dash_cue" : "marks_cue", dashed ? 0.95f : 0.85f);
      chain_end = a.end;
      chained = a;
      return;
    }
    std::size_t title_end = 0;
    if (!dashed && j < limit && m_.title_at(j, limit, title_end)) return;  // `«…» деп аталады`, `«…» деген сөз`
    if (chained_quote(p, chain_end, chained)) return;
    if (!short_words && dashed && name_after_dash(p, content, limit)) return;
    bool name = one_entity(content);
    if (colon_form(p, content, short_words || name)) return;
    if (short_words || name) return;
    if (as_said(p, content)) return;
    if (report_after(p, content)) return;
    if (fills_paragraph(p) && (lead_paragraph(p, content) || continued_paragraph(p, content))) return;
    source_line(p, content, limit);
  }

  // The pair opens its paragraph and closes it (`«…».` alone on its line).
  bool fills_paragraph(const Pair& p) const {
    std::size_t limit = doc_.para_end(p.close);
    return doc_.para_first[doc_.para[p.open]] == p.open &&
           (p.close + 1 == limit || (p.close + 2 == limit && doc_.is_terminator(p.close + 1)));
  }

  // `«…», – деді министр.\n«Келесі жылы …».`: a paragraph in marks right after a paragraph
  // closed by a quote's attribution goes on with that speaker (no cue of its own).
  bool continued_paragraph(const Pair& p, TokenRange content) {
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
  void cut_off_pair(const Pair& p) {
    TokenRange content{p.open + 1, doc_.size()};
    if (words(content, 6) < 6) return;
    bool opens = doc_.para_first[doc_.para[p.open]] == p.open;
    if (!opens && !(p.open > 0 && doc_.is_colon(p.open - 1))) return;
    if (colon_form(p, content, false)) return;
    if (opens) lead_paragraph(p, content);
  }

  // `Қайрат Қожамжаров … екенін атап өтті.\n«…»`: a paragraph in marks after a lead sentence.
  bool lead_paragraph(const Pair& p, TokenRange content) {
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
  bool source_before(std::size_t f, TokenRange& speaker) const {
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
  bool split(const Pair& p, std::size_t& chain_end, Attribution& chained) {
    std::size_t dash = 0;
    Cue cue;
    if (!inner_attribution(p.open + 1, p.close, dash, cue)) return false;
    Attribution a = attribute(cue, p.close, p.open);
    emit(QuoteKind::guillemets, TokenRange{p.open + 1, dash - 1}, a, "marks_split", 0.9f);
    std::size_t k = a.end;
    if (k < p.close && (doc_.is_terminator(k) || doc_.is_comma(k))) ++k;
    if (k < p.close && doc_.is_dash(k)) ++k;
    if (k < p.close) emit(QuoteKind::guillemets, TokenRange{k, p.close}, a, "marks_split", 0.9f);
    chain_end = static_cast<std::size_t>(-1);
    chained = a;
    return true;
  }

  // `«…», – деді ол. – «…»`: the second pair takes the first one's attribution.
  bool chained_quote(const Pair& p, std::size_t chain_end, const Attribution& a) {
    if (chain_end == static_cast<std::size_t>(-1) || chain_end >= p.open) return false;
    std::size_t k = chain_end;
    if (k < p.open && (doc_.is_terminator(k) || doc_.is_comma(k))) ++k;
    if (!(k < p.open && doc_.is_dash(k) && k + 1 == p.open)) return false;
    emit(QuoteKind::guillemets, TokenRange{p.open + 1, p.close}, a, "marks_chained", 0.85f);
    return true;
  }

  // `Министр: «…»`, `ол былай деді: «…»`, or a colon ending the paragraph before.
  // Short words or one entity need a speech verb before the colon (`деп жазды: «Теңге
  // тұрақтанады»`), not just a label (`Фильмнің аты: «Алмас қылыш»`).
  bool colon_form(const Pair& p, TokenRange content, bool weak) {
    if (p.open == 0 || !doc_.is_colon(p.open - 1)) return false;
    std::size_t colon = p.open - 1;
    if (doc_.para[colon] != doc_.para[p.open] && doc_.para_first[doc_.para[p.open]] != p.open)
      return false;
    Cue verb;
    TokenRange sp = m_.colon_speaker(colon, verb);
    if (sp.empty() && verb.range.empty()) return false;
    if (weak && verb.range.empty()) return false;
    Attribution a;
    a.has_cue = true;
    a.cue = verb.range.empty() ? Cue{TokenRange{colon, colon + 1}, nullptr, true} : verb;
    a.speaker = sp;
    a.end = p.close + 1;
    emit(verb.range.empty() ? QuoteKind::colon : QuoteKind::guillemets, content, a, "marks_colon", 0.8f);
    return true;
  }

  // A headline `«Біз бірге күштіміз» – Тоқаев`: a dash, then a named speaker closing the paragraph.
  bool name_after_dash(const Pair& p, TokenRange content, std::size_t limit) {
    std::size_t s = p.close + 1;
    if (s < limit && doc_.is_comma(s)) ++s;
    if (!(s < limit && doc_.is_dash(s))) return false;
    ++s;
    std::size_t e = limit;
    while (e > s && doc_.is_punct(e - 1)) --e;
    if (e <= s || e - s > kSourceLineMax) return false;
    bool named = doc_.has_entity(s, SpanType::PERSON) || doc_.has_entity(s, SpanType::POSITION) ||
                 doc_.has_entity(s, SpanType::ORGANISATION) || m_.word_class(s) == WordClass::role;
    bool capitals = e - s <= 4;  // a bare name the entity layer missed: `– Тоқаев`
    for (std::size_t i = s; i < e; ++i) {
      if (!doc_.is_word(i) || (!doc_.is_capitalized(i) && looks_finite_verb(doc_.lower[i]))) return false;
      capitals = capitals && doc_.is_capitalized(i) && !looks_oblique(doc_.lower[i]);
    }
    if (!named && !capitals) return false;
    Attribution a;
    a.speaker = TokenRange{s, e};
    a.end = limit;
    emit(QuoteKind::guillemets, content, a, "marks_name_after_dash", 0.75f);
    return true;
  }

  // `Мемлекет басшысы атап өткендей, «…»`.
  bool as_said(const Pair& p, TokenRange content) {
    Attribution a;
    if (!m_.as_said_before(p.open, a.cue, a.speaker)) return false;
    a.has_cue = true;
    a.end = p.close + 1;
    emit(QuoteKind::guillemets, content, a, "marks_as_said", 0.8f);
    return true;
  }

  // `«…». Бұл туралы министр брифингте айтты.` (the next sentence, same or next paragraph).
  bool report_after(const Pair& p, TokenRange content) {
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
  void source_line(const Pair& p, TokenRange content, std::size_t limit) {
    std::size_t s = p.close + 1;
    bool ends = doc_.is_terminator(p.close - 1);
    if (s < limit && doc_.is_terminator(s)) {
      ends = true;
      ++s;
    }
    if (!ends || words(content) < 4 || s >= limit || limit - s > kSourceLineMax) return;
    std::string_view first = doc_.word(s);
    bool mark = first == "«" || first == "\"" || first == "“" || first == "„";
    bool named = mark || doc_.tok[s].kind == text::TokenKind::url ||
                 (doc_.entity[s] >= 0 &&
                  (doc_.has_entity(s, SpanType::ORGANISATION) || doc_.has_entity(s, SpanType::PERSON)));
    if (!named) return;
    std::size_t e = limit;
    for (std::size_t i = s; i < limit; ++i) {
      if (doc_.is_terminator(i) && i + 1 != limit) return;
      if (doc_.is_word(i) && !doc_.is_capitalized(i) && looks_finite_verb(doc_.lower[i])) return;
    }
    while (e > s && doc_.is_punct(e - 1) && !closer_[e - 1]) --e;
    if (e <= s) return;
    Attribution a;
    a.speaker = TokenRange{s, e};
    a.end = limit;
    emit(QuoteKind::guillemets, content, a, "marks_source", 0.7f);
  }

  // ---- paragraphs opened by a dash ----
  bool dash_opened(std::size_t para) const {
    std::size_t f = doc_.para_first[para];
    return doc_.is_dash(f) && f + 1 < doc_.para_end(f) && !doc_.is_dash(f + 1);
  }

  void dash_paragraphs() {
    std::size_t np = doc_.para_first.size(), run_next = static_cast<std::size_t>(-1);
    Attribution run_attr;
    for (std::size_t p = 0; p < np; ++p) {
      if (!dash_opened(p)) continue;
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
        emit(QuoteKind::dash, TokenRange{seg, dash - 1}, a, "dash_cue", 0.9f);
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

  // The speaker of a colon closing the paragraph before p (`…директоры Дархан Мыңбай:`).
  TokenRange speaker_of_colon_before(std::size_t p) const {
    if (p == 0 || !doc_.is_colon(doc_.para_first[p] - 1)) return TokenRange{};
    Cue verb;
    return m_.colon_speaker(doc_.para_first[p] - 1, verb);
  }

  // The paragraph opens with a pair of marks that runs to (about) its end.
  bool quoted_paragraph(std::size_t f) const {
    if (!in_pair_[f]) return false;
    auto it = std::lower_bound(pairs_.begin(), pairs_.end(), f,
                               [](const Pair& q, std::size_t t) { return q.open < t; });
    return it == pairs_.end() || it->open != f || it->close + 3 >= doc_.para_end(f);
  }

  // A paragraph cut off by the end of an excerpt (no terminator), long enough to be speech.
  bool cut_off(std::size_t f) const {
    std::size_t end = doc_.para_end(f);
    return end == doc_.size() && doc_.is_capitalized(f) && words(TokenRange{f, end}, 8) >= 8;
  }

  std::size_t sentences(std::size_t p) const {
    std::size_t n = 0;
    for (std::size_t i = doc_.para_first[p], end = doc_.para_end(i); i < end; ++i)
      n += doc_.is_terminator(i) && (i + 1 == end || !doc_.is_terminator(i + 1));
    return n;
  }

  bool question(std::size_t p) const {
    return doc_.word(doc_.para_end(doc_.para_first[p]) - 1).find('?') != std::string_view::npos;
  }

  // An interview's answer turn is the guest's: the `NAME, ROLE:` header right before the run,
  // else the nearest PERSON before the run (`…гроссмейстер Дәрмен Сәдуақасов тілшіге
  // әңгімелеп берді.`). Questions, and turns outside an interview, name nobody.
  Attribution turn_attribution(std::size_t p) const {
    Attribution a;
    if (!run_has_question(p)) {  // `Әкім … тапсырмаларға тоқталды.\n- …`
      Cue cue;
      bool announces = false;
      if (!m_.lead_before(doc_.para_first[run_of(p).first], cue, a.speaker, announces)) return Attribution{};
      a.has_cue = announces;
      if (announces) a.cue = cue;
      return a;
    }
    if (question(p)) return a;
    std::size_t first = doc_.para_first[run_of(p).first];
    a.speaker = speaker_of_colon_before(run_of(p).first);
    if (!a.speaker.empty() && !m_.header_name(first - 1).empty()) return a;
    a.speaker = TokenRange{};
    for (std::size_t i = first; i-- > 0 && doc_.tok[first].begin - doc_.tok[i].end < kNearTurnBytes;) {
      if (!doc_.has_entity(i, SpanType::PERSON)) continue;
      std::size_t b = i;
      while (b > 0 && doc_.entity[b - 1] == doc_.entity[i]) --b;
      a.speaker = TokenRange{b, i + 1};
      break;
    }
    return a;
  }

  // `Министр былай деді:\n— Біз …`: the paragraph before ends with a colon and names the speaker
  // (its attribution is `out`).
  bool colon_before_paragraph(std::size_t p, Attribution& out) {
    if (p == 0) return false;
    std::size_t f = doc_.para_first[p], colon = f - 1;
    if (!doc_.is_colon(colon) || list_run(p) || !sentence_shaped(p, 2)) return false;
    // `Марат ҚАБЫШЕВ, кинорежиссер:\n– …келуіңізге не себеп болды?`: the interviewer's question.
    if (question(p) && !m_.header_name(colon).empty()) return false;
    Cue verb;
    Attribution a;
    a.speaker = m_.colon_speaker(colon, verb);
    if (a.speaker.empty() && verb.range.empty()) return false;
    // `Нәтижесінде:` is a lead-in to a list, not a speaker.
    if (verb.range.empty() && looks_oblique(doc_.lower[a.speaker.end - 1])) return false;
    a.has_cue = true;
    a.cue = verb.range.empty() ? Cue{TokenRange{colon, colon + 1}, nullptr, true} : verb;
    a.end = doc_.para_end(f);
    emit(QuoteKind::dash, TokenRange{f + 1, a.end}, a, "dash_colon", 0.8f);
    out = a;
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
  bool interview_turn(std::size_t p) const {
    bool hyphen = doc_.word(doc_.para_first[p]) == "-";
    if (!sentence_shaped(p, hyphen ? 4 : 2) && !cut_off(doc_.para_first[p] + 1)) return false;
    if (doc_.para_first.size() == 1) return sentence_shaped(p, 4);
    if (list_run(p)) return false;
    if (run_has_question(p)) return true;
    auto [b, e] = run_of(p);
    if (b > 0 && doc_.is_colon(doc_.para_first[b] - 1)) return false;  // a list, or dash_colon's run
    if (hyphen && (e - b != 1 || sentences(p) < 2)) return false;
    for (std::size_t q = b; q < e; ++q)
      if (!sentence_shaped(q, 1) && !cut_off(doc_.para_first[q] + 1)) return false;
    return true;
  }

  // The run of dash paragraphs around p, capped at 50 each way.
  std::pair<std::size_t, std::size_t> run_of(std::size_t p) const {
    std::size_t b = p, e = p + 1, np = doc_.para_first.size();
    while (b > 0 && p - b < 50 && dash_opened(b - 1)) --b;
    while (e < np && e - p < 50 && dash_opened(e)) ++e;
    return {b, e};
  }

  // A list: some item of the run ends with `;` or opens with a number.
  bool list_run(std::size_t p) const {
    auto [b, e] = run_of(p);
    for (std::size_t q = b; q < e; ++q) {
      std::size_t f = doc_.para_first[q], last = doc_.para_end(f) - 1;
      // `— 2020 жылы біз …` opens an answer, `- 461 мың ваучер берілді` an item.
      bool number = doc_.tok[f + 1].kind == text::TokenKind::number && sentences(q) < 2;
      if (doc_.word(last) == ";" || number) return true;
    }
    return false;
  }

  bool run_has_question(std::size_t p) const {
    auto [b, e] = run_of(p);
    for (std::size_t q = b; q < e; ++q) {
      std::size_t last = doc_.para_end(doc_.para_first[q]) - 1;
      if (doc_.word(last).find('?') != std::string_view::npos) return true;
    }
    return false;
  }

  // Reads as a sentence: capital (or a quotation mark), min_words or more, a terminator.
  bool sentence_shaped(std::size_t p, std::size_t min_words) const {
    std::size_t f = doc_.para_first[p];
    return sentence_shaped_from(f + 1, doc_.para_end(f), min_words);
  }
  bool sentence_shaped_from(std::size_t b, std::size_t end, std::size_t min_words) const {
    if (b >= end) return false;
    bool number = doc_.tok[b].kind == text::TokenKind::number;  // `— 2020 жылы біз …`
    if (!(doc_.is_capitalized(b) || in_pair_[b] || number)) return false;
    if (words(TokenRange{b, end}, min_words) < min_words) return false;
    return doc_.is_terminator(end - 1) || (closer_[end - 1] && end >= 2 && doc_.is_terminator(end - 2));
  }

  // ---- transcript lines ----
  // `Айгүл ҚУАШ, тілші:` (or a colon right after a PERSON) closing a paragraph, then a
  // paragraph of plain speech: that paragraph is the quote (cue `:`). Dash- and mark-opened
  // paragraphs are the rules above.
  void transcript_lines() {
    for (std::size_t p = 1; p < doc_.para_first.size(); ++p) {
      std::size_t f = doc_.para_first[p], colon = f - 1;
      if (dash_opened(p) || doc_.is_dash(f) || quoted_paragraph(f)) continue;
      if (!sentence_shaped_from(f, doc_.para_end(f), 3) && !cut_off(f)) continue;
      Attribution a;
      Cue cue;
      bool announces = false;
      if (!doc_.is_colon(colon)) {  // `Актер өз ойын былайша жеткізді.\n…`
        if (!m_.lead_before(f, cue, a.speaker, announces) || !announces) continue;
        a.has_cue = true;
        a.cue = cue;
        a.end = doc_.para_end(f);
        emit(QuoteKind::unmarked, TokenRange{f, a.end}, a, "lead", 0.75f);
        continue;
      }
      a.speaker = m_.header_name(colon);
      a.cue = Cue{TokenRange{colon, colon + 1}, nullptr, true};
      if (a.speaker.empty()) {
        Cue verb;
        TokenRange sp = m_.colon_speaker(colon, verb);
        if (!verb.range.empty()) {  // `Министр былай деді:\n…`
          a.speaker = sp;
          a.cue = verb;
        } else if (colon > 0 && doc_.has_entity(colon - 1, SpanType::PERSON) &&
                   colon - doc_.para_first[p - 1] <= kMaxTranscriptLead) {
          a.speaker = sp;  // `…директоры Дархан Мыңбай:\n…`
        }
        if (a.speaker.empty() && verb.range.empty()) continue;
      }
      a.has_cue = true;
      a.end = doc_.para_end(f);
      emit(QuoteKind::unmarked, TokenRange{f, a.end}, a, "transcript", 0.8f);
    }
  }

  // `Министр былай деді: Біз …` — plain speech after a speech verb and a colon, in the same
  // paragraph, to its end.
  void colon_inline() {
    for (std::size_t k = 1; k + 1 < doc_.size(); ++k) {
      if (!doc_.is_colon(k) || in_pair_[k] || doc_.para[k + 1] != doc_.para[k]) continue;
      std::size_t b = k + 1, end = doc_.para_end(k);
      if (in_pair_[b] || doc_.is_dash(b) || !sentence_shaped_from(b, end, 3)) continue;
      Cue verb;
      Attribution a;
      a.speaker = m_.colon_speaker(k, verb);
      if (verb.range.empty() || !verb.verb) continue;
      a.has_cue = true;
      a.cue = verb;
      a.end = end;
      emit(QuoteKind::unmarked, TokenRange{b, end}, a, "colon_inline", 0.75f);
    }
  }

  // ---- unmarked speech closed by `, – cue` ----
  // Speech after an attribution opened by a dash (`…, - деді ол. - Екінші бөлік.`): it runs to
  // the next attribution in the paragraph, or to the paragraph end (flushed then).
  struct Pending {
    bool on = false;
    std::size_t start = 0, para = 0;
    Attribution attr;
  };

  void flush(Pending& p) {
    if (p.on) emit(QuoteKind::unmarked, TokenRange{p.start, doc_.para_end(p.start)}, p.attr, "unmarked", 0.85f);
    p.on = false;
  }

  void unmarked() {
    std::size_t start_after = 0;  // first token a quote may start at (after an attribution)
    Pending pending;
    for (std::size_t k = 1; k + 1 < doc_.size(); ++k) {
      if (!doc_.is_dash(k) || in_pair_[k]) continue;
      if (!(doc_.is_comma(k - 1) || doc_.is_terminator(k - 1))) continue;
      std::size_t para = doc_.para[k];
      std::size_t f = doc_.para_first[para];
      if (dash_opened(para)) continue;
      std::size_t before = doc_.is_comma(k - 1) ? k - 1 : k;  // content end (exclusive)
      if (before >= 1 && closer_[before - 1]) continue;       // `«…», – деді`: marks rule
      if (before >= 1 && doc_.word(before - 1) == ")") {      // `«…» (…), – деді`: marks rule too
        std::size_t o = before - 1;
        while (o > f && before - o < kMaxParenthetical && doc_.word(o) != "(") --o;
        if (o > f && doc_.word(o) == "(" && closer_[o - 1]) continue;
      }
      Cue cue;
      std::size_t end = doc_.para_end(k);
      if (!m_.cue_at(k + 1, end, true, cue) && !m_.subject_then_cue(k + 1, end, cue)) continue;
      std::size_t start = std::max(f, start_after);
      if (pending.on && pending.para == para) {
        start = pending.start;
        pending.on = false;
      }
      flush(pending);
      // `Ақсақалдар бата берді. — Тілегіміз орындалып жатыр, — деп …`: speech opened by a
      // dash after a sentence starts there.
      for (std::size_t t = before; t > start + 1 && t-- > start + 1;)
        if (doc_.is_dash(t) && doc_.is_terminator(t - 1) && t + 1 < before && doc_.is_capitalized(t + 1)) {
          start = t + 1;
          break;
        }
      Attribution a = attribute(cue, end, static_cast<std::size_t>(-1));
      start_after = a.end;
      TokenRange r{start, before};
      if (words(r, 3) < 3) continue;
      emit(QuoteKind::unmarked, r, a, "unmarked", 0.9f);
      std::size_t c = a.end;
      if (c < end && (doc_.is_terminator(c) || doc_.is_comma(c))) ++c;
      if (c + 1 < end && doc_.is_dash(c)) pending = Pending{true, c + 1, para, a};
    }
    flush(pending);
  }

  // Drops quotes inside another one; sorts by position.
  std::vector<Found> settle() {
    std::sort(out_.begin(), out_.end(), [](const Found& a, const Found& b) {
      if (a.content.begin != b.content.begin) return a.content.begin < b.content.begin;
      return a.content.end > b.content.end;
    });
    std::vector<Found> kept;
    std::size_t reach = 0;
    for (const Found& f : out_) {
      if (!kept.empty() && f.content.end <= reach) continue;
      reach = std::max(reach, f.content.end);
      kept.push_back(f);
    }
    return kept;
  }

  const Doc& doc_;
  const Matcher& m_;
  const std::vector<Pair>& pairs_;
  std::vector<bool> in_pair_, closer_;
  std::vector<Found> out_;
};

}  // namespace

std::vector<Found> find_quotes(const Doc& doc, const Matcher& m, const std::vector<Pair>& pairs) {
  return Finder(doc, m, pairs).run();
}

}  // namespace belgi::quotes
