// Quantities (durations, ages, ago, sets), clock times and the fixed phrases of the tables, and
// the choice of the longest expression at a word.
#include "dates/parser.h"

#include <algorithm>
#include <cstdio>

namespace belgi::dates::detail {

// ---- quantities: durations, ages, ago, sets -----------------------------------------------------

bool Parser::quantity(std::size_t i, Parsed& out) const {
  if (!ok(i)) return false;
  const Hit* mod = hit(i, WordClass::modifier);
  if (mod && mod->entry->code == "first" && !a_.news) mod = nullptr;  // KazNERD: `алғашқы` left out
  if (mod && mod->entry->code != "last" && mod->entry->code != "first" && !(mod->entry->code == "rel" && mod->entry->ival >= 0) &&
      mod->entry->code != "each")
    mod = nullptr;
  // `осыдан 5 жыл бұрын` ("5 years from now back"): only before an `ago`.
  bool from_now = !mod && ok(i) && (w_[i].fold == "осыдан" || w_[i].fold == "osydan");
  std::size_t j = mod || from_now ? i + 1 : i;
  if (ok(j) && (w_[j].fold == "тура" || w_[j].fold == "tura") && a_.news) ++j;  // `тура жүз жыл бұрын` ("exactly")
  Num n;
  bool have = number(j, n) && (!n.range || n.b <= 31);  // `осы 1-2 күнде` (no value)
  const Hit* u = nullptr;
  std::size_t k;
  bool inner = false;  // `25-минутта`: unit inside the number token
  if (ok(j) && w_[j].num && !w_[j].rest_hits.empty() && w_[j].rest_hit(WordClass::unit)) {
    u = w_[j].rest_hit(WordClass::unit), k = j + 1, inner = have = true;
    n = Num();
    n.v = static_cast<double>(w_[j].value), n.digits = true, n.ndigits = w_[j].digits, n.end = j + 1;
  } else if (have) {
    u = hit(n.end, WordClass::unit), k = n.end + 1;
    if (!u) u = unit_adj(n.end);
  } else {
    u = hit(j, WordClass::unit), k = j + 1;
    if (!u && unit_adj(j) && unit_adj(j)->entry->code == "CE") u = unit_adj(j);  // `ғасырлық`
    n.v = 1;
  }
  if (!u || u->entry->code == "DE") return false;
  if (u->entry->adjective) {  // `100 жылдық тарихы` -> P100Y, `екі күндік жиын` -> P2D
    // `Абайдың 175 жылдығы`, `Жеңістің 80 жылдық мерейтойы`: an anniversary of something, part of
    // an EVENT (but `мектептің 100 жылдық тарихы` is a duration).
    if (i > lo_ && genitive_form(w_[i - 1].fold) && anniversary(k - 1)) return false;
    if (i > lo_ && (w_[i - 1].num || hit(i - 1, WordClass::number))) return false;  // `жүз | елу жылдығы`
    if (have && (n.range || n.ordinal || n.vague || !n.ending.empty() || n.v > 500)) return false;
    if (mod && mod->entry->code != "last" && mod->entry->code != "first") return false;
    out.type = SpanType::DATE;
    out.end = k;
    out.rule = "date.duration_adj";
    out.literal = duration(n.v, n.vague, u->entry->code);
    return true;
  }
  const std::string& unit = u->entry->code;
  if (have && (n.ending.possessive || n.v > 500)) return false;  // `он екісі` (the 12th), `377000 күн`
  if (unit == "Y" && have && n.v >= 1000) return false;       // a year, not 1000 years
  if (unit == "AGE" && (!have || n.vague)) return false;      // `жас` alone is "young"
  if (u->entry->strict && u->ending.empty()) return false;    // `15 жас` (young people)
  if (unit == "AGE" && (u->ending.kase == Case::gen || u->ending.kase == Case::acc)) return false;
  if (n.ordinal && !inner) return false;                      // `екінші күні`
  out.type = u->entry->type;
  out.end = k;
  out.rule = unit == "AGE" ? "date.age" : out.type == SpanType::TIME ? "time.duration" : "date.duration";
  const Hit* post = hit(k, WordClass::post);
  std::string role = post ? post->entry->code : "";
  // A bare unit is not a date, but for `жыл сайын`, `жыл бойы` (P1Y), `апта ішінде` (P1W).
  if (!have && role != "each" && ((role != "during" && role != "within") || !a_.news)) return false;
  if (!have && u->ending.plural) return false;
  if (!have && i > lo_ && w_[i - 1].num) return false;  // `9:01.98 секунд ішінде`: a number it cannot read
  // `бір күннің өзінде`, `бес жылдық`: a genitive duration needs its postposition (`ішінде`).
  if (!post && unit != "AGE" && !inner && (u->ending.kase == Case::gen || u->ending.kase == Case::adj))
    return false;
  if (!post && u->ending.kase == Case::acc && (!have || n.vague)) return false;  // `сан жылды`
  // `30 жылы` ("in '30"), `5 күні` (the 5th): a possessive without a case is not a duration.
  if (!post && unit != "AGE" && u->ending.possessive && u->ending.kase == Case::none) return false;
  if (inner && u->ending.kase == Case::loc && unit == "MIN") {  // `25-минутта` (match minute)
    out.rule = "time.match_minute";
    return true;
  }
  if (from_now && role != "ago") return false;
  if (post) out.end = k + 1;
  if (have && n.range) {  // `1-2 күнде`, `16-17 жас`: a span without a value
    if (unit == "Y" && n.a >= 1000) return false;
    out.literal.clear();
    return true;
  }
  if (role == "each" || (mod && mod->entry->code == "each")) {
    std::string every = duration(n.v, n.vague, unit);  // empty when vague (`бірнеше жыл сайын`)
    out.literal = every.empty() ? "" : "R/" + every;
    out.rule = out.type == SpanType::TIME ? "time.set" : "date.set";
  } else if (role == "ago" && (!mod || from_now)) {
    out.rule = "date.ago";
    if (n.vague || is_clock_unit(unit) || unit == "AGE" || unit == "CE") return true;
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
  return true;
}

// ---- clock times --------------------------------------------------------------------------------

bool Parser::clock_at(std::size_t j, int& h, int& m, Ending& e, std::size_t& end) const {
  if (!ok(j) || !w_[j].num) return false;
  if (w_[j].hour >= 0) {
    h = w_[j].hour, m = w_[j].minute, e = w_[j].ending, end = j + 1;
    return true;
  }
  // `17 : 42-де` (KazNERD writes the colon apart)
  if (w_[j].plain && w_[j].digits <= 2 && w_[j].value <= 24 && punct(j + 1, ":") && ok(j + 2) &&
      w_[j + 2].num && w_[j + 2].digits == 2 && w_[j + 2].value < 60 &&
      (w_[j + 2].plain || w_[j + 2].rest_ending)) {
    h = static_cast<int>(w_[j].value), m = static_cast<int>(w_[j + 2].value);
    e = w_[j + 2].ending, end = j + 3;
    return true;
  }
  return false;
}

// `17:20`, `сағат 10:00-де`, `сағат 14:31`, `таңғы сағат 8-де`, `кешкі 9-да`, `10:00-ден 18:00-ге дейін`
bool Parser::time(std::size_t i, Parsed& out) const {
  std::size_t j = i;
  std::string pod;
  // A part of the day before the clock (`таңғы`, `кешкі`; parts_of_day.tsv) sets am/pm.
  if (ok(j) && w_[j].kind == text::TokenKind::word && w_[j].adjectival) {
    for (const Phrase* p : w_[j].phrases)
      if (p->words.size() == 1 && p->value.size() == 3 && p->value[0] == 'T') { pod = p->value; break; }
    if (!pod.empty()) ++j;
  }
  bool sagat = false;
  const Hit* u = hit(j, WordClass::unit);
  if (u && u->entry->code == "H" && u->ending.empty()) sagat = true, ++j;
  int h, m;
  Ending e;
  std::size_t end;
  // `сағат 18.18-де оқшауланып, 19.36-да сөндірілді`: a dotted clock with an ending right after
  // another clock reads as one too.
  bool after_clock = false;
  if (ok(j) && w_[j].dot_hour >= 0 && !w_[j].ending.empty())
    for (std::size_t k = j; k > lo_ && k + 4 > j && !after_clock; --k)
      after_clock = w_[k - 1].hour >= 0 || (w_[k - 1].dot_hour >= 0 && k >= 2 && hit(k - 2, WordClass::unit) &&
                                            hit(k - 2, WordClass::unit)->entry->code == "H");
  if ((sagat || !pod.empty() || after_clock) && ok(j) && w_[j].dot_hour >= 0) {  // `сағат 10.00-де`
    h = w_[j].dot_hour, m = w_[j].dot_minute, e = w_[j].ending, end = j + 1;
  } else if (!clock_at(j, h, m, e, end)) {
    Num n;
    if ((!sagat && pod.empty()) || !number(j, n) || n.range || n.vague || n.ordinal || n.v > 24 ||
        (!sagat && n.ending.empty()) ||  // `түнгі 12 – 1`, `таңертең 2 градус`
        n.v < 0 || n.v != static_cast<long>(n.v) || (n.digits && n.ndigits > 2))
      return false;
    if (n.ending.empty() && (!n.digits || hit(n.end, WordClass::unit))) return false;  // `сағат 2 сағат`
    if (!n.ending.empty() && n.ending.kase == Case::none) return false;
    h = static_cast<int>(n.v), m = 0, e = n.ending, end = n.end;
  }
  if ((pod == "TEV" || pod == "TAF") && h < 12) h += 12;
  if (pod == "TNI" && h == 12) h = 0;
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d", h, m);
  out.literal = buf;
  out.type = SpanType::TIME;
  out.end = end;
  out.rule = "time.clock";
  out.strong = true;
  out.joinable_time = true;
  int h2 = -1, m2 = 0;
  if (ok(end - 1) && w_[end - 1].to_hour >= 0) h2 = w_[end - 1].to_hour, m2 = w_[end - 1].to_minute;  // `10.00-12.00`
  else if (dash(end) && ok(end + 1) && w_[end + 1].hour >= 0 && w_[end + 1].to_hour < 0)  // `10:00 – 12:00`
    h2 = w_[end + 1].hour, m2 = w_[end + 1].minute, e = w_[end + 1].ending, end += 2;
  if (h2 >= 0) {
    std::snprintf(buf, sizeof buf, "/T%02d:%02d", h2, m2);
    out.literal += buf;
    out.end = end;
    out.rule = "time.clock_range";
    out.joinable_time = false;
    const Hit* post = hit(end, WordClass::post);
    if (post && (post->entry->code == "until" || post->entry->code == "about")) out.end = end + 1;
    return true;
  }
  // A range: `10:00-ден 18:00-ге дейін`.
  if (e.kase == Case::abl) {
    Parsed to;
    Num n2;  // `сағат 9-дан 18-ге дейін`: the second hour bare after `сағат`
    if (sagat && !(ok(end) && w_[end].hour >= 0) && number(end, n2) && n2.digits && !n2.range &&
        n2.ending.kase == Case::dat && n2.v >= 0 && n2.v <= 24 && n2.v > h && hit(n2.end, WordClass::post) &&
        hit(n2.end, WordClass::post)->entry->code == "until") {
      to.literal = "T" + std::string(n2.v < 10 ? "0" : "") + std::to_string(static_cast<int>(n2.v)) + ":00";
      to.end = n2.end + 1;
    }
    if ((!to.literal.empty() || time(end, to)) && hit(to.end - 1, WordClass::post) &&
        hit(to.end - 1, WordClass::post)->entry->code == "until") {
      out.literal += "/" + to.literal.substr(0, 6);
      out.end = to.end;
      out.rule = "time.clock_range";
      out.joinable_time = false;
      return true;
    }
  }
  const Hit* post = hit(end, WordClass::post);
  if (post && (post->entry->code == "until" || post->entry->code == "about" ||
               post->entry->code == "since" || post->entry->code == "after"))
    out.end = end + 1;
  return true;
}

// ---- phrases (relative.tsv, parts_of_day.tsv) ---------------------------------------------------

bool Parser::phrase(std::size_t i, Parsed& out) const {
  if (!ok(i) || w_[i].kind != text::TokenKind::word) return false;
  for (const Phrase* p : w_[i].phrases) {
    std::size_t n = p->words.size();
    bool all = true;
    for (std::size_t k = 1; k < n && all; ++k)
      all = ok(i + k) && t_.word_matches(w_[i + k].fold, p->words[k]);
    if (!all) continue;
    out.end = i + n;
    out.type = p->type;
    out.rule = p->id;
    out.value_only = p->value_only || (p->news_only && !a_.news);
    out.relative = p->value.find('{') != std::string::npos;
    if (!expand_template(p->value, a_, out.literal)) out.unresolved = true;
    // A capitalised `Бүгінгі` opens a sentence about today's event (`Бүгінгі жүгіру`, "today's
    // run"); in lower case it is the present (`бүгінгі қазақ ғылымы`, PRESENT_REF).
    if (a_.news && n == 1 && w_[i].upper_initial && out.literal == "PRESENT_REF" &&
        (p->id == "rel.today_adj" || p->id == "rel.today_adj.latn")) {
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
  auto take = [&](bool found) {  // the longest; at equal length a span wins over a value-only reading
    if (found && (p.end > b.end || (p.end == b.end && b.value_only && !p.value_only))) b = p;
    p = Parsed();
  };
  take(phrase(i, p));
  take(date(i, p));
  take(quantity(i, p));
  take(time(i, p));
  if (b.end == 0) return false;
  out = b;
  return true;
}

}  // namespace belgi::dates::detail
