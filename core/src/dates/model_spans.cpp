#include "dates/model_spans.h"

#include <algorithm>

#include "dates/anaphora.h"
#include "pipeline/resolve.h"
#include "text/huge_pages.h"

namespace belgi::dates {

namespace {

bool is_temporal_model(const Candidate& c) {
  return c.origin == Origin::model && (c.span.type == SpanType::DATE || c.span.type == SpanType::TIME);
}

// `шамамен` ("approximately") before a quantity (`шамамен 30 жылдық`): no postposition (after a
// date it starts the next phrase: `2020 жылы шамамен 100 адам`), but the model takes it in.
bool about(const Word& w) { return w.fold == "шамамен" || w.fold == "şamamen"; }

// Words inside a model span that a date span may carry besides the expression itself
// (postpositions, parts, modifiers, units, number words): KazNERD cuts them in.
bool glue(const Word& w) {
  return w.hit(WordClass::post) || w.hit(WordClass::part) || w.hit(WordClass::modifier) ||
         w.hit(WordClass::unit) || w.hit(WordClass::number) || w.hit(WordClass::month) ||
         w.hit(WordClass::season) || w.hit(WordClass::weekday) || w.num || about(w);
}

// A word of a model span that is no part of a date: a word no table reads.
bool stray(const Word& w) { return w.kind == text::TokenKind::word && !glue(w) && w.inert; }

// A word that starts a phrase of the tables (`кешкі`, `таңертең`, `бүгін`).
bool pod_word(const Word& w) { return !w.more->phrases.empty(); }

struct WordRange {
  std::size_t first = 0, last = 0;
};

// The words covered by a byte range (tokens are sorted; spans lie on token boundaries).
WordRange words_of(const Words& w, const ByteRange& r) {
  // The first index in [lo, w.size()) where `before` turns false (it is true, then false).
  auto first_not = [&](std::size_t lo, auto before) {
    std::size_t n = w.size() - lo;
    while (n > 0) {
      std::size_t half = n / 2;
      if (before(lo + half)) lo += half + 1, n -= half + 1;
      else n = half;
    }
    return lo;
  };
  std::size_t lo = first_not(0, [&](std::size_t k) { return w.end_of(k) <= r.begin; });
  return WordRange{lo, first_not(lo, [&](std::size_t k) { return w.begin_of(k) < r.end; })};
}

Candidate to_candidate(const Words& w, const Match& m) {
  Candidate c;
  c.span.type = m.type;
  c.span.range = ByteRange{w.begin_of(m.first), w.end_of(m.last - 1)};
  c.span.value = m.value;
  c.span.source = "rule:" + m.rule;
  c.priority = m.strong ? kPriorityRuleStrong : kPriorityRule;
  c.origin = Origin::rule;
  return c;
}

// Words a model span may carry past a rule span inside it that show the model ran on into other
// text: a decimal number (`– 17,7`), a percent, an adjective made from a unit (`жылдық`).
bool junk(const Word& w) {
  if (w.kind == text::TokenKind::symbol) return true;
  if (w.num && (w.fold.find(',') != std::string::npos || w.fold.find('.') != std::string::npos) && !w.more->is_date)
    return true;
  static const char* kAdj[] = {"дық", "дік", "тық", "тік", "лық", "лік"};
  if (w.kind == text::TokenKind::word && !w.num)
    for (const char* a : kAdj) {
      std::string_view f = w.fold, sa = a;
      if (f.size() > sa.size() + 2 && f.compare(f.size() - sa.size(), sa.size(), sa) == 0 &&
          f.compare(0, 6, "жыл") == 0)
        return true;
    }
  return false;
}

// The rule span reaches past the model span with words that carry the date itself (a year, a
// day, a weekday, a number): `2025 жылы` + `6 қыркүйекте`, `Жұма, 22 Қараша 2024`.
bool structural(const Words& w, const Match& r, const WordRange& mr) {
  for (std::size_t k = r.first; k < r.last; ++k) {
    if (k >= mr.first && k < mr.last) continue;
    const Word& x = w[k];
    if (x.num || x.more->roman || x.hit(WordClass::number) || x.hit(WordClass::weekday) || x.hit(WordClass::month))
      return true;
  }
  return false;
}

enum class Verdict { keep_model, use_rules };

// `№ 25 2020 жылы`: a number sign at k, or the number after it (a document's, a school's).
bool numbered(const Words& w, std::size_t k) {
  return w[k].fold == "\u2116" || (k > 0 && w[k].num && w[k - 1].fold == "\u2116");
}

// `Жұмыс | күні сағат 9-дан` ("the working day ... at 9"): a head noun (`күні`, `жылы`) follows
// its date, so a model span cannot begin with one; it took in the end of the words before.
bool head_noun(const Word& w) {
  const Hit* u = w.hit(WordClass::unit);
  return u && !u->entry->adjective && u->ending.possessive && u->ending.kase == Case::none && !u->ending.plural;
}

// ---- model spans --------------------------------------------------------------------------------

// A word that makes a span temporal by itself (a unit, month, weekday, season, modifier, a phrase
// of the tables, a written date or clock time).
bool temporal(const Word& w) {  // (postpositions and parts go with anything: `2 000-ға дейін`)
  bool phrase = false;  // a one-word phrase (`бүгін`); `бірінші` only starts `бірінші тоқсан`
  for (const Phrase* p : w.more->phrases) phrase = phrase || p->words.size() == 1;
  return w.hit(WordClass::modifier) || w.hit(WordClass::unit) || w.hit(WordClass::month) || w.hit(WordClass::season) ||
         w.hit(WordClass::weekday) || phrase || w.more->is_date || w.more->hour >= 0 || !w.more->rest_hits.empty();
}

// Written news: a model DATE/TIME span no rule reads that is no date: no temporal word at all
// (`ОН ЖЕТІНШІ СЕССИЯСЫ`, `2 сотымен`; a lone number with an ending, `15-те`, may be an age), or
// an anniversary after a genitive (`газетінің 75 жылдығы`: part of an EVENT, guidelines v2).
bool news_not_a_date(const Words& w, const WordRange& mr) {
  bool any = false, adj = false;
  for (std::size_t k = mr.first; k < mr.last; ++k) {
    any = any || temporal(w[k]);
    const Hit* u = w[k].hit(WordClass::unit);
    bool mereitoi = k + 1 < w.size() && w[k + 1].fold.substr(0, 16) == "мерейтой";
    adj = adj || (u && u->entry->adjective && (u->ending.possessive || mereitoi));
  }
  if (adj && mr.first > 0 && genitive_form(w[mr.first - 1].fold)) return true;
  for (std::size_t k = mr.first; k < mr.last; ++k)  // a quantity: `25°C жылы`, `+13 градус жылы` (warm)
    if (w[k].kind == text::TokenKind::symbol || w[k].fold.substr(0, 12) == "градус") return true;
  // `бағасы 12.50-ден 15.00-ге дейін` (its price): a dotted number after a price word (words.h).
  if (w[mr.first].more->dot_hour >= 0 && mr.first > 0 && price_word(w[mr.first - 1].fold)) return true;
  // `Бір күні` ("once upon a time"), a heading `Жыл`: a unit noun with no number of its own.
  const Hit* u = w[mr.last - 1].hit(WordClass::unit);
  bool lone_unit = u && !u->entry->adjective && u->ending.kase == Case::none &&
                   (mr.last == mr.first + 1 ||
                    (mr.last == mr.first + 2 && u->ending.possessive && w[mr.first].hit(WordClass::number) &&
                     w[mr.first].hit(WordClass::number)->entry->num == 1));
  if (lone_unit) return true;
  // `Ана тілі күні`, `Отбасы күні` (Mother Language Day, Family Day): capitalised words no table
  // reads before `күні` name a day of the calendar, an EVENT as KazNERD's `Тәуелсіздік күні`, no
  // date (in lower case they may be a misspelt weekday, `дүйсенді күні`).
  bool named_day = u && u->entry->code == "D" && u->ending.possessive && !u->ending.plural &&
                   mr.last > mr.first + 1 && w[mr.first].upper_initial;
  for (std::size_t k = mr.first; named_day && k + 1 < mr.last; ++k)
    named_day = w[k].kind == text::TokenKind::word && w[k].inert;
  if (named_day) return true;
  // `Мамыр Ахметова`, `Наурыз мейрамы`: a capitalised Мамыр or Наурыз alone, without an ending, is
  // a name or the holiday (months.tsv `capital`).
  const Hit* m = w[mr.first].hit(WordClass::month);
  if (mr.last == mr.first + 1 && m && m->entry->capital && w[mr.first].upper_initial && m->ending.empty()) return true;
  // `Желтоқсан оқиғасы`, `Қаңтар оқиғалары` (the December 1986, January 2022 events): a bare month
  // naming an EVENT, no date.
  if (mr.last == mr.first + 1 && m && m->ending.empty() && mr.last < w.size() &&
      (w[mr.last].fold.substr(0, 10) == "оқиға" || w[mr.last].fold.substr(0, 5) == "oqiğ"))
    return true;
  // `алғашқы минуттан` ("from the first minute", from the start): the plural is a time
  // (`алғашқы минуттардан`, time.relative_unit), the singular an idiom.
  const Hit* mod = w[mr.first].hit(WordClass::modifier);
  if (mr.last == mr.first + 2 && mod && (mod->entry->code == "first" || mod->entry->code == "last") && u &&
      u->entry->type == SpanType::TIME && !u->ending.plural && !u->ending.possessive)
    return true;
  if (any) return false;
  // A lone number with an ending is a date only as an age (`15-те`) or a year (`2017-де`), not
  // `50-ге жеткенде` (a count).
  const Word& x = w[mr.first];
  return !(mr.last == mr.first + 1 && x.num && x.more->rest_ending && (x.more->ending.kase == Case::loc || x.more->digits == 4));
}

// A model DATE/TIME span that is one number which cannot be a date: a group of a number written
// with spaces (`11` in `Биыл 11 800 мектепке`) or a number joined to a non-temporal word
// (`1-сыныпқа`, "to the 1st grade").
bool not_a_date(const Words& w, const WordRange& mr) {
  if (mr.last != mr.first + 1) return false;
  const Word& x = w[mr.first];
  if (!x.num) return false;
  bool other_word = !x.more->plain && !x.more->rest_ending && x.more->rest_hits.empty() && !x.more->is_date && x.more->hour < 0 &&
                    x.more->range_a < 0 && x.fold.find('-') != std::string::npos;
  bool group = x.more->plain && mr.last < w.size() && w[mr.last].num && w[mr.last].more->plain &&
               w[mr.last].more->digits == 3 && w.begin_of(mr.last) == w.end_of(mr.first) + 1;
  return other_word || group;
}

// A word with a locative ending (`қазанда`, `2023 жылы` is no locative; `5-те` is).
bool locative(const Word& w) {
  if (w.num) return w.more->rest_ending && w.more->ending.kase == Case::loc;
  for (const Hit& h : w.more->hits)
    if (h.ending.kase == Case::loc) return true;
  return false;
}

// The model span runs on past the last rule span into other text: junk (`– 17,7`, `жылдық`), or
// in written news a dash and a word that is no part of a date (`1 ҚЫРКҮЙЕК - БІЛІМ КҮНІ`, a
// heading's date and its title).
bool runs_on(const Words& w, const WordRange& mr, const std::vector<const Match*>& in,
             bool kaznerd_cuts) {
  std::size_t last_rule_end = mr.first, last_span_end = 0;
  for (const Match* r : in) {
    last_rule_end = std::max(last_rule_end, r->last);
    if (!r->value_only) last_span_end = std::max(last_span_end, r->last);
  }
  for (std::size_t k = last_rule_end; k < mr.last; ++k)
    if (junk(w[k]) || (w[k].fold == "\u2013" && k + 1 < mr.last && junk(w[k + 1]))) return true;
  if (kaznerd_cuts || last_span_end == 0) return false;
  std::size_t k = std::max(last_span_end, mr.first);
  bool dash = k + 1 < mr.last && (w[k].fold == "-" || w[k].fold == "\u2013" || w[k].fold == "\u2014");
  if (dash && w[k + 1].kind == text::TokenKind::word && !glue(w[k + 1]) && !pod_word(w[k + 1])) return true;
  // `16 қазанда күн бұлтты` ("on the 16th it is cloudy"): a date ending in a locative is
  // complete, and a bare unit noun after it begins the next clause.
  const Hit* u = k < mr.last && k > mr.first ? w[k].hit(WordClass::unit) : nullptr;
  if (u && u->ending.empty() && locative(w[k - 1])) return true;
  // `45 минут | кешікті` ("was 45 minutes late"): one word no table reads after the expression
  // ending the span, the verb (more words may be the expression's: `уақыт ішінде`); written news
  return k + 1 == mr.last && k > mr.first && stray(w[k]);
}

// Model span vs the rule matches overlapping it. The model's boundaries follow KazNERD, so they
// are kept unless a rule span crosses them, reaches past them with a date part of its own, or the
// model span runs on into junk after a rule span.
Verdict judge(const Words& w, const WordRange& mr, const std::vector<const Match*>& in,
              bool kaznerd_cuts) {
  for (const Match* r : in) {
    bool inside = r->first >= mr.first && r->last <= mr.last;
    if (!inside && structural(w, *r, mr)) return Verdict::use_rules;
    // Written news (guidelines v2): a date takes its head noun and case ending, and one date in
    // two parts is one span, so a rule span reaching past the model's cut wins
    // (`1 мамыр` -> `1 мамыр күні`, `16:00-де` -> `сағат 16:00-де`).
    if (!inside && !kaznerd_cuts && !r->value_only) return Verdict::use_rules;
  }
  if (!kaznerd_cuts) {  // the model ran two expressions together: `12 наурызда сағат 10.45-те`
    int spans = 0;
    for (const Match* r : in) spans += !r->value_only;
    if (spans > 1) return Verdict::use_rules;
    // ... or took in a number joined to another word: `12-сессиясы 3–5 наурыз аралығында`
    for (std::size_t k = mr.first; k < mr.last; ++k) {
      bool covered = false;
      for (const Match* r : in) covered = covered || (k >= r->first && k < r->last && !r->value_only);
      const Word& x = w[k];
      if (!covered && spans == 1 && x.num && !x.more->plain && !x.more->rest_ending && x.more->rest_hits.empty() && !x.more->is_date &&
          x.more->hour < 0 && x.more->dot_hour < 0 && x.more->range_a < 0 && x.more->decimal < 0)
        return Verdict::use_rules;
    }
  }
  // Written news: a rule span inside with a word before it that is no part of a date (`Фестиваль
  // 25-27 маусым аралығында`, a sentence's subject the model took in).
  if (!kaznerd_cuts)
    for (const Match* r : in)
      if (!r->value_only && r->first > mr.first && r->first <= mr.last &&
          (stray(w[mr.first]) || numbered(w, mr.first) || head_noun(w[mr.first])))
        return Verdict::use_rules;
  // `үні 05.12.2023`: an unambiguous date with a non-date word stuck to it; in written news any
  // unambiguous format (`Дүкен сағат 9-дан 18-ге дейін`).
  for (const Match* r : in)
    if (r->strong && ((r->full_date && r->has_year) || !kaznerd_cuts))
      for (std::size_t k = mr.first; k < mr.last; ++k)
        if ((k < r->first || k >= r->last) && !glue(w[k]) && w[k].kind == text::TokenKind::word &&
            !pod_word(w[k]))
          return Verdict::use_rules;
  return runs_on(w, mr, in, kaznerd_cuts) ? Verdict::use_rules : Verdict::keep_model;
}

// The value for a kept model span: the rule span if it is the same, else the grammar run on the
// model's words alone when one expression covers them (but for glue words).
void value_for_model(const Words& w, const WordRange& mr, const std::vector<const Match*>& in,
                     const Tables& t, const Anchor& a, Span& span) {
  if (in.size() == 1 && in[0]->first == mr.first && in[0]->last == mr.last) {
    span.value = in[0]->value;
    span.source = "rule:" + in[0]->rule;
    if (a.news && in[0]->strong) span.type = in[0]->type;  // `23:31` the model called a DATE
    return;
  }
  std::vector<Match> own = find_matches(w, mr.first, mr.last, t, a);
  if (own.empty() && in.size() == 1 && in[0]->first <= mr.first && in[0]->last >= mr.last) {
    span.value = in[0]->value;  // `қаңтар` inside `қаңтар айында`: the same date
    return;
  }
  if (own.size() != 1) return;
  for (std::size_t k = mr.first; k < mr.last; ++k)
    if ((k < own[0].first || k >= own[0].last) && !glue(w[k])) return;
  span.value = own[0].value;
}

// A model span whose units are all clock units (`8:47.35 секунд ішінде`, `30 минут`): a TIME,
// whatever type the model gave it.
bool clock_units_only(const Words& w, const WordRange& mr) {
  bool clock = false;
  for (std::size_t k = mr.first; k < mr.last; ++k) {
    const Hit* u = w[k].hit(WordClass::unit);
    if (u && u->entry->type == SpanType::TIME) clock = true;
    if ((u && u->entry->type == SpanType::DATE) || w[k].hit(WordClass::month) || w[k].hit(WordClass::weekday) ||
        w[k].hit(WordClass::season) || w[k].more->is_date)
      return false;
  }
  return clock;
}

// A value that is a part of the day, alone or on a date (`TNI`, `2025-10-24TNI`).
bool part_of_day_value(const std::string& v) {
  std::size_t n = v.size();
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  return n >= 3 && v[n - 3] == 'T' && upper(v[n - 2]) && upper(v[n - 1]) && (n == 3 || v[n - 4] != '-');
}

// Written news: a dash or comma the model took in at an edge is no part of it (`– апта ішінде`).
WordRange trim_punct(const Words& w, WordRange mr, ByteRange& range) {
  while (mr.last > mr.first + 1 && w[mr.first].kind == text::TokenKind::punct) range.begin = w.begin_of(++mr.first);
  while (mr.last > mr.first + 1 && w[mr.last - 1].kind == text::TokenKind::punct) range.end = w.end_of(--mr.last - 1);
  return mr;
}

// Written news: `күндіз 15-17`, `Түнде 30°C-қа дейін` (a forecast): the model ran a part of the day
// on into the temperature after it, a number with no time word. The span ends with the part of
// the day (`күндіз`); returns the words kept.
WordRange cut_quantity(const Words& w, WordRange mr, const std::vector<const Match*>& in,
                       ByteRange& range) {
  // ... and `Бүгінгі күн | тәртібінде` ("today's agenda"): `күн` begins the word after it.
  if (mr.last > mr.first + 1 && mr.last < w.size() && agenda_day(w[mr.last - 1].fold, w[mr.last].fold)) {
    --mr.last;
    range.end = w.end_of(mr.last - 1);
    return mr;
  }
  if (in.empty() || in.front()->first != mr.first || in.back()->rule.compare(0, 4, "pod.") != 0) return mr;
  std::size_t k = in.back()->last;
  while (k < mr.last && (w[k].kind == text::TokenKind::symbol || w[k].fold == "+" || w[k].fold == "-")) ++k;
  if (k >= mr.last || !w[k].num || w[k].more->hour >= 0 || w[k].more->dot_hour >= 0 || w[k].more->is_date) return mr;
  for (std::size_t j = k; j < mr.last; ++j)
    if (temporal(w[j])) return mr;
  mr.last = in.back()->last;
  range.end = w.end_of(mr.last - 1);
  return mr;
}

// Written news: a date that is part of a law's or a decision's name (guidelines v2: a law is one
// span, its parts are not tagged again inside): inside a model LAW span, or inside a title in
// guillemets that ends with `туралы` ("on ...": `«2026-2028 жылдарға арналған бюджет туралы»`).
bool in_title(const Words& w, WordRange m, const std::vector<ByteRange>& laws) {
  ByteRange r{w.begin_of(m.first), w.end_of(m.last - 1)};
  for (const ByteRange& law : laws)
    if (law.begin <= r.begin && law.end >= r.end) return true;
  constexpr std::size_t kReach = 12;  // words to either side: a title is short
  std::size_t open = m.first;
  while (open > 0 && m.first - open < kReach && w[open - 1].fold != "«" && w[open - 1].fold != "»") --open;
  if (open == 0 || w[open - 1].fold != "«") return false;
  for (std::size_t k = m.last; k < w.size() && k - m.last < kReach; ++k) {
    if (w[k].fold == "«") return false;
    if (w[k].fold == "»") return k > m.last && (w[k - 1].fold == "туралы" || w[k - 1].fold == "turaly");
  }
  return false;
}

// Written news: `Ол хат жаз деді` ("write a letter", he said): a lone `жаз` before a speech verb
// (`деді`, `деп`) or ending its clause (`«Хат жаз!»`) is the verb "write", not the summer (the
// model's span; `Жаз келді`, `жаз ыстық болды` stay the season).
bool write_verb(const Words& w, const WordRange& mr) {
  if (mr.last != mr.first + 1 || (w[mr.first].fold != "жаз" && w[mr.first].fold != "jaz")) return false;
  if (mr.last >= w.size()) return true;
  std::string_view n = w[mr.last].fold;
  return n == "." || n == "!" || n == "»" || n == "\"" || n.substr(0, 4) == "де" || n.substr(0, 2) == "de";
}

}  // namespace

void merge_model_candidates(Context& ctx, const Words& words, const std::vector<Match>& matches,
                            const Tables& tables, const Anchor& anchor) {
  DaysWritten days(matches);
  std::vector<bool> used(matches.size(), false);
  std::vector<Candidate> kept;
  // At most every candidate and every match, reserved once (it grew by doubling: a large
  // document's first touches of fresh memory, page by page).
  text::reserve_huge(kept, ctx.candidates.size() + matches.size());
  std::vector<ByteRange> laws;  // the model's LAW spans (in_title)
  for (const Candidate& c : ctx.candidates)
    if (c.origin == Origin::model && c.span.type == SpanType::LAW) laws.push_back(c.span.range);
  for (Candidate& c : ctx.candidates) {
    if (!is_temporal_model(c)) { kept.push_back(std::move(c)); continue; }
    WordRange mr = words_of(words, c.span.range);
    if (anchor.news) mr = trim_punct(words, mr, c.span.range);
    // The matches overlapping the model span (matches are in text order and do not overlap).
    auto from = std::partition_point(matches.begin(), matches.end(), [&](const Match& m) { return m.last <= mr.first; });
    std::vector<const Match*> in;
    for (auto it = from; it != matches.end() && it->first < mr.last; ++it) in.push_back(&*it);
    if (anchor.news) mr = cut_quantity(words, mr, in, c.span.range);
    if (anchor.news && in_title(words, mr, laws)) {
      for (const Match* m : in) used[static_cast<std::size_t>(m - matches.data())] = true;
      continue;
    }
    if (anchor.news && write_verb(words, mr)) continue;
    if (!in.empty() && judge(words, mr, in, ctx.kaznerd_cuts) == Verdict::use_rules) continue;
    if (in.empty() && not_a_date(words, mr)) continue;
    if (in.empty() && anchor.news && news_not_a_date(words, mr)) continue;
    value_for_model(words, mr, in, tables, anchor, c.span);
    if (anchor.news && c.span.type == SpanType::DATE &&
        ((in.empty() && clock_units_only(words, mr)) || part_of_day_value(c.span.value)))
      c.span.type = SpanType::TIME;  // `түні бойы` (TNI): parts of the day are TIME (guidelines)
    if (c.span.type == SpanType::TIME && bare_time(c.span.value)) {
      std::string day = days.before(mr.first);
      if (!day.empty()) c.span.value = day + c.span.value;
    }
    for (const Match* m : in) used[static_cast<std::size_t>(m - matches.data())] = true;
    kept.push_back(std::move(c));
  }
  for (std::size_t k = 0; k < matches.size(); ++k)
    if (!used[k] && !matches[k].value_only &&
        !(anchor.news && in_title(words, WordRange{matches[k].first, matches[k].last}, laws)))
      kept.push_back(to_candidate(words, matches[k]));
  ctx.candidates = std::move(kept);
}

}  // namespace belgi::dates
