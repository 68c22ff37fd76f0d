// The rule tables: the embedded ones load; a malformed table is refused with its file and line;
// folding, endings and lookups behave as the grammar expects.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "belgi/annotator.h"
#include "dates/calendar.h"
#include "dates/tables.h"
#include "dates/tsv.h"
#include "resources.h"
#include "text/utf8.h"

using namespace belgi;
using namespace belgi::dates;

namespace {

// The embedded tables with some files replaced.
Status load_with(const std::map<std::string, std::string>& replaced, Tables& out) {
  return Tables::load(
      [&](std::string_view name) -> std::string_view {
        auto it = replaced.find(std::string(name));
        return it != replaced.end() ? std::string_view(it->second) : resources::file(name);
      },
      out);
}

// fold() by its definition, a code point at a time: the simple lower-case mapping, then і and ı
// to i, ё to е.
std::string fold_by_code_points(std::string_view word) {
  std::string out;
  for (std::size_t p = 0; p < word.size();) {
    char32_t c = utf8::to_lower(utf8::next(word, p));
    if (c == U'\u0131' || c == U'\u0456') c = U'i';
    else if (c == U'\u0451') c = U'\u0435';
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | c >> 6), out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | c >> 12), out += static_cast<char>(0x80 | (c >> 6 & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | c >> 18), out += static_cast<char>(0x80 | (c >> 12 & 0x3F));
      out += static_cast<char>(0x80 | (c >> 6 & 0x3F)), out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

std::string encode(char32_t c) {
  std::string s;
  if (c < 0x80) return std::string(1, static_cast<char>(c));
  if (c < 0x800) return s + static_cast<char>(0xC0 | c >> 6) + static_cast<char>(0x80 | (c & 0x3F));
  return s + static_cast<char>(0xE0 | c >> 12) + static_cast<char>(0x80 | (c >> 6 & 0x3F)) +
         static_cast<char>(0x80 | (c & 0x3F));
}

const char* kMonthsHeader = "# test\nid\tform\tmonth\tkind\tambiguity\tcomment\n";

}  // namespace

TEST_CASE("tables: the embedded tables load") {
  Tables t;
  Status st = Tables::load_embedded(t);
  CHECK(st.ok());
  CHECK(t.entry_count() > 150);
  CHECK(t.phrase_count() > 30);
}

TEST_CASE("tables: malformed tables are refused with file and line") {
  struct Bad {
    const char* file;
    std::string bytes;
    const char* where;  // expected in the message
  };
  const Bad cases[] = {
      {"rules/dates/months.tsv", "", "rules/dates/months.tsv:0"},
      {"rules/dates/months.tsv", "# only comments\n", "no column header"},
      {"rules/dates/months.tsv", "id\tform\tmonth\tcomment\n", "rules/dates/months.tsv:1: unexpected column header"},
      {"rules/dates/months.tsv", std::string(kMonthsHeader) + "m.1\tқаңтар\t1\tfull\tfree\n", ":3: expected 6 columns"},
      {"rules/dates/months.tsv", std::string(kMonthsHeader) + "m.1\tқаңтар\t13\tfull\tfree\te.g. x\n", ":3: month must be 1-12"},
      {"rules/dates/months.tsv", std::string(kMonthsHeader) + "m.1\tқаңтар\tone\tfull\tfree\te.g. x\n", ":3: month must be 1-12"},
      {"rules/dates/months.tsv", std::string(kMonthsHeader) + "m.1\tқаңтар\t1\tlong\tfree\te.g. x\n", ":3: kind must be full or abbr"},
      {"rules/dates/months.tsv", std::string(kMonthsHeader) + "m.1\tқаңтар\t1\tfull\tfree\te.g. x\nm.1\tақпан\t2\tfull\tfree\te.g. y\n", ":4: duplicate id 'm.1'"},
      {"rules/dates/months.tsv", std::string(kMonthsHeader) + "m.1\tқаңтар\t1\tfull\tfree\t\n", ":3: empty cell 'comment'"},
      {"rules/dates/months.tsv", std::string(kMonthsHeader), "no rows"},
      {"rules/dates/weekdays.tsv", "id\tform\tweekday\tambiguity\tcomment\nw\tжұма\t8\tstrict\te.g. x\n", "weekdays.tsv:2: weekday must be 1-7"},
      {"rules/dates/units.tsv", "id\tform\tunit\ttype\tbare\tcomment\nu\tжыл\tYEAR\tDATE\tyes\te.g. x\n", "units.tsv:2: unknown unit"},
      {"rules/dates/units.tsv", "id\tform\tunit\ttype\tbare\tcomment\nu\tжыл\tY\tDAY\tyes\te.g. x\n", "units.tsv:2: type must be DATE or TIME"},
      {"rules/dates/suffixes.tsv", "id\tslot\tform\tcomment\ns\tdative\tға\te.g. x\n", "suffixes.tsv:2: unknown slot 'dative'"},
      {"rules/dates/relative.tsv", "id\twords\ttype\tvalue\tmode\tcomment\nr\tбүгін\tDAY\t{D+0}\tspan\te.g. x\n", "relative.tsv:2: type must be DATE or TIME"},
      {"rules/dates/relative.tsv", "id\twords\ttype\tvalue\tmode\tcomment\nr\tбүгін\tDATE\t{D+0\tspan\te.g. x\n", "relative.tsv:2: unclosed '{'"},
      {"rules/dates/relative.tsv", "id\twords\ttype\tvalue\tmode\tcomment\nr\tбүгін\tDATE\t{D+0}\talways\te.g. x\n", "relative.tsv:2: mode must be span, value or news"},
      {"rules/dates/parts_of_day.tsv", "id\twords\ttype\tvalue\tmode\tcomment\nr\tтүн  түн\tTIME\tTNI\tvalue\te.g. x\n", "parts_of_day.tsv:2: empty word"},
      {"rules/dates/modifiers.tsv", "id\tform\trole\toffset\tschool\tcomment\nm\tөткен\tpast\t-1\tno\te.g. x\n", "modifiers.tsv:2: unknown role"},
      {"rules/dates/modifiers.tsv", "id\tform\trole\toffset\tschool\tcomment\nm\tөткен\trel\tminus\tno\te.g. x\n", "modifiers.tsv:2: offset must be an integer"},
      {"rules/dates/numbers.tsv", "id\tform\tvalue\tkind\tcomment\nn\tбір\tone\tunit\te.g. x\n", "numbers.tsv:2: value must be a number or X"},
      {"rules/dates/postpositions.tsv", "id\tform\trole\tcomment\np\tбері\tbeside\te.g. x\n", "postpositions.tsv:2: unknown role"},
      {"rules/dates/seasons.tsv", "id\tform\tseason\tcomment\ns\tкүз\tAU\te.g. x\n", "seasons.tsv:2: season must be"},
      {"rules/dates/parts.tsv", "id\tform\tpart\tcomment\np\tбас\tBEGIN\te.g. x\n", "parts.tsv:2: part must be"},
      {"rules/dates/exceptions.tsv", "id\tform\n", "exceptions.tsv:1: unexpected column header"},
  };
  for (const Bad& b : cases) {
    std::string file = b.file;
    CAPTURE(file);
    Tables t;
    Status st = load_with({{b.file, b.bytes}}, t);
    CHECK(st.code == StatusCode::invalid_model);
    CHECK_MESSAGE(st.message.find(b.where) != std::string::npos, st.message);
  }
}

TEST_CASE("tables: a CRLF table and comments between rows are fine") {
  Tables t;
  std::string months = "# c\r\nid\tform\tmonth\tkind\tambiguity\tcomment\r\n# c\r\nm.1\tқаңтар\t1\tfull\tfree\te.g. x\r\n";
  CHECK(load_with({{"rules/dates/months.tsv", months}}, t).ok());
  std::vector<Hit> hits;
  t.lookup(fold("ҚАҢТАРДА"), hits);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].entry->ival == 1);
  CHECK(hits[0].ending.kase == Case::loc);
}

