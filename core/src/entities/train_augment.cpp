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
//  4. Unquoted names with their type noun: ~half of the quoted names followed by a type noun
//     (`« Астана Балет » театры`, the noun outside the span as KazNERD tags it) also appear
//     without the quotation marks, the noun inside the span and the class the noun gives
//     (`Астана Балет театры` FACILITY), as written news names theatres and departments.
//  5. The country or region in front of an organisation: in ~30% of the sentences with an
//     unquoted ORGANISATION ending in an organisation noun (`Төтенше жағдайлар министрлігі`), a
//     place in the nominative is put in front, inside the span (`Қазақстан Республикасы Төтенше
//     жағдайлар министрлігі`, `Маңғыстау облысы ... басқармасы`).
//  6. A capitalized common word before a name: ~20% of the sentences with a PERSON after a
//     lower-case word also appear cut so that the sentence starts with that word, capitalized
//     (`Қақпада Бекхан Шайзада тұрды`), which teaches that the first word is not the name's.
//  7. Facilities named by their head noun: in ~15% of the sentences with an unquoted
//     ORGANISATION ending in an organisation noun, the noun becomes a facility noun with the same
//     case (`Қазақ ұлттық университетінің` -> `Қазақ ұлттық театрының`) and the span FACILITY,
//     because KazNERD has almost no unquoted theatres, museums or hospitals; half of them get a
//     city in front, inside the name (`Алматы ... театры`).
#include <unicode/uchar.h>

#include <algorithm>

#include "entities/features.h"
#include "entities/trainer.h"
#include "text/utf8.h"

