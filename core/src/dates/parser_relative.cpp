// Units with a modifier, relative to the document date or to what was written before: `өткен
// айда`, `келесі аптаның жұмасында`, `осы айдың 15-інде`, `сол күні`, `Сол жылдың 5 мамырында`
// (moved from parser_dates.cpp, which was at its size limit).
#include "dates/parser.h"

namespace belgi::dates::detail {

// `өткен айда`, `келесі аптада`, `осы айдың соңында`, `жыл басынан бері`, `соңғы айларда`
bool Parser::unit_alone(std::size_t i, const Hit* mod, Parsed& out) const {
  const Hit* u = hit(i, WordClass::unit);
  if (!u || u->entry->code == "AGE") return false;
  // `алғашқы сағаттарда`, `соңғы минуттарда`: TIME, no value (written news)
  if (is_clock_unit(u->entry->code)) {
    if (!a_.news || !mod || (mod->entry->code != "first" && mod->entry->code != "last") || !u->ending.plural)
      return false;
    out.end = i + 1, out.type = SpanType::TIME, out.rule = "time.relative_unit";
    return true;
  }
  const std::string& unit = u->entry->code;
  out.end = i + 1;
  out.rule = "date.relative_unit";
  const Hit* part = hit(i + 1, WordClass::part);
  bool has_part = part && part->ending.possessive;
  if (!mod) {
    if (!has_part || u->ending.plural) return false;
    relative_point(unit, 0, out);
    return true;
  }
  // `Өткен ғасырдың 30-жылдарының басында` -> 193: the century before the document's (before the
  // 21st when undated: the news-train articles are 2013-2026).
  if (unit == "CE" && mod->entry->code == "rel" && u->ending.kase == Case::gen && !u->ending.plural) {
    int year = a_.known ? a_.date.y : 2001;
    Parsed c;
    if (century_decade(i + 1, (year - 1) / 100 + 1 + mod->entry->ival, c)) {
      out = c;
      return true;
    }
  }
  const std::string& role = mod->entry->code;
  if (role == "last") return u->ending.plural;  // `соңғы айларда` (no value)
  if (role == "first") {  // `алғашқы жылдарында`, `алғашқы күнінде` (no value): written news only
    out.value_only = !a_.news;
    return u->ending.plural || u->ending.possessive;
  }
  if (role == "that" && unit == "Y" && !u->ending.plural) return that_year(u, out);
  if (role == "that") return unit == "D" && that_day(u, out);
  if (role == "each") return false;  // `әр күнге` is not tagged; `әр жыл сайын` goes by сайын
  if (role != "rel" || u->ending.plural) return false;
  relative_point(unit, mod->entry->ival, out);
  if (unit == "D" && u->ending.possessive) {  // `Келесі күні`: the day after the one last written out
    out.rule = "date.next_day";
    out.anaphoric = true;
    out.day_offset = mod->entry->ival;
  }
  if (unit == "M" && u->ending.kase == Case::gen) month_day(i + 1, out);
  if (unit == "W" && u->ending.kase == Case::gen) week_day(i + 1, mod->entry->ival, out);
  return true;
}

// `сол күні`, `Бұл күні`: the day last written out (anaphora.cpp); written news also `Сол күнгі
// жиында`, `Сол күннен бастап` (of, from that day), and `бұл күнді` ("this day", the object): only
// the model's span's value, no span of its own.
bool Parser::that_day(const Hit* u, Parsed& out) const {
  const Case k = u->ending.kase;
  bool acc = a_.news && !u->ending.possessive && k == Case::acc;
  bool cased = a_.news && !u->ending.possessive && (k == Case::adj || k == Case::abl || k == Case::dat);
  if (u->ending.plural || (!u->ending.possessive && !cased && !acc)) return false;
  out.rule = "date.that_day";
  out.anaphoric = true;
  out.unresolved = true;
  out.value_only = !a_.news || acc;  // KazNERD leaves `Бұл күні` untagged
  return true;
}

// After `өткен аптаның`, `осы аптаның` (written news): `жұмасында` -> that week's Friday.
void Parser::week_day(std::size_t j, int offset, Parsed& out) const {
  const Hit* h = hit(j, WordClass::weekday);
  if (!a_.news || !h || !h->ending.possessive || h->ending.plural) return;
  out.end = j + 1;
  out.rule = "date.weekday";
  out.period = false;
  if (!a_.known) return;
  Ymd d = add_days(a_.date, 7L * offset);
  d = add_days(d, h->entry->ival - dates::weekday(d));  // Monday is 1
  out.point = Point{d.y, d.m, d.d, "", 0};
}

// After `осы айдың`, `келесі айдың` (written news): `15-інде` -> that month's 15th.
void Parser::month_day(std::size_t j, Parsed& out) const {
  Num n;
  if (!a_.news || !number(j, n) || n.range || n.vague || !n.digits || !n.ending.possessive || n.v < 1 || n.v > 31)
    return;
  out.end = n.end;
  out.rule = "date.month_gen_day";
  out.full_date_text = true;
  out.period = false;
  if (!out.is_point) return;
  out.point.d = static_cast<int>(n.v);
  out.unresolved = !valid_date(out.point.y, out.point.m, out.point.d);  // the 31st of November
}

// `Сол жылы`, `Бұл жыл`: the year last written out (anaphora.cpp). Written news: with what follows
// it one date, `Сол жылдың 5 мамырында`, `Сол жылғы қазан айында`: a day or month of that year
// (XXXX when no year was written before).
bool Parser::that_year(const Hit* u, Parsed& out) const {
  out.rule = "date.that_year";
  out.unresolved = true;
  out.value_only = !a_.news;
  out.period = a_.news;  // `Сол жылдың соңында`: a part of it, the same year
  if (!a_.news || (u->ending.kase != Case::gen && u->ending.kase != Case::adj) || u->ending.possessive) return true;
  Parsed c;
  c.is_point = true;
  if (!year_continuation(out.end, c) || (c.literal.empty() && !c.point.m && c.point.season.empty())) return true;
  out.end = c.end;
  out.literal = c.literal.empty() ? format_point(c.point) : c.literal;
  out.rule = "date.that_year_date";
  out.unresolved = false;
  return true;
}

}  // namespace belgi::dates::detail
