#include "entities/rules.h"

#include <algorithm>
#include <array>
#include <string>

#include "text/utf8.h"

namespace belgi::entities {

namespace {

struct TypeNoun {
  std::string_view noun;  // lower case, 3rd-person possessive form
  SpanType type;          // the class of a name it ends
};

// Head nouns of institutions, in the possessive form that follows a name (`... театры`).
constexpr std::array<TypeNoun, 24> kTypeNouns = {{
    {"театры", SpanType::FACILITY},        {"мұражайы", SpanType::FACILITY},
    {"музейі", SpanType::FACILITY},        {"әуежайы", SpanType::FACILITY},
    {"стадионы", SpanType::FACILITY},      {"ауруханасы", SpanType::FACILITY},
    {"емханасы", SpanType::FACILITY},      {"кітапханасы", SpanType::FACILITY},
    {"вокзалы", SpanType::FACILITY},       {"саябағы", SpanType::FACILITY},
    {"филармониясы", SpanType::FACILITY},  {"министрлігі", SpanType::ORGANISATION},
    {"агенттігі", SpanType::ORGANISATION}, {"комитеті", SpanType::ORGANISATION},
    {"департаменті", SpanType::ORGANISATION}, {"басқармасы", SpanType::ORGANISATION},
    {"әкімдігі", SpanType::ORGANISATION},  {"полициясы", SpanType::ORGANISATION},
    {"прокуратурасы", SpanType::ORGANISATION}, {"соты", SpanType::ORGANISATION},
    {"университеті", SpanType::ORGANISATION}, {"академиясы", SpanType::ORGANISATION},
    {"институты", SpanType::ORGANISATION}, {"колледжі", SpanType::ORGANISATION},
}};

// Case endings after a possessive noun: `театры|ның`, `полициясы|н`, `департаменті|нің`.
constexpr std::array<std::string_view, 13> kPossessiveCases = {
    "", "ның", "нің", "на", "не", "нда", "нде", "нан", "нен", "н", "мен", "ндағы", "ндегі"};

// Case endings that make a place name a modifier of something else (`Қазақстанның`, `Оралда`,
// `Алматыдан`, `Астанадағы`): such a GPE does not start an organisation's name.
constexpr std::array<std::string_view, 26> kPlaceCases = {
    "ның", "нің", "дың", "дің", "тың", "тің", "да", "де", "та", "те", "нда", "нде", "дан",
    "ден", "тан", "тен", "нан", "нен", "ға", "ге", "қа", "ке", "дағы", "дегі", "тағы", "тегі"};

using utf8::ends_with;
using utf8::starts_with;

// The class a type noun gives, or QUOTE (not a type noun).
SpanType type_noun(std::string_view token) {
  std::string lower = utf8::lower(token);
  for (const TypeNoun& t : kTypeNouns) {
    // The first letter's second byte first (the nouns are Cyrillic, their first letters differ
    // there): a compare() per noun, 24 for every entity, was most of the rules' cost.
    if (lower.size() < t.noun.size() || lower[1] != t.noun[1] || lower.compare(0, t.noun.size(), t.noun) != 0)
      continue;
    std::string_view rest = std::string_view(lower).substr(t.noun.size());
    if (std::find(kPossessiveCases.begin(), kPossessiveCases.end(), rest) != kPossessiveCases.end()) return t.type;
  }
  return SpanType::QUOTE;
}

bool is_open_quote(std::string_view t) { return t == "«" || t == "„" || t == "“" || t == "\""; }

bool takes_head(const TokenEntity& e, SpanType head, std::string_view last_token) {
  if (head == SpanType::FACILITY)
    return e.type == SpanType::ORGANISATION || e.type == SpanType::FACILITY || e.type == SpanType::LOCATION;
  if (e.type == SpanType::ORGANISATION) return true;
  if (e.type != SpanType::GPE) return false;
  std::string lower = utf8::lower(last_token);
  return std::none_of(kPlaceCases.begin(), kPlaceCases.end(), [&](std::string_view c) { return ends_with(lower, c); });
}

bool lower_latin_word(std::string_view t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// The end of `e` cut before its first closing quotation mark that no opening mark inside `e`
// matches (an ASCII `"` opens only as the entity's first token).
std::size_t before_stray_close(const std::vector<std::string_view>& tokens, const TokenEntity& e) {
  int open = 0;
  bool ascii_open = false;
  for (std::size_t i = e.first; i < e.last && i < tokens.size(); ++i) {
    std::string_view t = tokens[i];
    if (t == "«" || t == "„" || t == "“") ++open;
    else if ((t == "»" || t == "”") && open-- == 0) return i;
    else if (t == "\"") {
      if (i == e.first) ascii_open = true;
      else if (ascii_open) ascii_open = false;
      else return i;
    }
  }
  return e.last;
}

// True if `token` ends in a place case ending that stem() removes (`Алматы|дан`, `Көкшетау|дағы`).
bool inflected_place_word(std::string_view token, const Lexicons& lex) {
  std::string lower = utf8::lower(token);
  std::string_view rest = std::string_view(lower).substr(stem(lower, lex).size());
  return !rest.empty() &&
         std::any_of(kPlaceCases.begin(), kPlaceCases.end(), [&](std::string_view c) { return ends_with(rest, c); });
}

// R4: the end of a GPE cut after its first inner token with a place case ending.
std::size_t before_inner_case(const std::vector<std::string_view>& tokens, const Lexicons& lex, const TokenEntity& e) {
  if (e.type != SpanType::GPE) return e.last;
  for (std::size_t i = e.first; i + 1 < e.last && i < tokens.size(); ++i)
    if (inflected_place_word(tokens[i], lex)) return i + 1;
  return e.last;
}

// Number words before an ordinal (`жиырма үшінші`).
bool number_word(std::string_view w) {
  static constexpr std::array<std::string_view, 20> kWords = {
      "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз", "он", "жиырма",
      "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан", "жүз", "мың"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// An ordinal: `23-інші`, `2-нші`, `екінші`, `оныншы` (lower case).
bool ordinal_word(std::string_view w) {
  std::size_t d = 0;
  while (d < w.size() && w[d] >= '0' && w[d] <= '9') ++d;
  if (d > 0) return d + 1 < w.size() && w[d] == '-';
  return ends_with(w, "ншы") || ends_with(w, "нші");
}

// Nouns of numbered institutions, any ending (`мектеп`, `мектеп-лицейде`, `гимназиясы`).
bool numbered_institution(std::string_view w) {
  static constexpr std::array<std::string_view, 8> kNouns = {
      "мектеп", "лицей", "гимназия", "балабақша", "бала-бақша", "аурухана", "емхана", "колледж"};
  return std::any_of(kNouns.begin(), kNouns.end(), [&](std::string_view n) { return starts_with(w, n); });
}

// A place's head noun in the locative-adjectival form that links it to what follows
// (`қаласындағы`, `облысындағы`, `ауданындағы`, `ауылындағы`).
bool place_link(std::string_view w) {
  return w == "қаласындағы" || w == "облысындағы" || w == "ауданындағы" || w == "ауылындағы";
}

// R5: finds `нөмірі` + ordinal + institution noun and makes it one FACILITY.
void numbered_institutions(const std::vector<std::string_view>& tokens, std::vector<TokenEntity>& found) {
  constexpr std::string_view kNumber = "нөмірі";
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    // The first letter first (`н` or `Н`): lower-casing every token of that length cost more
    // than the rest of the rule.
    if (tokens[i].size() != kNumber.size() || tokens[i][0] != '\xD0' ||
        (tokens[i][1] != '\xBD' && tokens[i][1] != '\x9D') || utf8::lower(tokens[i]) != kNumber)
      continue;
    std::size_t j = i + 1;  // up to two number words, then the ordinal
    while (j < tokens.size() && j < i + 3 && number_word(utf8::lower(tokens[j]))) ++j;
    if (j + 1 >= tokens.size() || !ordinal_word(utf8::lower(tokens[j])) ||
        !numbered_institution(utf8::lower(tokens[j + 1])))
      continue;
    // Only with the place written before it: KazNERD tags `нөмірі бірінші емханаға` alone as an
    // ORDINAL and no facility.
    std::size_t first = i, last = j + 2;
    std::size_t place_end = i > 0 && place_link(utf8::lower(tokens[i - 1])) ? i - 1 : i;
    for (const TokenEntity& e : found)
      if (e.last == place_end && (e.type == SpanType::GPE || e.type == SpanType::LOCATION)) first = e.first;
    if (first == i) continue;
    TokenEntity fac;
    fac.type = SpanType::FACILITY;
    fac.first = first;
    fac.last = last;
    fac.score = 1.0f;  // the least confidence of the entities it replaces (the place at least)
    for (const TokenEntity& e : found)
      if (e.first < last && first < e.last) fac.score = std::min(fac.score, e.score);
    found.erase(std::remove_if(found.begin(), found.end(),
                               [&](const TokenEntity& e) { return e.first < last && first < e.last; }),
                found.end());
    auto at = std::find_if(found.begin(), found.end(), [&](const TokenEntity& e) { return e.first >= last; });
    found.insert(at, fac);
    i = last - 1;
  }
}

}  // namespace

void apply_rules(const std::vector<std::string_view>& tokens, const Lexicons& lex,
                 std::vector<TokenEntity>& found) {
  for (TokenEntity& e : found) e.last = before_stray_close(tokens, e);
  for (TokenEntity& e : found) e.last = before_inner_case(tokens, lex, e);
  for (TokenEntity& e : found) {
    if (e.last >= tokens.size() || e.first >= e.last) continue;
    if (e.first > 0 && is_open_quote(tokens[e.first - 1])) continue;
    const std::size_t noun = e.last;
    if (std::any_of(found.begin(), found.end(), [&](const TokenEntity& o) { return o.first <= noun && noun < o.last; }))
      continue;
    SpanType head = type_noun(tokens[e.last]);
    if (head == SpanType::QUOTE || !takes_head(e, head, tokens[e.last - 1])) continue;
    e.type = head;
    e.last += 1;
  }
  found.erase(std::remove_if(found.begin(), found.end(),
                             [&](const TokenEntity& e) {
                               return e.last <= e.first ||
                                      (e.last == e.first + 1 && e.first < tokens.size() && lower_latin_word(tokens[e.first]));
                             }),
              found.end());
  numbered_institutions(tokens, found);
}

}  // namespace belgi::entities
