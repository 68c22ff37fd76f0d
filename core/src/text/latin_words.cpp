// The word tables of the Latin converter (latin_words.h). A key is looked up in words.tsv, whole
// or by its longest stem; default_cyrillic() settles the folded letters of the rest, the same
// function as the script's default().
#include "text/latin_words.h"

#include <algorithm>
#include <memory>
#include <unordered_map>
#include <vector>

#include "resources.h"
#include "text/latin_keys.h"
#include "text/utf8.h"

namespace belgi::text {

// Keys and words are views into `tsv`, a copy of the table's text: looking up a prefix of a
// key (stem_of) then allocates nothing.
struct LatinWords {
  std::string tsv;
  std::unordered_map<std::string_view, std::string_view> map;
};

namespace latin {

namespace {

// Calls row(line) for each line of `data` that is neither empty nor a '#' comment.
template <typename Row>
void each_line(std::string_view data, Row row) {
  for (std::size_t pos = 0; pos < data.size();) {
    std::size_t eol = std::min(data.find('\n', pos), data.size());
    std::string_view line = data.substr(pos, eol - pos);
    pos = eol + 1;
    if (!line.empty() && line[0] != '#') row(line);
  }
}

char32_t cyrillic_upper(char32_t c) {
  if (c >= 0x430 && c <= 0x44F) return c - 0x20;
  if (c >= 0x450 && c <= 0x45F) return c - 0x50;
  if (c >= 0x460 && c <= 0x4FF && (c & 1)) return c - 1;  // ә ғ қ ң ө ұ ү һ: pairs
  return c;
}

// The script's default(): и/й by the letter before, я/ю for Iа/Iу, х for H, і for J.
// Writes one output letter per consumed symbol group, with the case of its first symbol.
void default_cyrillic(const std::vector<Sym>& key, std::size_t from, std::vector<Sym>& out) {
  for (std::size_t i = from; i < key.size(); ++i) {
    char32_t s = key[i].c;
    char32_t next = i + 1 < key.size() ? key[i + 1].c : 0;
    bool upper = key[i].upper;
    char32_t c = s;
    if (s == kH) {
      c = U'х';
    } else if (s == kJ) {
      c = U'і';
    } else if (s == kI) {
      if (next == U'а' || next == U'у') {
        c = next == U'а' ? U'я' : U'ю';
        ++i;
      } else {
        c = !out.empty() && is_vowel(out.back().c) ? U'й' : U'и';
      }
    }
    out.push_back({c, upper});
  }
}

// A stem of the table: the longest prefix of at least kMinStem symbols (a whole symbol group:
// not between I and the а/у of я/ю) whose key is in the table, so that inflected forms of a
// listed word come out like it (полициясын from полиция). Returns its length, 0 if none.
constexpr std::size_t kMinStem = 5;
std::size_t stem_of(const std::vector<Sym>& key, std::string_view k,
                    const std::vector<std::size_t>& ends, const LatinWords& table,
                    std::string_view& word) {
  for (std::size_t n = key.size() - 1; n >= kMinStem; --n) {
    if (key[n - 1].c == kI && (key[n].c == U'а' || key[n].c == U'у')) continue;
    auto hit = table.map.find(k.substr(0, ends[n - 1]));
    if (hit != table.map.end()) {
      word = hit->second;
      return n;
    }
  }
  return 0;
}

// The table's word for the whole key or its longest stem (in `word`); returns how many key
// symbols it covers, 0 if none.
std::size_t look_up(const std::vector<Sym>& key, const LatinWords& table, std::string_view& word) {
  std::string k;  // the key's text, and its length after each symbol
  std::vector<std::size_t> ends;
  k.reserve(2 * key.size());
  ends.reserve(key.size());
  for (const Sym& s : key) {
    utf8::append(k, s.c);
    ends.push_back(k.size());
  }
  auto hit = table.map.find(k);
  if (hit == table.map.end()) return stem_of(key, k, ends, table, word);
  word = hit->second;
  return key.size();
}

}  // namespace

std::string convert(const Letter* w, std::size_t n, LatinAlphabet a, const LatinWords& table) {
  std::vector<Sym> key = read_key(w, n, a);
  std::string out;
  if (key.empty()) return out;
  bool all_upper = key.size() > 1 && std::all_of(key.begin(), key.end(),
                                                 [](const Sym& s) { return s.upper; });
  std::string_view word;
  std::size_t stem = look_up(key, table, word);
  std::vector<Sym> cyr;
  cyr.reserve(key.size() + word.size());
  for (std::size_t p = 0, first = 1; p < word.size(); first = 0)
    cyr.push_back({utf8::next(word, p), all_upper || (first && key[0].upper)});
  // The rest by the default rule, which sees the stem's last letter (й after a vowel).
  default_cyrillic(key, stem, cyr);
  out.reserve(2 * cyr.size());
  for (const Sym& s : cyr) utf8::append(out, s.upper ? cyrillic_upper(s.c) : s.c);
  return out;
}

}  // namespace latin

std::shared_ptr<const LatinWords> parse_latin_words(std::string_view data) {
  auto t = std::make_shared<LatinWords>();
  t->tsv.assign(data.data(), data.size());
  latin::each_line(t->tsv, [&](std::string_view line) {
    std::size_t tab = line.find('\t');
    if (tab != std::string_view::npos) t->map.emplace(line.substr(0, tab), line.substr(tab + 1));
  });
  return t;
}

namespace latin {

const LatinWords& word_table() {
  static const std::shared_ptr<const LatinWords> table =
      parse_latin_words(resources::file("rules/latin/words.tsv"));
  return *table;
}

bool is_kept_name(std::string_view lower) {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    each_line(resources::file("rules/latin/keep.tsv"),
              [&](std::string_view line) { out.emplace_back(line); });
    return out;
  }();
  return std::find(names.begin(), names.end(), lower) != names.end();
}

}  // namespace latin
}  // namespace belgi::text
