#include "quotes/finder_rules.h"

#include <algorithm>
#include <string_view>

namespace belgi::quotes {

// `Айгүл ҚУАШ, тілші:` (or a colon right after a PERSON) closing a paragraph, then a
// paragraph of plain speech: that paragraph is the quote (cue `:`). Dash- and mark-opened
// paragraphs are the rules above.
void Finder::transcript_lines() {
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

// The colon tokens, ascending, found once by the text's ':' bytes.
const std::vector<std::size_t>& Finder::colons() {
  if (colons_found_) return colons_;
  colons_found_ = true;
  const std::string_view bytes = doc_.text;
  const std::vector<text::Token>& tok = doc_.tok;
  std::size_t i = 0;
  for (std::size_t pos = bytes.find(':'); pos != std::string_view::npos; pos = bytes.find(':', pos + 1)) {
    // The tokens are in order: those before i begin before pos.
    i = static_cast<std::size_t>(
        std::lower_bound(tok.begin() + static_cast<std::ptrdiff_t>(i), tok.end(), pos,
                         [](const text::Token& t, std::size_t p) { return t.begin < p; }) -
        tok.begin());
    for (; i < tok.size() && tok[i].begin == pos; ++i)
      if (doc_.is_colon(i)) colons_.push_back(i);
  }
  return colons_;
}

// The dash tokens, ascending, found once by one pass. Every dash (text::is_dash) is '-' or starts
// with the byte E2 (U+2012..U+2015, U+2212): a punctuation token starting otherwise is none, and
// is not decoded.
const std::vector<std::size_t>& Finder::dashes() {
  if (dashes_found_) return dashes_;
  dashes_found_ = true;
  const std::string_view bytes = doc_.text;
  const std::vector<text::Token>& tok = doc_.tok;
  for (std::size_t i = 0, n = doc_.size(); i < n; ++i) {
    if (tok[i].begin >= tok[i].end || !doc_.is_punct(i)) continue;
    const auto b = static_cast<unsigned char>(bytes[tok[i].begin]);
    if ((b == '-' || b == 0xE2) && doc_.is_dash(i)) dashes_.push_back(i);
  }
  return dashes_;
}

// The first of `tokens` (ascending) at or after k (c: those already passed, advanced), or the
// token count if none: a loop over every k passes the others over at once.
std::size_t Finder::next_of(const std::vector<std::size_t>& tokens, std::size_t k, std::size_t& c) const {
  while (c < tokens.size() && tokens[c] < k) ++c;
  return c < tokens.size() ? tokens[c] : doc_.size();
}

// `… дейді. Фазылбек Жарқынбек, шаруа: – Мақта … ішеді. …` — a `NAME, ROLE:` header and a
// dash opening a sentence (a broadcast transcript run together, or a paragraph of its own):
// the speech runs to the paragraph end, or to a sentence that opens with someone named (the
// narrator again: `Мемлекет басшысы …`). Kind dash, cue `:`.
// Without the dash, a `NAME, ROLE:` header opening its paragraph (`Серік ОМАРОВ, аудан әкімі:
// Биыл …`) counts too (kind unmarked); a bare `Тоқаев: …` stays a headline, no quote.
void Finder::inline_headers() {
  std::size_t ci = 0;  // colons passed
  for (std::size_t k = next_of(colons(), 1, ci); k + 2 < doc_.size(); k = next_of(colons(), k + 1, ci)) {
    if (in_pair_[k] || doc_.para[k + 2] != doc_.para[k]) continue;
    bool dashed = doc_.is_dash(k + 1);
    std::size_t f = std::max(doc_.sent_begin(k), doc_.para_first[doc_.para[k]]);
    if (f != doc_.para_first[doc_.para[k]] && (!dashed || !doc_.is_terminator(f - 1))) continue;
    Attribution a;
    a.speaker = inline_header_speaker(f, k);
    std::size_t b = dashed ? k + 2 : k + 1, end = doc_.para_end(k), e = b;
    if (a.speaker.empty() || (!dashed && a.speaker.end == k) || in_pair_[b] ||
        !sentence_shaped_from(b, end, 3))
      continue;
    while (e < end && !(e > b && doc_.is_terminator(e - 1) && opens_with_someone(e))) ++e;
    a.has_cue = true;
    a.cue = Cue{TokenRange{k, k + 1}, nullptr, true};
    a.end = e;
    emit(dashed ? QuoteKind::dash : QuoteKind::unmarked, TokenRange{b, e}, a, "inline_header", 0.7f);
  }
}

// The speaker of a header [f, colon) before `: –`: a role word alone (`Тілші: – …`), or
// `NAME, ROLE` whose name is a PERSON (a bar higher than for a line of its own) and whose role
// is words without a verb.
TokenRange Finder::inline_header_speaker(std::size_t f, std::size_t colon) const {
  if (colon == f + 1 && m_.word_class(f) == WordClass::role) return TokenRange{f, colon};
  TokenRange sp = m_.header_from(f, colon);
  if (sp.empty() || sp.end == colon || !doc_.has_entity(f, SpanType::PERSON)) return TokenRange{};
  for (std::size_t t = sp.end + 1; t < colon; ++t)
    if (!doc_.is_word(t) || looks_finite_verb(doc_.lower(t))) return TokenRange{};
  return sp;
}

// `Тілші: Ауылда қандай жаңалық бар?\nӘкім: Биыл газ келді.`: two paragraphs or more in a row,
// each opened by a short header (one to three words, capitalized) and a colon with speech after
// it, one of them a question: an interview written as a transcript. Each speech is a quote,
// cue `:`, the header its speaker when it names someone (`Сұрақ:`, `Жауап:` name nobody). One
// paragraph alone stays a headline (`Тоқаев: …`).
void Finder::header_runs() {
  std::size_t np = doc_.para_first.size();
  for (std::size_t p = 0; p < np;) {
    std::size_t q = p;
    bool asked = false;
    while (q < np && q - p < kMaxRun && header_colon(q) != 0) asked = question(q++) || asked;
    if (q - p >= 2 && asked)
      for (std::size_t r = p; r < q; ++r) {
        std::size_t f = doc_.para_first[r], colon = header_colon(r);
        Attribution a;
        a.has_cue = true;
        a.cue = Cue{TokenRange{colon, colon + 1}, nullptr, true};
        if (m_.names_someone(TokenRange{f, colon})) a.speaker = TokenRange{f, colon};
        a.end = doc_.para_end(f);
        emit(QuoteKind::unmarked, TokenRange{colon + 1, a.end}, a, "header_run", 0.7f);
      }
    p = q > p ? q : p + 1;
  }
}

// The colon of a paragraph opened by `Header: speech` (one to three words, the first
// capitalized, then a colon and a sentence of two words or more not opened by a dash or mark), or 0.
std::size_t Finder::header_colon(std::size_t p) const {
  std::size_t f = doc_.para_first[p], end = doc_.para_end(f), c = f;
  while (c < end && c < f + 3 && doc_.is_word(c)) ++c;
  if (c == f || c + 1 >= end || !doc_.is_colon(c) || !doc_.is_capitalized(f)) return 0;
  if (doc_.is_dash(c + 1) || in_pair_[c + 1] || !sentence_shaped_from(c + 1, end, 2)) return 0;
  return c;
}

// A sentence at t opening with a PERSON, POSITION or role (`Мемлекет басшысы …`, `Облыс әкімі …`).
bool Finder::opens_with_someone(std::size_t t) const {
  for (std::size_t i = t; i < t + 2 && i < doc_.size() && doc_.is_word(i); ++i)
    if (doc_.has_entity(i, SpanType::PERSON) || doc_.has_entity(i, SpanType::POSITION) ||
        m_.word_class(i) == WordClass::role)
      return true;
  return false;
}

// `Министр былай деді: Біз …` — plain speech after a speech verb and a colon, in the same
// paragraph, to its end. With a dash after the colon (`Әкім журналистерге жауап берді: – Биыл
// …`, `Серік Омаров: – …`) a lead verb or a phrase naming someone is enough: the speech runs to
// the paragraph end or to a sentence that opens with someone named (the narrator again); one
// closed by its own attribution (`…, – деді ол.`) is the `unmarked` rule's.
void Finder::colon_inline() {
  std::size_t ci = 0;  // colons passed
  for (std::size_t k = next_of(colons(), 1, ci); k + 2 < doc_.size(); k = next_of(colons(), k + 1, ci)) {
    if (in_pair_[k] || doc_.para[k + 2] != doc_.para[k]) continue;
    bool dashed = doc_.is_dash(k + 1);
    std::size_t colon = k, b = dashed ? k + 2 : k + 1, end = doc_.para_end(k), e = end;
    if (in_pair_[b] || doc_.is_dash(b) || !sentence_shaped_from(b, end, 3)) continue;
    Cue verb;
    Attribution a;
    a.speaker = m_.colon_speaker(colon, verb);
    if (dashed) {
      std::size_t f = std::max(doc_.sent_begin(colon), doc_.para_first[doc_.para[colon]]);
      if ((verb.range.empty() && !m_.names_someone(a.speaker)) || !inline_header_speaker(f, colon).empty())
        continue;
      e = speech_end(b, end, k);
      if (e == 0) continue;
    } else if (verb.range.empty() || !verb.verb) {
      continue;
    }
    a.has_cue = true;
    a.cue = verb.range.empty() ? Cue{TokenRange{colon, colon + 1}, nullptr, true} : verb;
    a.end = e;
    emit(dashed ? QuoteKind::dash : QuoteKind::unmarked, TokenRange{b, e}, a, "colon_inline", 0.75f);
  }
}

// Where dash-opened speech from b inside a paragraph ends: at the paragraph end or before a
// sentence that opens with someone named (the narrator again). 0 when an attribution of its own
// closes it first (`…, – деді ол.`: the `unmarked` rule's). Sets `next` so that the caller's
// scan goes on past what was read: marks inside would only give quotes inside this one.
std::size_t Finder::speech_end(std::size_t b, std::size_t end, std::size_t& next) const {
  std::size_t e = b, dash = 0;
  while (e < end && !(e > b && doc_.is_terminator(e - 1) && opens_with_someone(e))) ++e;
  Cue inner;
  bool attributed = inner_attribution(b, e, dash, inner);
  next = (attributed ? dash : e) - 1;
  return attributed ? 0 : e;
}

// `Серік Омаров … екенін айтты. – Енді …`: speech opened by a dash after a lead sentence inside
// a paragraph, to the paragraph end or to a sentence that names someone again (kind dash, the
// lead's speaker; cue none unless the lead announces the words). One closed by its own
// attribution is the `unmarked` rule's.
void Finder::lead_dash_inline() {
  std::size_t di = 0;  // dashes passed
  for (std::size_t k = next_of(dashes(), 1, di); k + 2 < doc_.size(); k = next_of(dashes(), k + 1, di)) {
    if (in_pair_[k] || doc_.para[k + 1] != doc_.para[k] || doc_.word(k - 1) != ".") continue;
    std::size_t b = k + 1, end = doc_.para_end(k);
    if (doc_.para[k - 1] != doc_.para[k] || in_pair_[b] || !sentence_shaped_from(b, end, 3)) continue;
    Attribution a;
    Cue cue;
    bool announces = false;
    if (!m_.lead_before(k, cue, a.speaker, announces)) continue;
    std::size_t e = speech_end(b, end, k);
    if (e == 0) continue;
    a.has_cue = announces;
    if (announces) a.cue = cue;
    a.end = e;
    emit(QuoteKind::dash, TokenRange{b, e}, a, "lead", 0.7f);
  }
}

void Finder::flush(Pending& p) {
  if (p.on) emit(QuoteKind::unmarked, TokenRange{p.start, doc_.para_end(p.start)}, p.attr, "unmarked", 0.85f);
  p.on = false;
}

// A verse quoted line by line (`Пай, пай, Өмір…\nӨтесің-ау бір күні,\n…күркірі…, - деп
// жырлаған ақын`): when the speech in the line of the attribution is short, two or more short
// lines right above it (single line breaks, the block opened by a blank line or the text start)
// are part of it. Returns where the quote starts: f, or the block's first line.
std::size_t Finder::verse_start(std::size_t f, std::size_t before, std::size_t floor) const {
  if (words(TokenRange{f, before}, kMaxVerseWords + 1) > kMaxVerseWords) return f;
  std::size_t p = doc_.para[f], lines = 0;
  auto breaks = [&](std::size_t t) {  // line breaks before token t
    std::string_view gap = doc_.text.substr(doc_.tok[t - 1].end, doc_.tok[t].begin - doc_.tok[t - 1].end);
    return static_cast<std::size_t>(std::count(gap.begin(), gap.end(), '\n'));
  };
  while (p > 0 && lines < kMaxVerseLines && breaks(doc_.para_first[p]) == 1) {
    std::size_t pf = doc_.para_first[p - 1];
    if (pf < floor || dash_opened(p - 1) || in_pair_[pf] ||
        words(TokenRange{pf, doc_.para_first[p]}, kMaxVerseWords + 1) > kMaxVerseWords)
      return f;
    --p;
    ++lines;
  }
  bool opened = p == 0 || breaks(doc_.para_first[p]) >= 2;
  return lines >= 2 && opened ? doc_.para_first[p] : f;
}

// `Серік Омаров … екенін айтты. Енді …, – деді ол.`: a lead sentence naming the one a pronoun
// (or no one) after the cue points to is narration, not speech: the quote starts after it.
std::size_t Finder::after_lead(std::size_t start, std::size_t before, const Attribution& a) const {
  if (!a.speaker.empty() && !(a.speaker.end == a.speaker.begin + 1 && m_.word_class(a.speaker.begin) == WordClass::pronoun))
    return start;
  std::size_t from = start;
  for (std::size_t t = start + 1; t + 1 < before; ++t) {
    Cue cue;
    TokenRange speaker;
    bool announces = false;
    if (doc_.word(t) == "." && doc_.is_capitalized(t + 1) && m_.lead_before(t + 1, cue, speaker, announces))
      from = t + 1;
  }
  return from;
}

void Finder::unmarked() {
  std::size_t start_after = 0;  // first token a quote may start at (after an attribution)
  Pending pending;
  std::size_t di = 0;  // dashes passed
  for (std::size_t k = next_of(dashes(), 1, di); k + 1 < doc_.size(); k = next_of(dashes(), k + 1, di)) {
    if (in_pair_[k]) continue;
    Cue cue;
    if (!attribution_dash(k, doc_.para_end(k), cue)) continue;
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
    std::size_t end = doc_.para_end(k);
    if (!m_.cue_at(k + 1, end, true, cue) && !m_.subject_then_cue(k + 1, end, cue)) continue;
    std::size_t start = std::max(f, start_after);
    if (pending.on && pending.para == para) {
      start = pending.start;
      pending.on = false;
    }
    flush(pending);
    // `Ақсақалдар бата берді. — Тілегіміз орындалып жатыр, — деп …`: speech opened by a
    // dash after a sentence or a colon (`Әкім сұраққа жауап берді: – Су …, – деді ол.`)
    // starts there.
    for (std::size_t t = before; t > start + 1 && t-- > start + 1;)
      if (doc_.is_dash(t) && (doc_.is_terminator(t - 1) || doc_.is_colon(t - 1)) && t + 1 < before &&
          doc_.is_capitalized(t + 1)) {
        start = t + 1;
        break;
      }
    if (start == f) start = verse_start(f, before, start_after);
    Attribution a = attribute(cue, end, static_cast<std::size_t>(-1));
    start = after_lead(start, before, a);
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

}  // namespace belgi::quotes
