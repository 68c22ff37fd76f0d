// Quantities (durations, ages, ago, sets) and the fixed phrases of the tables, and the choice of
// the longest expression at a word (clock times: parser_clock.cpp).
#include "dates/parser.h"

#include <algorithm>
#include <cstdio>
#include <utility>

namespace belgi::dates::detail {

namespace {

// The people of a time (`жастар`, `ұрпақ`, `қоғам`: youth, generation, society): `Бүгінгі жастар`
// is the present, not the day (written news). Folded prefixes.
bool of_the_time(std::string_view f) {
  for (std::string_view p : {"жастар", "ұрпақ", "қоғам", "zhastar", "jastar", "ūrpaq", "qoğam"})
    if (f.substr(0, p.size()) == p) return true;
  return false;
}

}  // namespace

// ---- quantities: durations, ages, ago, sets -----------------------------------------------------

// The modifier a quantity may start with (`соңғы 5 жылда`, `осы 1-2 күнде`, `әр`), else null.
const Hit* Parser::quantity_modifier(std::size_t i) const {
  const Hit* mod = hit(i, WordClass::modifier);
  if (!mod) return nullptr;
  const std::string& role = mod->entry->code;
  if (role == "first" && !a_.news) return nullptr;  // KazNERD: `алғашқы` left out
  bool fits = role == "last" || role == "first" || (role == "rel" && mod->entry->ival >= 0) || role == "each";
  return fits ? mod : nullptr;
}

// A quantity's words from i: [modifier | `осыдан`] [`тура`] [number] unit.
bool Parser::quantity_words(std::size_t i, Quantity& q) const {
  if (!ok(i)) return false;  // `8 жыл` at the end of the text: no second part (compound())
  q.mod = quantity_modifier(i);
  // `осыдан 5 жыл бұрын` ("5 years from now back"): only before an `ago`.
  q.from_now = !q.mod && (w_[i].fold == "осыдан" || w_[i].fold == "osydan");
  std::size_t j = q.mod || q.from_now ? i + 1 : i;
  if (ok(j) && (w_[j].fold == "тура" || w_[j].fold == "tura") && a_.news) ++j;  // `тура жүз жыл бұрын` ("exactly")
  Num& n = q.n;
  q.have = number(j, n) && (!n.range || n.b <= 31);  // `осы 1-2 күнде` (no value)
  if (ok(j) && w_[j].num && w_[j].rest_hit(WordClass::unit)) {  // `25-минутта`: the unit inside the number
    q.u = w_[j].rest_hit(WordClass::unit), q.k = j + 1, q.inner = q.have = true;
    n = Num();
    n.v = static_cast<double>(w_[j].more->value), n.digits = true, n.ndigits = w_[j].more->digits, n.end = j + 1;
  } else if (q.have) {
    q.u = hit(n.end, WordClass::unit), q.k = n.end + 1;
    if (!q.u) q.u = unit_adj(n.end);
  } else {
    q.u = hit(j, WordClass::unit), q.k = j + 1;
    if (!q.u && unit_adj(j) && unit_adj(j)->entry->code == "CE") q.u = unit_adj(j);  // `ғасырлық`
    n.v = 1;
  }
  return q.u && q.u->entry->code != "DE" && (!q.u->entry->abbr || a_.news);  // `2 сағ.`: written news
}

// `100 жылдық тарихы` -> P100Y, `екі күндік жиын` -> P2D
bool Parser::duration_adj(std::size_t i, const Quantity& q, Parsed& out) const {
  const Num& n = q.n;
  // `Абайдың 175 жылдығы`, `Жеңістің 80 жылдық мерейтойы`: an anniversary of something, part of
  // an EVENT (but `мектептің 100 жылдық тарихы` is a duration).
  if (i > lo_ && genitive_form(w_[i - 1].fold) && anniversary(q.k - 1)) return false;
  if (i > lo_ && (w_[i - 1].num || hit(i - 1, WordClass::number))) return false;  // `жүз | елу жылдығы`
  // (`көп жылдық тарихы`, `бірнеше күндік`: written news takes them in, without a value)
  if (q.have && (n.range || n.ordinal || (n.vague && !a_.news) || !n.ending.empty() || n.v > 500)) return false;
  if (q.mod && q.mod->entry->code != "last" && q.mod->entry->code != "first") return false;
  out.type = q.u->entry->type;  // `5 сағаттық` is a TIME
  out.end = q.k;
  out.rule = "date.duration_adj";
  out.literal = duration(n.v, n.vague, q.u->entry->code);
  return true;
}

// Whether a number and unit (and the postposition after them) read as a quantity at all.
bool Parser::quantity_fits(std::size_t i, const Quantity& q, const Hit* post) const {
  const Num& n = q.n;
  const Hit* u = q.u;
  const std::string& unit = u->entry->code;
  const std::string role = post ? post->entry->code : "";
  if (q.have && (n.ending.possessive || n.v > 500)) return false;  // `он екісі` (the 12th), `377000 күн`
  if (unit == "Y" && q.have && n.v >= 1000) return false;         // a year, not 1000 years
  if (unit == "AGE" && (!q.have || n.vague)) return false;        // `жас` alone is "young"
  // `15 жас` (young people); but a range is ages in written news (`16-17 жас балалар`)
  if (u->entry->strict && u->ending.empty() && !(q.have && n.range && a_.news)) return false;
  if (unit == "AGE" && (u->ending.kase == Case::gen || u->ending.kase == Case::acc)) return false;
  if (n.ordinal && !q.inner) return false;                        // `екінші күні`
  // A bare unit is not a date, but for `жыл сайын`, `жыл бойы` (P1Y), `апта ішінде` (P1W).
  // Written news: `әр күні` ("every day") is a set too.
  bool every = q.mod && q.mod->entry->code == "each" && !q.have && a_.news && u->ending.possessive &&
               u->ending.kase == Case::none && !u->ending.plural;
  if (!q.have && !every && role != "each" && ((role != "during" && role != "within") || !a_.news)) return false;
  if (!q.have && u->ending.plural) return false;
  if (!q.have && i > lo_ && w_[i - 1].num) return false;  // `8:47.35 секунд ішінде`: a number it cannot read
  // `бір күннің өзінде`, `бес жылдық`: a genitive duration needs its postposition (`ішінде`).
  if (!post && unit != "AGE" && !q.inner && (u->ending.kase == Case::gen || u->ending.kase == Case::adj))
    return false;
  if (!post && u->ending.kase == Case::acc && (!q.have || n.vague)) return false;  // `сан жылды`
  // `30 жылы` ("in '30"), `5 күні` (the 5th): a possessive without a case is not a duration.
  return post || unit == "AGE" || every || !u->ending.possessive || u->ending.kase != Case::none;
}

// `Биылғы 11 айда`, `Биылғы 3 ай ішінде` ("this year's 11 months", written news): the first
// months of the year, as `осы жылдың 11 айында` -> 2025-01/2025-11 (not P11M: `өткен 11 айда`).
bool Parser::year_months(const Quantity& q, Parsed& out) const {
  const Num& n = q.n;
  bool within = post_is(q.k, "within") || post_is(q.k, "during");
  if (!a_.news || !q.mod || q.mod->entry->id.compare(0, 18, "modifier.this_year") != 0 || !q.have || q.inner ||
      n.range || n.vague || n.ordinal || !n.ending.empty() || n.v < 1 || n.v > 12 || n.v != static_cast<long>(n.v) ||
      q.u->entry->code != "M" || q.u->ending.plural || (q.u->ending.kase == Case::none && !q.u->ending.possessive && !within))
    return false;
  // (undated, no value: `биылғы` is relative to the document date, as `Биыл`)
  int y = a_.known ? a_.date.y : 0;
  if (y) out.literal = range_literal(Point{y, 1, 0, "", 0}, Point{y, static_cast<int>(n.v), 0, "", 0});
  out.end = within ? q.k + 1 : q.k;
  out.rule = "date.first_months";
  return true;
}

bool Parser::quantity(std::size_t i, Parsed& out) const {
  Quantity q;
  if (!quantity_words(i, q)) return false;
  if (year_months(q, out)) return true;
  if (q.u->entry->adjective) return duration_adj(i, q, out);
  const std::string& unit = q.u->entry->code;
  out.type = q.u->entry->type;
  out.end = q.k;
  out.rule = unit == "AGE" ? "date.age" : out.type == SpanType::TIME ? "time.duration" : "date.duration";
  const Hit* post = hit(q.k, WordClass::post);
  if (post && post->entry->code == "from") post = nullptr;  // `бастап` stays out (postpositions.tsv)
  if (!quantity_fits(i, q, post)) {
    // `8 айдың қорытындысы` ("the results of 8 months"): a counted genitive is no span of its
    // own, but the value of the model's span (written news).
    const Num& n = q.n;
    if (!a_.news || post || !q.have || n.vague || n.range || !n.ending.empty() || n.v > 500 || q.inner ||
        q.u->ending.kase != Case::gen || q.u->ending.possessive || unit == "AGE")
      return false;
    out.value_only = true;
  }
  if (q.inner && q.u->ending.kase == Case::loc && unit == "MIN") {  // `25-минутта` (match minute)
    out.rule = "time.match_minute";
    return true;
  }
  std::string role = post ? post->entry->code : "";
  if (q.from_now && role != "ago") return false;
  if (post) out.end = q.k + 1;
  if (!post && quantity_to(q, out)) return true;
  if (q.have && q.n.range) {  // `1-2 күнде`, `16-17 жас`: a span without a value
    if (unit == "Y" && q.n.a >= 1000) return false;
    out.literal.clear();
    return true;
  }
  quantity_value(q, role, out);
  if (!post) compound(q, out);
  return true;
}

// `18 жастан 29 жасқа дейінгі`, `5 жылдан 10 жылға дейін` (written news): a quantity from one
// count to a larger one of the same unit is one span (as KazNERD's `3 жастан 6 жасқа дейінгі`),
// without a value as `16-17 жас`.
bool Parser::quantity_to(const Quantity& q, Parsed& out) const {
  Quantity q2;
  if (!a_.news || !q.have || q.mod || q.inner || q.n.range || q.n.vague || !q.n.ending.empty() ||
      q.u->ending.kase != Case::abl || q.u->ending.possessive || !quantity_words(q.k, q2) || !q2.have || q2.mod ||
      q2.n.range || q2.n.vague || q2.u->entry->code != q.u->entry->code || q2.u->ending.kase != Case::dat ||
      q2.n.v <= q.n.v || !post_is(q2.k, "until"))
    return false;
  out.literal.clear();
  out.end = q2.k + 1;
  return true;
}

// The rank of a duration unit, largest first (0 = not one that compounds).
static int unit_rank(const std::string& unit) {
  static const char* kOrder[] = {"Y", "M", "W", "D", "H", "MIN", "S"};
  for (int r = 0; r < 7; ++r)
    if (unit == kOrder[r]) return r + 1;
  return 0;
}

// `8 жыл 6 айға`, `2 сағат 30 минут` (written news): one duration in two parts is one span,
// P8Y6M, PT2H30M; the first part is a bare count, the second a smaller unit.
void Parser::compound(const Quantity& q, Parsed& out) const {
  int rank = unit_rank(q.u->entry->code);
  if (!a_.news || !q.have || q.inner || q.mod || q.n.vague || !q.n.ending.empty() || !q.u->ending.empty() || !rank ||
      out.literal.size() < 3 || out.literal.find('/') != std::string::npos)
    return;
  Quantity q2;
  Parsed p;
  if (!quantity_words(q.k, q2) || !q2.have || q2.mod || q2.from_now || q2.n.range ||
      unit_rank(q2.u->entry->code) <= rank || !quantity(q.k, p) || p.literal.size() < 3 || p.literal[0] != 'P')
    return;
  bool clock1 = out.literal[1] == 'T', clock2 = p.literal[1] == 'T';
  if (clock1 && !clock2) return;
  out.literal += p.literal.substr(clock1 ? 2 : 1);  // P8Y + P6M -> P8Y6M, P2D + PT3H -> P2DT3H
  out.end = p.end;
}

// The value of a quantity: a set (`жыл сайын` R/P1Y), a point back in time (`3 күн бұрын`) or
// a duration (`2,5 жыл ішінде` P2.5Y, as written).
void Parser::quantity_value(const Quantity& q, const std::string& role, Parsed& out) const {
  const Num& n = q.n;
  const std::string& unit = q.u->entry->code;
  if (role == "each" || (q.mod && q.mod->entry->code == "each")) {
    std::string every = duration(n.v, n.vague, unit);  // empty when vague (`бірнеше жыл сайын`)
    out.literal = every.empty() ? "" : "R/" + every;
    out.rule = out.type == SpanType::TIME ? "time.set" : "date.set";
  } else if (role == "ago" && (!q.mod || q.from_now)) {
    out.rule = "date.ago";
    if (n.vague || is_clock_unit(unit) || unit == "AGE" || unit == "CE") return;
    if (unit == "W") relative_point("D", -7 * static_cast<int>(n.v), out);  // `бір апта бұрын`: a day
    else relative_point(unit, -static_cast<int>(n.v), out);
    if (n.v != static_cast<long>(n.v)) out.is_point = false, out.unresolved = true;
  } else if (n.decimal && unit != "CE" && unit != "DE") {  // `2,5 жыл ішінде` -> P2.5Y, as written
    // (`1,5 ғасыр` goes to duration(): P150Y, centuries are counted in years)
    char b[32];
    std::snprintf(b, sizeof b, "%s%g%s", is_clock_unit(unit) ? "PT" : "P", n.v, unit_letter(unit));
    out.literal = b;
  } else {
    out.literal = duration(n.v, n.vague, unit);
  }
}

// ---- phrases (relative.tsv, parts_of_day.tsv) ---------------------------------------------------

bool Parser::phrase(std::size_t i, Parsed& out) const {
  if (!ok(i) || w_[i].kind != text::TokenKind::word) return false;
  for (const Phrase* p : w_[i].more->phrases) {
    std::size_t n = p->words.size();
    bool all = true;
    for (std::size_t k = 1; k < n && all; ++k)
      all = ok(i + k) && t_.word_matches(w_[i + k].fold, p->words[k]);
    if (!all || (n > 1 && ok(i + n) && agenda_day(w_[i + n - 1].fold, w_[i + n].fold))) continue;
    out.end = i + n;
    out.type = p->type;
    out.rule = p->id;
    out.value_only = p->value_only || (p->news_only && !a_.news);
    out.relative = p->value.find('{') != std::string::npos;
    // `Ертесіне` ("on the next day"): the day after the one last written out (anaphora.cpp);
    // after a genitive it is "the future" (`елдің ертеңі`), no date.
    // `Сол түні` ("that night"): the night of the day last written out.
    bool next_day = p->id.compare(0, 12, "rel.next_day") == 0;
    out.anaphoric = next_day || p->id.compare(0, 14, "pod.that_night") == 0;
    if (next_day && i > lo_ && genitive_form(w_[i - 1].fold)) return false;
    out.day_offset = next_day ? 1 : 0;
    if (!expand_template(p->value, a_, out.literal)) out.unresolved = true;
    // A capitalised `Бүгінгі` opens a sentence about today's event (`Бүгінгі жүгіру`, "today's
    // run"); in lower case it is the present (`бүгінгі қазақ ғылымы`, PRESENT_REF), as it is
    // before the people of a time (`Бүгінгі жастар`, `Бүгінгі ұрпақ`: today's youth, generation).
    if (a_.news && n == 1 && w_[i].upper_initial && out.literal == "PRESENT_REF" &&
        (p->id == "rel.today_adj" || p->id == "rel.today_adj.latn") && !(ok(i + 1) && of_the_time(w_[i + 1].fold))) {
      out.rule = "rel.today";
      out.relative = true;
      out.unresolved = !expand_template("{D+0}", a_, out.literal);
    }
    // `Биыл 26 қыркүйекте`, `былтыр қараша айында`: the year phrase dates what follows.
    Parsed m;
    if (a_.news && n == 1 && w_[i].fold == p->words[0][0].form && p->value.compare(0, 2, "{Y") == 0 &&
        month_of_year(i + 1, p->value == "{Y-1}" ? -1 : 0, m)) {
      std::size_t start = out.end;
      out = m;
      out.end = std::max(out.end, start);
      tail(out);
      return true;
    }
    out.joinable_time = p->type == SpanType::TIME && !p->value.empty() && p->value[0] == 'T' &&
                        p->value.size() == 3;
    // A relative day keeps its point for `since`: `былтырдан бері`, `бүгінге дейін`.
    if (p->type == SpanType::DATE) {
      const Hit* post = hit(out.end, WordClass::post);
      if (post && (post->entry->code == "until" || post->entry->code == "since")) {
        if (post->entry->code == "since" && !out.literal.empty() && out.literal != "PRESENT_REF" &&
            a_.known) {
          std::string to = format_ymd(a_.date).substr(0, out.literal.size());
          out.literal += "/" + to;
        }
        out.end += 1;
      }
    }
    return true;
  }
  return false;
}

bool Parser::best(std::size_t i, Parsed& out) const {
  if (ok(i) && w_[i].inert) return false;  // most words: no pattern starts there (words.h)
  Parsed b, p;
  // The longest; at equal length a span wins over a value-only reading. Swapped, not copied:
  // p is reset next.
  auto take = [&](bool found) {
    if (found && (p.end > b.end || (p.end == b.end && b.value_only && !p.value_only))) std::swap(b, p);
    reset(p);
  };
  take(phrase(i, p));
  take(date(i, p));
  take(quantity(i, p));
  take(time(i, p));
  if (b.end == 0) return false;
  out = std::move(b);
  return true;
}

}  // namespace belgi::dates::detail
