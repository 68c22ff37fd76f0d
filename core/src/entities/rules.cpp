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

bool ends_with(std::string_view s, std::string_view e) {
  return s.size() >= e.size() && s.substr(s.size() - e.size()) == e;
}

// The class a type noun gives, or QUOTE (not a type noun).
SpanType type_noun(std::string_view token) {
  std::string lower = utf8::lower(token);
  for (const TypeNoun& t : kTypeNouns) {
    if (lower.compare(0, t.noun.size(), t.noun) != 0) continue;
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

}  // namespace

void apply_rules(const std::vector<std::string_view>& tokens, std::vector<TokenEntity>& found) {
  for (TokenEntity& e : found) e.last = before_stray_close(tokens, e);
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
}

}  // namespace belgi::entities