TEST_CASE("tables: fold is the lower-case mapping and the foldings, code point by code point") {
  std::string all;  // every code point below U+0800 and some beyond, alone and as one long word
  std::vector<char32_t> cps;
  for (char32_t c = 1; c < 0x800; ++c) cps.push_back(c);
  for (char32_t c : {U'\u1E9E', U'\u2C65', U'\u2126', U'\u212A', U'\uFF21', U'\u0130'}) cps.push_back(c);
  for (char32_t c : cps) {
    const std::string s = encode(c);
    INFO("code point " << static_cast<unsigned>(c));
    CHECK(fold(s) == fold_by_code_points(s));
    all += s;
  }
  CHECK(fold(all) == fold_by_code_points(all));  // longer than the stack buffer
  for (const char* w : {"ҚАЗАҚСТАН", "Бүгін", "ІІІ", "Ёлка", "BÜGIN", "Bügın", "ı", "і", "ё"})
    CHECK(fold(w) == fold_by_code_points(w));
}

TEST_CASE("tables: fold makes the scripts' i letters one") {
  CHECK(fold("БҮГІН") == fold("бүгiн"));      // Cyrillic і, Latin i
  CHECK(fold("Bügın") == fold("bügin"));      // Latin ı
  CHECK(fold("ЖЕЛТОҚСАН") == "желтоқсан");
}

