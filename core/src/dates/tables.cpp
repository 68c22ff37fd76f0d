#include "dates/tables.h"

#include <algorithm>
#include <atomic>
#include <cstring>

#include "dates/tsv.h"
#include "resources.h"
#include "text/utf8.h"

namespace belgi::dates {

namespace {

constexpr const char* kDir = "rules/dates/";

std::string path(const char* file) { return std::string(kDir) + file; }

// Parses a small non-negative decimal ("12", "0.5"); false on anything else.
bool parse_number(const std::string& s, double& out) {
  double v = 0, scale = 0;
  for (char c : s) {
    if (c == '.' && scale == 0) { scale = 1; continue; }
    if (c < '0' || c > '9') return false;
    if (scale > 0) { scale /= 10; v += (c - '0') * scale; } else { v = v * 10 + (c - '0'); }
  }
  out = v;
  return !s.empty() && s.size() < 10;
}

bool parse_int(const std::string& s, int lo, int hi, int& out) {
  std::size_t i = s[0] == '-' || s[0] == '+' ? 1 : 0;
  double v;
  if (i >= s.size() || s.find('.') != std::string::npos || !parse_number(s.substr(i), v)) return false;
  out = static_cast<int>(s[0] == '-' ? -v : v);
  return out >= lo && out <= hi;
}

bool one_of(const std::string& s, std::initializer_list<const char*> values) {
  for (const char* v : values) if (s == v) return true;
  return false;
}

bool parse_case(const std::string& slot, Case& c) {
  static const std::pair<const char*, Case> kCases[] = {
      {"loc", Case::loc}, {"dat", Case::dat}, {"abl", Case::abl}, {"gen", Case::gen},
      {"acc", Case::acc}, {"ins", Case::ins}, {"adj", Case::adj}, {"equ", Case::equ}};
  for (const auto& [name, value] : kCases)
    if (slot == name) { c = value; return true; }
  return false;
}

using Reader = std::function<std::string_view(std::string_view)>;

// Parses one word table: checks its header and hands each row to `make`, which fills the entry
// (and returns an error message for a bad cell, or "").
template <typename Make>
Status word_table(const Reader& file, const char* name, std::vector<std::string> columns,
                  Make make, std::vector<std::pair<Entry, std::string>>& out) {
  std::vector<TsvRow> rows;
  Status st = parse_tsv(path(name), file(path(name)), columns, rows);
  if (!st.ok()) return st;
  for (const TsvRow& r : rows) {
    Entry e;
    e.id = r.cells[0];
    std::string err = make(r.cells, e);
    if (!err.empty()) return tsv_error(path(name), r.line, err);
    out.emplace_back(std::move(e), fold(r.cells[1]));
  }
  return Status();
}

using Cells = std::vector<std::string>;

// One reader per word table: fills the entry from a row's cells, or says what is wrong with them.
std::string read_month(const Cells& c, Entry& e) {
  e.cls = WordClass::month;
  if (!parse_int(c[2], 1, 12, e.ival)) return "month must be 1-12";
  if (!one_of(c[3], {"full", "abbr"})) return "kind must be full or abbr";
  if (!one_of(c[4], {"free", "strict", "capital"})) return "ambiguity must be free, strict or capital";
  e.abbr = c[3] == "abbr";
  e.exact = e.abbr;
  e.strict = c[4] == "strict";
  e.capital = c[4] == "capital";
  return "";
}

std::string read_weekday(const Cells& c, Entry& e) {
  e.cls = WordClass::weekday;
  if (!parse_int(c[2], 1, 7, e.ival)) return "weekday must be 1-7";
  if (!one_of(c[3], {"free", "strict"})) return "ambiguity must be free or strict";
  e.strict = c[3] == "strict";
  return "";
}

std::string read_number(const Cells& c, Entry& e) {
  e.cls = WordClass::number;
  if (c[2] == "X") e.num = -1;
  else if (!parse_number(c[2], e.num)) return "value must be a number or X";
  if (!one_of(c[3], {"unit", "ten", "hundred", "thousand", "half", "vague", "many"}))
    return "kind must be unit, ten, hundred, thousand, half or vague";
  e.code = c[3];
  return "";
}

std::string read_unit(const Cells& c, Entry& e) {
  e.cls = WordClass::unit;
  if (!one_of(c[2], {"Y", "M", "W", "D", "H", "MIN", "S", "CE", "DE", "AGE"})) return "unknown unit";
  if (!one_of(c[3], {"DATE", "TIME"})) return "type must be DATE or TIME";
  if (!one_of(c[4], {"yes", "no", "adj", "abbr"})) return "bare must be yes, no, adj or abbr";
  e.strict = c[4] == "no";
  e.exact = e.abbr = c[4] == "abbr";  // `сағ.`: no endings (`сағым` is a mirage)
  e.adjective = c[4] == "adj";
  e.code = c[2];
  e.type = c[3] == "DATE" ? SpanType::DATE : SpanType::TIME;
  return "";
}

std::string read_season(const Cells& c, Entry& e) {
  e.cls = WordClass::season;
  if (!one_of(c[2], {"SP", "SU", "FA", "WI"})) return "season must be SP, SU, FA or WI";
  e.code = c[2];
  return "";
}

std::string read_modifier(const Cells& c, Entry& e) {
  e.cls = WordClass::modifier;
  e.exact = true;
  if (!one_of(c[4], {"yes", "no"})) return "school must be yes or no";
  e.school = c[4] == "yes";
  if (!one_of(c[2], {"rel", "last", "first", "new", "that", "each"})) return "unknown role";
  if (!parse_int(c[3], -100, 100, e.ival)) return "offset must be an integer";
  e.code = c[2];
  return "";
}

std::string read_postposition(const Cells& c, Entry& e) {
  e.cls = WordClass::post;
  e.exact = true;
  if (!one_of(c[2], {"since", "until", "ago", "after", "during", "within", "each", "about", "from"}))
    return "unknown role";
  e.code = c[2];
  return "";
}

std::string read_part(const Cells& c, Entry& e) {
  e.cls = WordClass::part;
  if (!one_of(c[2], {"START", "END", "MID"})) return "part must be START, END or MID";
  e.code = c[2];
  return "";
}

// The word tables, their columns and readers, in load order.
struct WordTable {
  const char* name;
  std::vector<std::string> columns;
  std::string (*read)(const Cells&, Entry&);
};

const std::vector<WordTable>& word_tables() {
  static const std::vector<WordTable> tables = {
      {"months.tsv", {"id", "form", "month", "kind", "ambiguity", "comment"}, read_month},
      {"weekdays.tsv", {"id", "form", "weekday", "ambiguity", "comment"}, read_weekday},
      {"numbers.tsv", {"id", "form", "value", "kind", "comment"}, read_number},
      {"units.tsv", {"id", "form", "unit", "type", "bare", "comment"}, read_unit},
      {"seasons.tsv", {"id", "form", "season", "comment"}, read_season},
      {"modifiers.tsv", {"id", "form", "role", "offset", "school", "comment"}, read_modifier},
      {"postpositions.tsv", {"id", "form", "role", "comment"}, read_postposition},
      {"parts.tsv", {"id", "form", "part", "comment"}, read_part},
  };
  return tables;
}

}  // namespace

std::string_view Tables::intern(std::string s) {
  strings_.push_back(std::move(s));
  return strings_.back();
}

Status Tables::load_embedded(Tables& out) {
  return load([](std::string_view name) { return resources::file(name); }, out);
}

Status Tables::load(const Reader& file, Tables& out) {
  out = Tables();
  Status st = out.load_suffixes(path("suffixes.tsv"), file(path("suffixes.tsv")));
  if (st.ok()) st = out.load_words(file);
  if (st.ok()) st = out.load_phrases(path("relative.tsv"), file(path("relative.tsv")));
  if (st.ok()) st = out.load_phrases(path("parts_of_day.tsv"), file(path("parts_of_day.tsv")));
  if (!st.ok()) return st;
  std::vector<TsvRow> rows;
  st = parse_tsv(path("exceptions.tsv"), file(path("exceptions.tsv")), {"id", "form", "comment"}, rows);
  if (!st.ok()) return st;
  for (const TsvRow& r : rows) out.exceptions_[out.intern(fold(r.cells[1]))] = true;
  static std::atomic<std::uint64_t> serials{0};
  out.serial_ = ++serials;
  return Status();
}

Status Tables::load_words(const Reader& file) {
  std::vector<std::pair<Entry, std::string>> all;
  Status st;
  for (const WordTable& t : word_tables())
    if (st.ok()) st = word_table(file, t.name, t.columns, t.read, all);
  if (!st.ok()) return st;
  entries_.reserve(all.size());
  for (auto& [e, form] : all) {
    std::string_view key = intern(form);
    by_form_[key].push_back(entries_.size());
    starts_.note(key, Set::forms);
    entries_.push_back(std::move(e));
  }
  return Status();
}

Status Tables::load_suffixes(std::string_view name, std::string_view bytes) {
  std::vector<TsvRow> rows;
  Status st = parse_tsv(name, bytes, {"id", "slot", "form", "comment"}, rows);
  if (!st.ok()) return st;
  std::vector<std::string> plural{""}, poss{""}, ordinal;
  std::vector<std::pair<std::string, Case>> cases{{"", Case::none}};
  for (const TsvRow& r : rows) {
    const std::string& slot = r.cells[1];
    std::string form = fold(r.cells[2]);
    Case c;
    if (slot == "plural") plural.push_back(form);
    else if (slot == "possessive") poss.push_back(form);
    else if (slot == "ordinal") ordinal.push_back(form);
    else if (parse_case(slot, c)) cases.emplace_back(form, c);
    else return tsv_error(name, r.line, "unknown slot '" + slot + "'");
  }
  // Valid endings are every combination [plural] [possessive] [case], and, for numbers,
  // ordinal [case]. They are not listed (some 12,000 strings, slow to build in a page); ending()
  // decomposes instead, taking the first decomposition in this order, as a listing would.
  plural_ = std::move(plural);
  poss_ = std::move(poss);
  ordinal_ = std::move(ordinal);
  cases_ = std::move(cases);
  std::size_t mp = 0, mq = 0, mo = 0, mc = 0;
  for (const auto& x : plural_) mp = std::max(mp, x.size());
  for (const auto& x : poss_) mq = std::max(mq, x.size());
  for (const auto& x : ordinal_) mo = std::max(mo, x.size());
  for (std::size_t c = 0; c < cases_.size(); ++c) {
    mc = std::max(mc, cases_[c].first.size());
    case_lengths_ |= std::uint64_t{1} << std::min<std::size_t>(cases_[c].first.size(), 63);
    case_index_.emplace(cases_[c].first, c);  // keeps the first of equal forms
  }
  max_ending_bytes_ = std::max(mp + mq + mc, ordinal_.empty() ? 0 : mo + mc);
  // Adjectival endings (no plural, no possessive): a case form alone or after an ordinal.
  std::vector<std::string> candidates;
  for (const auto& [form, c] : cases_)
    if (c == Case::adj) {
      candidates.push_back(form);
      for (const std::string& o : ordinal_) candidates.push_back(o + form);
    }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (std::string& s : candidates) {
    Ending e;
    if (!s.empty() && s.size() <= 8 && ending(s, e) && e.kase == Case::adj && !e.possessive && !e.plural)
      adjectival_.emplace(intern(std::move(s)), true);
  }
  return Status();
}

Status Tables::load_phrases(std::string_view name, std::string_view bytes) {
  std::vector<TsvRow> rows;
  Status st = parse_tsv(name, bytes, {"id", "words", "type", "value", "mode", "comment"}, rows);
  if (!st.ok()) return st;
  for (const TsvRow& r : rows) {
    Phrase p;
    p.id = r.cells[0];
    if (r.cells[2] != "DATE" && r.cells[2] != "TIME") return tsv_error(name, r.line, "type must be DATE or TIME");
    p.type = r.cells[2] == "DATE" ? SpanType::DATE : SpanType::TIME;
    p.value = r.cells[3] == "-" ? "" : r.cells[3];
    if (r.cells[4] != "span" && r.cells[4] != "value" && r.cells[4] != "news")
      return tsv_error(name, r.line, "mode must be span, value or news");
    p.value_only = r.cells[4] == "value";
    p.news_only = r.cells[4] == "news";
    std::string words = r.cells[1];
    for (std::size_t pos = 0; pos <= words.size();) {
      std::size_t sp = words.find(' ', pos);
      std::string w = words.substr(pos, sp == std::string::npos ? sp : sp - pos);
      pos = sp == std::string::npos ? words.size() + 1 : sp + 1;
      if (w.empty()) return tsv_error(name, r.line, "empty word in phrase");
      std::vector<PhraseWord> alts;
      for (std::size_t a = 0; a <= w.size();) {
        std::size_t bar = w.find('|', a);
        std::string alt = w.substr(a, bar == std::string::npos ? bar : bar - a);
        a = bar == std::string::npos ? w.size() + 1 : bar + 1;
        bool stem = !alt.empty() && alt.back() == '*';
        if (stem) alt.pop_back();
        if (alt.empty()) return tsv_error(name, r.line, "empty alternative in phrase word");
        alts.push_back(PhraseWord{fold(alt), stem});
      }
      p.words.push_back(std::move(alts));
    }
    std::size_t open = p.value.find('{');
    if (open != std::string::npos && p.value.find('}', open) == std::string::npos)
      return tsv_error(name, r.line, "unclosed '{' in value");
    for (const PhraseWord& a : p.words[0]) {
      std::string_view key = intern(a.form);
      phrases_by_first_[key].push_back(phrases_.size());
      starts_.note(key, Set::phrases);
    }
    phrases_.push_back(std::move(p));
  }
  return Status();
}

bool Tables::ending(std::string_view s, Ending& e) const {
  auto starts = [](std::string_view x, const std::string& p) {
    return x.size() >= p.size() && std::memcmp(x.data(), p.data(), p.size()) == 0;
  };
  for (std::size_t a = 0; a < plural_.size(); ++a) {
    if (!starts(s, plural_[a])) continue;
    std::string_view r1 = s.substr(plural_[a].size());
    for (std::size_t b = 0; b < poss_.size(); ++b) {
      if (!starts(r1, poss_[b]) || !case_length(r1.size() - poss_[b].size())) continue;
      auto it = case_index_.find(r1.substr(poss_[b].size()));
      if (it == case_index_.end()) continue;
      e = Ending();
      e.plural = a > 0, e.possessive = b > 0, e.kase = cases_[it->second].second;
      return true;
    }
  }
  for (const std::string& o : ordinal_) {
    if (!starts(s, o) || !case_length(s.size() - o.size())) continue;
    auto it = case_index_.find(s.substr(o.size()));
    if (it == case_index_.end()) continue;
    e = Ending();
    e.ordinal = true, e.kase = cases_[it->second].second;
    return true;
  }
  return false;
}

void Tables::lookup(std::string_view w, std::vector<Hit>& out, bool exceptions) const {
  out.clear();
  if (w.empty()) return;
  Reach forms, phrases;
  starts_.scan(w, forms, phrases);
  lookup_reached(w, forms, out, exceptions);
}

void Tables::lookup_reached(std::string_view w, const Reach& r, std::vector<Hit>& out, bool exceptions) const {
  out.clear();
  if (w.empty()) return;
  std::size_t min_stem = w.size() > max_ending_bytes_ ? w.size() - max_ending_bytes_ : 1;
  const std::size_t top = r.top;
  const std::uint64_t ends = r.ends;
  if (top < min_stem || !Starts::may_end_in(ends, min_stem, top) || (exceptions && is_exception(w)))
    return;
  for (std::size_t p = top; p >= min_stem && p > 0; --p) {
    if (!Starts::may_end(ends, p)) continue;
    if (p < w.size() && (static_cast<unsigned char>(w[p]) & 0xC0) == 0x80) continue;
    auto it = by_form_.find(w.substr(0, p));  // forms first: they reject more often
    if (it == by_form_.end()) continue;
    Ending e;
    if (p < w.size() && !ending(w.substr(p), e)) continue;
    for (std::size_t i : it->second) {
      const Entry& en = entries_[i];
      if (p < w.size() && en.exact) continue;
      if (e.ordinal && en.cls != WordClass::number) continue;
      out.push_back(Hit{&en, e});
    }
  }
}

bool Tables::word_matches(std::string_view w, const std::vector<PhraseWord>& alts) const {
  for (const PhraseWord& a : alts) {
    if (w == a.form) return true;
    Ending e;
    if (a.stem && w.size() > a.form.size() && w.compare(0, a.form.size(), a.form) == 0 &&
        ending(w.substr(a.form.size()), e) && !e.ordinal)
      return true;
  }
  return false;
}

bool Tables::adjectival(std::string_view f) const {
  // An adjectival ending of at most 8 bytes after at least one byte of stem: the word's tails
  // of 1 to 8 bytes that start a character, looked up.
  for (std::size_t p = f.size() > 8 ? f.size() - 8 : 1; p < f.size(); ++p)
    if ((static_cast<unsigned char>(f[p]) & 0xC0) != 0x80 && adjectival_.count(f.substr(p))) return true;
  return false;
}

void Tables::phrases_at(std::string_view w, std::vector<const Phrase*>& out) const {
  Reach forms, phrases;
  starts_.scan(w, forms, phrases);
  phrases_reached(w, phrases, out);
}

void Tables::lookup_and_phrases(std::string_view w, std::size_t stem, std::vector<Hit>& hits,
                                std::vector<const Phrase*>& phrases) const {
  Reach rf, rp;
  starts_.scan(w, rf, rp);
  lookup_reached(w.substr(0, stem), rf.cut(stem), hits, true);
  phrases_reached(w, rp, phrases);
}

void Tables::phrases_reached(std::string_view w, const Reach& r, std::vector<const Phrase*>& out) const {
  out.clear();
  std::size_t min_stem = w.size() > max_ending_bytes_ ? w.size() - max_ending_bytes_ : 1;
  const std::size_t top = r.top;
  const std::uint64_t ends = r.ends;
  if (top < min_stem || !Starts::may_end_in(ends, min_stem, top) || is_exception(w)) return;
  for (std::size_t p = top; p >= min_stem && p > 0; --p) {
    if (!Starts::may_end(ends, p)) continue;
    auto it = phrases_by_first_.find(w.substr(0, p));
    if (it == phrases_by_first_.end()) continue;
    for (std::size_t i : it->second)
      if (word_matches(w, phrases_[i].words[0]) &&
          std::find(out.begin(), out.end(), &phrases_[i]) == out.end())
        out.push_back(&phrases_[i]);
  }
  std::stable_sort(out.begin(), out.end(), [](const Phrase* a, const Phrase* b) {
    return a->words.size() > b->words.size();
  });
}

}  // namespace belgi::dates
