// Synthesized training sentences for written-news patterns that TV-news transcripts lack
// (docs/entities.md, "Augmentation"). Deterministic: a fixed seed and the input order decide all.
//  1. Headlines in capitals: a copy of ~4% of the sentences with every token upper-cased
//     (`ҚЫРКҮЙЕК - БІЛІМ КҮНІ`), labels unchanged.
//  2. Datelines: ~3% of the sentences get `CITY . MEDIA —` in front (`АСТАНА . KAZINFORM —`),
//     CITY a city of the lexicons in capitals (GPE), MEDIA a news medium of the lexicons
//     (ORGANISATION).
//  3. Entity substitution: in ~25% of the sentences with an ORGANISATION or GPE span, one such
//     span is replaced by a lexicon organisation (`БҰҰ-ның`, abbreviations with the case ending
//     of the replaced word after a hyphen) or a lexicon country / city (`Германияға`), so the
//     lexicon features meet names that KazNERD lacks; a third of the abbreviations get `ҚР` in
//     front (`ҚР ДСМ`).
#include <unicode/uchar.h>

#include "entities/features.h"
#include "entities/trainer.h"
#include "text/utf8.h"

namespace belgi::entities {

namespace {

std::uint64_t next(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::string upper(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) utf8::append(out, static_cast<char32_t>(u_toupper(utf8::next(s, i))));
  return out;
}

// Single-word entries of one class, as written in the lexicon files (original case is lost by
// the reader, so cities are upper-cased and media kept as the reader gives them).
std::vector<std::string> single_words(const LexiconLists& lex, std::uint32_t cls) {
  std::vector<std::string> out;
  for (const auto& [text, bits] : lex.entries)
    if ((bits & cls) && text.find(' ') == std::string::npos) out.push_back(text);
  return out;
}

std::string capitalize_words(std::string_view s) {
  std::string out;
  bool start = true;
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = utf8::next(s, i);
    utf8::append(out, static_cast<char32_t>(start ? u_toupper(c) : c));
    start = c == ' ' || c == '-';
  }
  return out;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The case ending of a word, if it has one of the common ones: "министрлігінің" -> "нің".
std::string_view case_ending(const std::string& lower) {
  static const char* kCase[] = {"ның", "нің", "дың", "дің", "тың", "тің", "ға", "ге", "қа", "ке",
                                "нда", "нде", "да", "де", "та", "те", "нан", "нен", "дан", "ден",
                                "тан", "тен", "мен", "бен", "пен", "ны", "ні", "ды", "ді"};
  for (const char* e : kCase) {
    std::string_view ev(e);
    if (lower.size() > ev.size() + 4 && lower.compare(lower.size() - ev.size(), ev.size(), ev) == 0) return ev;
  }
  return {};
}

// Entries of the given classes, in display case, split into words.
std::vector<std::vector<std::string>> names(const LexiconLists& lex, std::uint32_t cls, bool abbr_upper) {
  std::vector<std::vector<std::string>> out;
  for (const auto& [text, bits] : lex.entries) {
    if (!(bits & cls)) continue;
    bool abbr = abbr_upper && text.find(' ') == std::string::npos && code_points(text) <= 5;
    std::string shown = abbr ? upper(text) : capitalize_words(text);
    std::vector<std::string> words;
    std::size_t p = 0, q;
    while ((q = shown.find(' ', p)) != std::string::npos) words.push_back(shown.substr(p, q - p)), p = q + 1;
    words.push_back(shown.substr(p));
    out.push_back(std::move(words));
  }
  return out;
}

// Replaces tokens [b, e) of s by `name` (labelled as class label b_label), carrying the case
// ending of the last replaced word over to the new last word.
LabeledSentence substitute(const LabeledSentence& s, std::size_t b, std::size_t e,
                           std::vector<std::string> name, int b_label, bool hyphen) {
  std::string_view end = case_ending(utf8::lower(s.tokens[e - 1]));
  if (!end.empty()) name.back() += (hyphen ? "-" : "") + std::string(end);
  LabeledSentence out;
  out.tokens.assign(s.tokens.begin(), s.tokens.begin() + b);
  out.labels.assign(s.labels.begin(), s.labels.begin() + b);
  for (std::size_t k = 0; k < name.size(); ++k) {
    out.tokens.push_back(name[k]);
    out.labels.push_back(k == 0 ? b_label : b_label + 1);
  }
  out.tokens.insert(out.tokens.end(), s.tokens.begin() + e, s.tokens.end());
  out.labels.insert(out.labels.end(), s.labels.begin() + e, s.labels.end());
  return out;
}

}  // namespace

std::vector<LabeledSentence> augment(const std::vector<LabeledSentence>& train, const LexiconLists& lex,
                                     std::uint64_t seed) {
  std::vector<LabeledSentence> out;
  std::vector<std::string> cities = single_words(lex, kLexCity | kLexRegion);
  std::vector<std::string> media = single_words(lex, kLexMedia);
  const int org_b = parse_label("B-ORGANISATION"), gpe_b = parse_label("B-GPE");
  std::uint64_t rng = seed ^ 0x5eed0a09ull;
  std::vector<std::vector<std::string>> orgs = names(lex, kLexOrg, true);
  std::vector<std::vector<std::string>> places = names(lex, kLexCountry | kLexCity, false);
  for (const LabeledSentence& s : train) {
    if (s.tokens.empty()) continue;
    // 3. substitution (independent of 1 and 2)
    for (std::size_t i = 0; i < s.labels.size(); ++i) {
      bool org = s.labels[i] == org_b, gpe = s.labels[i] == gpe_b;
      if (!org && !gpe) continue;
      if (next(rng) % 4 != 0) break;
      std::size_t e = i + 1;
      while (e < s.labels.size() && s.labels[e] == s.labels[i] + 1) ++e;
      const auto& pool = org ? orgs : places;
      if (pool.empty()) break;
      std::vector<std::string> name = pool[next(rng) % pool.size()];
      bool abbr = name.size() == 1 && code_points(name[0]) <= 5 && upper(name[0]) == name[0];
      // Ministries and agencies are often written with the country's abbreviation in front:
      // `ҚР ДСМ` (one ORGANISATION).
      if (org && abbr && name[0] != "ҚР" && next(rng) % 3 == 0) name.insert(name.begin(), "ҚР");
      out.push_back(substitute(s, i, e, name, s.labels[i], abbr));
      break;
    }
    std::uint64_t r = next(rng) % 100;
    if (r < 4) {
      LabeledSentence u = s;
      for (auto& t : u.tokens) t = upper(t);
      out.push_back(std::move(u));
    } else if (r < 7 && !cities.empty() && !media.empty()) {
      LabeledSentence d;
      d.tokens = {upper(cities[next(rng) % cities.size()]), ".", media[next(rng) % media.size()], "—"};
      std::string& m = d.tokens[2];
      if (next(rng) % 2) {
        m = upper(m);
      } else {  // capitalized: "Kazinform"
        std::size_t p = 0;
        char32_t c = utf8::next(m, p);
        std::string first;
        utf8::append(first, static_cast<char32_t>(u_toupper(c)));
        m = first + m.substr(p);
      }
      d.labels = {gpe_b, 0, org_b, 0};
      d.tokens.insert(d.tokens.end(), s.tokens.begin(), s.tokens.end());
      d.labels.insert(d.labels.end(), s.labels.begin(), s.labels.end());
      out.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace belgi::entities