TEST_CASE("tables: endings combine plural, possessive and case") {
  Tables t;
  REQUIRE(Tables::load_embedded(t).ok());
  struct E {
    const char* word;
    bool plural, possessive, ordinal;
    Case kase;
  };
  const E cases[] = {
      {"жылдарында", true, true, false, Case::loc},
      {"жылғы", false, false, false, Case::adj},
      {"жылдан", false, false, false, Case::abl},
      {"айының", false, true, false, Case::gen},
      {"jyldary", true, true, false, Case::none},
  };
  for (const E& e : cases) {
    std::string word = e.word;
    CAPTURE(word);
    std::vector<Hit> hits;
    t.lookup(fold(e.word), hits);
    const Hit* unit = nullptr;
    for (const Hit& h : hits)
      if (h.entry->cls == WordClass::unit) unit = &h;
    REQUIRE(unit != nullptr);
    CHECK(unit->ending.plural == e.plural);
    CHECK(unit->ending.possessive == e.possessive);
    CHECK(unit->ending.ordinal == e.ordinal);
    CHECK(unit->ending.kase == e.kase);
  }
  std::vector<Hit> hits;
  t.lookup(fold("жетінші"), hits);
  REQUIRE(!hits.empty());
  CHECK(hits[0].entry->cls == WordClass::number);
  CHECK(hits[0].ending.ordinal);
  t.lookup(fold("қысқа"), hits);  // an exception: "short"
  CHECK(hits.empty());
  t.lookup(fold("Шілдеде"), hits);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].entry->ival == 7);
  t.lookup(fold("шілда"), hits);  // not an ending of the table
  CHECK(hits.empty());
  t.lookup(fold("қарда"), hits);  // "in the snow": abbreviations (қар.) take no endings
  CHECK(hits.empty());
}

TEST_CASE("calendar: arithmetic and formats") {
  CHECK(weekday(Ymd{2023, 12, 5}) == 2);   // Tuesday
  CHECK(weekday(Ymd{2025, 9, 5}) == 5);    // Friday
  CHECK(format_ymd(add_days(Ymd{2024, 2, 28}, 1)) == "2024-02-29");
  // printf's %04d-%02d-%02d, zero-padded, also outside the usual range.
  CHECK(format_ymd(Ymd{5, 1, 2}) == "0005-01-02");
  CHECK(format_ymd(Ymd{12345, 10, 31}) == "12345-10-31");
  CHECK(format_ymd(Ymd{-1, 1, 1}) == "-001-01-01");
  CHECK(format_ym(999, 7) == "0999-07");
  CHECK(format_year(0) == "0000");
  CHECK(format_ymd(add_days(Ymd{2023, 12, 31}, 1)) == "2024-01-01");
  CHECK(format_ymd(add_months(Ymd{2024, 1, 31}, 1)) == "2024-02-29");
  CHECK(format_ymd(add_months(Ymd{2024, 1, 15}, -2)) == "2023-11-15");
  int y, w;
  iso_week(Ymd{2023, 12, 5}, y, w);
  CHECK((y == 2023 && w == 49));
  iso_week(Ymd{2021, 1, 1}, y, w);
  CHECK((y == 2020 && w == 53));
  int m, d;
  CHECK(parse_numeric_date("05.12.2023", y, m, d));
  CHECK((y == 2023 && m == 12 && d == 5));
  CHECK(parse_numeric_date("5.12.23", y, m, d));
  CHECK(y == 2023);
  CHECK(parse_numeric_date("2023-12-05", y, m, d));
  CHECK(parse_numeric_date("05/12/2023", y, m, d));
  CHECK_FALSE(parse_numeric_date("31.02.2023", y, m, d));
  CHECK_FALSE(parse_numeric_date("12.2023", y, m, d));
  CHECK(parse_clock("9:05", y, m));
  CHECK_FALSE(parse_clock("25:00", y, m));
  CHECK_FALSE(parse_clock("10:60", y, m));
}