namespace belgi::entities {

namespace {

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

// s with tokens [b, e) replaced by `words`, labelled as one span of class label b_label.
LabeledSentence splice(const LabeledSentence& s, std::size_t b, std::size_t e,
                       const std::vector<std::string>& words, int b_label) {
  LabeledSentence out;
  out.tokens.assign(s.tokens.begin(), s.tokens.begin() + b);
  out.labels.assign(s.labels.begin(), s.labels.begin() + b);
  for (std::size_t k = 0; k < words.size(); ++k) {
    out.tokens.push_back(words[k]);
    out.labels.push_back(k == 0 ? b_label : b_label + 1);
  }
  out.tokens.insert(out.tokens.end(), s.tokens.begin() + e, s.tokens.end());
  out.labels.insert(out.labels.end(), s.labels.begin() + e, s.labels.end());
  return out;
}

// Replaces tokens [b, e) of s by `name` (labelled as class label b_label), carrying the case
// ending of the last replaced word over to the new last word.
LabeledSentence substitute(const LabeledSentence& s, std::size_t b, std::size_t e,
                           std::vector<std::string> name, int b_label, bool hyphen) {
  std::string_view end = case_ending(utf8::lower(s.tokens[e - 1]));
  if (!end.empty()) name.back() += (hyphen ? "-" : "") + std::string(end);
  return splice(s, b, e, name, b_label);
}

// The type-noun class of a word (lower-cased) if a type-noun entry starts it with at most a case
// ending after it: "театрының" -> fac_noun, "департаментінің" -> org_noun; 0 otherwise.
std::uint32_t type_noun(const std::vector<std::pair<std::string, std::uint32_t>>& nouns, const std::string& lower) {
  for (const auto& [noun, bits] : nouns)
    if (lower.size() >= noun.size() && lower.size() <= noun.size() + 8 && lower.compare(0, noun.size(), noun) == 0)
      return bits;
  return 0;
}

std::string capitalize(std::string_view s) {
  std::size_t p = 0;
  char32_t c = utf8::next(s, p);
  std::string out;
  utf8::append(out, static_cast<char32_t>(u_toupper(c)));
  return out + std::string(s.substr(p));
}

bool lower_word(std::string_view s) {
  std::size_t p = 0;
  char32_t c = utf8::next(s, p);
  return u_isalpha(c) && u_islower(c);
}

// 4: `« X » noun` with X one name and the noun outside it -> `X noun`, one span. Empty if none.
LabeledSentence unquote_named(const LabeledSentence& s, const std::vector<std::pair<std::string, std::uint32_t>>& nouns) {
  static const int kOrg = parse_label("B-ORGANISATION"), kFac = parse_label("B-FACILITY"),
                   kEvent = parse_label("B-EVENT");
  for (std::size_t i = 0; i + 3 < s.tokens.size(); ++i) {
    if (s.tokens[i] != "«") continue;
    std::size_t j = i + 1;
    int b = s.labels[j];
    if (b != kOrg && b != kFac && b != kEvent) continue;
    while (j + 1 < s.tokens.size() && s.labels[j + 1] == b + 1) ++j;
    if (j + 2 >= s.tokens.size() || s.tokens[j + 1] != "»" || s.labels[j + 2] != 0) continue;
    std::uint32_t noun = type_noun(nouns, utf8::lower(s.tokens[j + 2]));
    int cls = noun & kLexOrgNoun ? kOrg : noun & kLexFacNoun ? kFac : noun & kLexEventNoun ? kEvent : 0;
    if (!cls) continue;
    LabeledSentence out;
    for (std::size_t k = 0; k < s.tokens.size(); ++k) {
      if (k == i || k == j + 1) continue;
      out.tokens.push_back(s.tokens[k]);
      bool in = k > i && k <= j + 2;
      out.labels.push_back(!in ? s.labels[k] : k == i + 1 ? cls : cls + 1);
    }
    return out;
  }
  return {};
}

// 5: a place in the nominative put in front of an unquoted organisation ending in an
// organisation noun. Empty if the sentence has none.
LabeledSentence place_before_org(const LabeledSentence& s, const std::vector<std::pair<std::string, std::uint32_t>>& nouns,
                                 const std::vector<std::string>& regions, const std::vector<std::string>& cities,
                                 std::uint64_t r) {
  static const int kOrg = parse_label("B-ORGANISATION");
  for (std::size_t i = 0; i < s.tokens.size(); ++i) {
    if (s.labels[i] != kOrg || (i > 0 && (s.tokens[i - 1] == "«" || s.labels[i - 1] != 0))) continue;
    std::size_t e = i + 1;
    while (e < s.tokens.size() && s.labels[e] == kOrg + 1) ++e;
    if (e - i < 2 || !(type_noun(nouns, utf8::lower(s.tokens[e - 1])) & kLexOrgNoun)) continue;
    std::vector<std::string> place;
    if (r % 3 == 0 || regions.empty() || cities.empty()) place = {"Қазақстан", "Республикасы"};
    else if (r % 3 == 1) place = {capitalize_words(regions[(r >> 8) % regions.size()]), "облысы"};
    else place = {capitalize_words(cities[(r >> 8) % cities.size()]), "қаласы"};
    LabeledSentence out = splice(s, i, i, place, kOrg);
    out.labels[i + place.size()] = kOrg + 1;
    return out;
  }
  return {};
}

// The possessive case ending `rest` (after a noun in -ы/-і) in the vowel harmony of `noun`:
// ("нің", "театры") -> "ның". Returns false if `rest` is not one of them.
bool harmonize(std::string_view rest, std::string_view noun, std::string& out) {
  static const std::pair<std::string_view, std::string_view> kPairs[] = {
      {"ның", "нің"}, {"на", "не"}, {"нда", "нде"}, {"нан", "нен"}, {"ндағы", "ндегі"},
      {"н", "н"}, {"мен", "мен"}, {"", ""}};
  bool back = noun.size() >= 2 && noun.substr(noun.size() - 2) == "ы";
  for (const auto& [b, f] : kPairs)
    if (rest == b || rest == f) {
      out = std::string(back ? b : f);
      return true;
    }
  return false;
}

// 7: an unquoted organisation ending in an organisation noun becomes a facility with a facility
// noun in the same case. Empty if none.
LabeledSentence org_to_facility(const LabeledSentence& s, const std::vector<std::pair<std::string, std::uint32_t>>& nouns,
                                const std::vector<std::string>& fac_nouns, const std::vector<std::string>& towns,
                                std::uint64_t r) {
  static const int kOrg = parse_label("B-ORGANISATION"), kFac = parse_label("B-FACILITY");
  if (fac_nouns.empty()) return {};
  for (std::size_t i = 0; i < s.tokens.size(); ++i) {
    if (s.labels[i] != kOrg || (i > 0 && s.tokens[i - 1] == "«")) continue;
    std::size_t e = i + 1;
    while (e < s.tokens.size() && s.labels[e] == kOrg + 1) ++e;
    std::string last = utf8::lower(s.tokens[e - 1]);
    if (e - i < 2 || !(type_noun(nouns, last) & kLexOrgNoun)) continue;
    const std::string& fac = fac_nouns[r % fac_nouns.size()];
    std::string ending;
    bool found = false;
    for (const auto& [noun, bits] : nouns)
      if ((bits & kLexOrgNoun) && last.compare(0, noun.size(), noun) == 0 &&
          harmonize(std::string_view(last).substr(noun.size()), fac, ending)) {
        found = true;
        break;
      }
    if (!found) continue;
    LabeledSentence out = s;
    out.tokens[e - 1] = fac + ending;
    for (std::size_t k = i; k < e; ++k) out.labels[k] = k == i ? kFac : kFac + 1;
    // Half of them with the city in front, inside the name (`Алматы Мемлекеттік ... театры`).
    if ((r >> 20) % 2 == 0 && !towns.empty() && (i == 0 || s.labels[i - 1] == 0)) {
      out.tokens.insert(out.tokens.begin() + i, capitalize_words(towns[(r >> 24) % towns.size()]));
      out.labels.insert(out.labels.begin() + i, kFac);
      out.labels[i + 1] = kFac + 1;
    }
    return out;
  }
  return {};
}

// 6: the sentence from the lower-case word before a PERSON on, that word capitalized.
LabeledSentence cut_before_person(const LabeledSentence& s) {
  static const int kPerson = parse_label("B-PERSON");
  for (std::size_t i = 2; i < s.tokens.size(); ++i) {
    if (s.labels[i] != kPerson || s.labels[i - 1] != 0 || !lower_word(s.tokens[i - 1])) continue;
    LabeledSentence out;
    out.tokens.assign(s.tokens.begin() + (i - 1), s.tokens.end());
    out.labels.assign(s.labels.begin() + (i - 1), s.labels.end());
    out.tokens[0] = capitalize(out.tokens[0]);
    return out;
  }
  return {};
}

using Nouns = std::vector<std::pair<std::string, std::uint32_t>>;

// What the synthesized sentences draw from: lexicon entries by class, and the type nouns.
struct Pools {
  std::vector<std::string> cities, media, regions, towns, fac_nouns;
  std::vector<std::vector<std::string>> orgs, places;
  Nouns nouns;
  int org_b = 0, gpe_b = 0;
};

Pools make_pools(const LexiconLists& lex) {
  Pools p;
  p.cities = single_words(lex, kLexCity | kLexRegion);
  p.media = single_words(lex, kLexMedia);
  p.org_b = parse_label("B-ORGANISATION");
  p.gpe_b = parse_label("B-GPE");
  p.orgs = names(lex, kLexOrg, true);
  p.places = names(lex, kLexCountry | kLexCity, false);
  for (const auto& [text, bits] : lex.entries)
    if ((bits & (kLexOrgNoun | kLexFacNoun | kLexEventNoun)) && text.find(' ') == std::string::npos)
      p.nouns.emplace_back(text, bits);
  // Longer nouns first, so "орталығы" is not taken for a shorter entry it starts with.
  std::stable_sort(p.nouns.begin(), p.nouns.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  p.regions = single_words(lex, kLexRegion);
  p.towns = single_words(lex, kLexCity);
  for (const auto& [noun, bits] : p.nouns)
    if ((bits & kLexFacNoun) && (noun.size() >= 2 && (noun.substr(noun.size() - 2) == "ы" || noun.substr(noun.size() - 2) == "і")))
      p.fac_nouns.push_back(noun);
  return p;
}

void keep(LabeledSentence s, std::vector<LabeledSentence>& out) {
  if (!s.tokens.empty()) out.push_back(std::move(s));
}

// 4.-6., each on its own draw: written-news naming.
void add_naming(const LabeledSentence& s, const Pools& p, std::uint64_t& rng, std::vector<LabeledSentence>& out) {
  if (splitmix(rng) % 2 == 0) keep(unquote_named(s, p.nouns), out);
  if (splitmix(rng) % 10 < 3) keep(place_before_org(s, p.nouns, p.regions, p.towns, splitmix(rng)), out);
  if (splitmix(rng) % 100 < 15) keep(org_to_facility(s, p.nouns, p.fac_nouns, p.towns, splitmix(rng)), out);
  if (splitmix(rng) % 5 == 0) keep(cut_before_person(s), out);
}

// 3. substitution of the first ORGANISATION or GPE (independent of 1 and 2).
void add_substitution(const LabeledSentence& s, const Pools& p, std::uint64_t& rng,
                      std::vector<LabeledSentence>& out) {
  for (std::size_t i = 0; i < s.labels.size(); ++i) {
    bool org = s.labels[i] == p.org_b, gpe = s.labels[i] == p.gpe_b;
    if (!org && !gpe) continue;
    if (splitmix(rng) % 4 != 0) return;
    std::size_t e = i + 1;
    while (e < s.labels.size() && s.labels[e] == s.labels[i] + 1) ++e;
    const auto& pool = org ? p.orgs : p.places;
    if (pool.empty()) return;
    std::vector<std::string> name = pool[splitmix(rng) % pool.size()];
    bool abbr = name.size() == 1 && code_points(name[0]) <= 5 && upper(name[0]) == name[0];
    // Ministries and agencies are often written with the country's abbreviation in front:
    // `ҚР ДСМ` (one ORGANISATION).
    if (org && abbr && name[0] != "ҚР" && splitmix(rng) % 3 == 0) name.insert(name.begin(), "ҚР");
    out.push_back(substitute(s, i, e, name, s.labels[i], abbr));
    return;
  }
}

// 1. a copy in capitals (headlines), or 2. a dateline in front: `CITY . MEDIA —`.
void add_headline_or_dateline(const LabeledSentence& s, const Pools& p, std::uint64_t& rng,
                              std::vector<LabeledSentence>& out) {
  std::uint64_t r = splitmix(rng) % 100;
  if (r < 4) {
    LabeledSentence u = s;
    for (auto& t : u.tokens) t = upper(t);
    out.push_back(std::move(u));
  } else if (r < 7 && !p.cities.empty() && !p.media.empty()) {
    LabeledSentence d;
    d.tokens = {upper(p.cities[splitmix(rng) % p.cities.size()]), ".", p.media[splitmix(rng) % p.media.size()], "—"};
    std::string& m = d.tokens[2];
    m = splitmix(rng) % 2 ? upper(m) : capitalize(m);  // "KAZINFORM" or "Kazinform"
    d.labels = {p.gpe_b, 0, p.org_b, 0};
    d.tokens.insert(d.tokens.end(), s.tokens.begin(), s.tokens.end());
    d.labels.insert(d.labels.end(), s.labels.begin(), s.labels.end());
    out.push_back(std::move(d));
  }
}

}  // namespace

std::vector<LabeledSentence> augment(const std::vector<LabeledSentence>& train, const LexiconLists& lex,
                                     std::uint64_t seed) {
  std::vector<LabeledSentence> out;
  const Pools pools = make_pools(lex);
  std::uint64_t rng = seed ^ 0x5eed0a09ull;
  for (const LabeledSentence& s : train) {
    if (s.tokens.empty()) continue;
    add_naming(s, pools, rng, out);
    add_substitution(s, pools, rng, out);
    add_headline_or_dateline(s, pools, rng, out);
  }
  return out;
}

}  // namespace belgi::entities