namespace {

// The rows of an embedded table as column name -> cell (comments and the header skipped).
std::vector<std::map<std::string, std::string>> rows_of(const std::string& file) {
  std::string_view bytes = resources::file("rules/dates/" + file);
  std::vector<std::map<std::string, std::string>> rows;
  std::vector<std::string> header;
  auto cells = [](std::string_view line) {
    std::vector<std::string> out;
    for (std::size_t p = 0; p <= line.size();) {
      std::size_t tab = std::min(line.find('\t', p), line.size());
      out.emplace_back(line.substr(p, tab - p));
      p = tab + 1;
    }
    return out;
  };
  for (std::size_t p = 0; p < bytes.size();) {
    std::size_t nl = std::min(bytes.find('\n', p), bytes.size());
    std::string_view line = bytes.substr(p, nl - p);
    p = nl + 1;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> c = cells(line);
    if (header.empty()) { header = c; continue; }
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < c.size() && i < header.size(); ++i) row[header[i]] = c[i];
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

TEST_CASE("tables: every word row and phrase is found by its own form (the first-character filter misses none)") {
  Tables t;
  REQUIRE(Tables::load_embedded(t).ok());
  std::size_t words = 0, phrases = 0;
  for (const char* file : {"months.tsv", "weekdays.tsv", "numbers.tsv", "units.tsv", "seasons.tsv",
                           "modifiers.tsv", "postpositions.tsv", "parts.tsv"}) {
    for (const auto& row : rows_of(file)) {
      std::vector<Hit> hits;
      t.lookup(fold(row.at("form")), hits, false);
      bool found = false;
      for (const Hit& h : hits) found = found || h.entry->id == row.at("id");
      INFO(file << ": " << row.at("id") << " " << row.at("form"));
      CHECK(found);
      ++words;
    }
  }
  for (const char* file : {"relative.tsv", "parts_of_day.tsv"}) {
    for (const auto& row : rows_of(file)) {
      std::string first = row.at("words").substr(0, row.at("words").find(' '));
      for (std::size_t a = 0; a <= first.size();) {  // each alternative of the first word
        std::size_t bar = std::min(first.find('|', a), first.size());
        std::string alt = first.substr(a, bar - a);
        a = bar + 1;
        if (!alt.empty() && alt.back() == '*') alt.pop_back();
        std::string f = fold(alt);
        if (t.is_exception(f)) continue;  // never a phrase's start, by the exceptions table
        std::vector<const Phrase*> at;
        t.phrases_at(f, at);
        bool found = false;
        for (const Phrase* p : at) found = found || p->id == row.at("id");
        INFO(file << ": " << row.at("id") << " " << alt);
        CHECK(found);
        ++phrases;
      }
    }
  }
  CHECK(words > 150);
  CHECK(phrases > 30);
}

TEST_CASE("tables: lookup_and_phrases (one prefix scan) reads as lookup and phrases_at do apart") {
  Tables t;
  REQUIRE(Tables::load_embedded(t).ok());
  std::vector<std::string> words;
  for (const char* file : {"months.tsv", "weekdays.tsv", "units.tsv", "seasons.tsv", "modifiers.tsv"})
    for (const auto& row : rows_of(file)) words.push_back(fold(row.at("form")));
  for (const char* file : {"relative.tsv", "parts_of_day.tsv"})
    for (const auto& row : rows_of(file)) words.push_back(fold(row.at("words").substr(0, row.at("words").find(' '))));
  for (std::size_t i = 0, n = words.size(); i < n; ++i)  // with endings, the particle, both, and cut short
    for (const char* tail : {"да", "дағы", "лары", "-ақ", "нда-ақ", "x"}) words.push_back(words[i] + fold(tail));
  for (std::size_t i = 0, n = words.size(); i < n; ++i)
    if (words[i].size() > 3) words.push_back(words[i].substr(0, words[i].size() - 2));
  std::size_t read = 0;
  for (const std::string& w : words) {
    if (!utf8::valid(w)) continue;
    std::size_t stem = w.size() > 5 && w.compare(w.size() - 5, 5, "-\u0430\u049b") == 0 ? w.size() - 5 : w.size();
    std::vector<Hit> hits, apart_hits;
    std::vector<const Phrase*> phrases, apart_phrases;
    t.lookup_and_phrases(w, stem, hits, phrases);
    t.lookup(std::string_view(w).substr(0, stem), apart_hits);
    t.phrases_at(w, apart_phrases);
    INFO(w);
    REQUIRE(hits.size() == apart_hits.size());
    for (std::size_t i = 0; i < hits.size(); ++i) {
      CHECK(hits[i].entry == apart_hits[i].entry);
      CHECK(hits[i].ending.kase == apart_hits[i].ending.kase);
      CHECK(hits[i].ending.plural == apart_hits[i].ending.plural);
      CHECK(hits[i].ending.possessive == apart_hits[i].ending.possessive);
    }
    CHECK(phrases == apart_phrases);
    read += !hits.empty() + !phrases.empty();
  }
  CHECK(read > 200);  // the words are read, not all refused
}
