// The names of the entity model's labels and of its lexicon classes (features.h): the model
// file's label table, the lexicon files' class column.
#include "entities/features.h"

#include <array>
#include <string>

namespace belgi::entities {

namespace {

// The model's classes are the span types before QUOTE, by their numbers (data/types.tsv).
const char* class_name_of(int c) { return type_name(static_cast<SpanType>(c)); }

constexpr std::array<const char*, kLexClassCount> kLexNames = {
    "country", "city", "region", "org", "legal_form", "title", "org_noun",
    "fac_noun", "event_noun", "geo_noun", "name_ending", "media", "world_region", "first_name",
    "month", "weekday"};

}  // namespace

const char* class_name(int c) { return c >= 0 && c < kEntityClassCount ? class_name_of(c) : "?"; }

std::string label_name(int label) {
  if (label == 0) return "O";
  if (label < 0 || label >= kLabelCount) return "?";
  return std::string(is_inside(label) ? "I-" : "B-") + class_name(label_class(label));
}

int parse_label(std::string_view name) {
  if (name == "O") return 0;
  if (name.size() < 3 || name[1] != '-' || (name[0] != 'B' && name[0] != 'I')) return -1;
  for (int c = 0; c < kEntityClassCount; ++c)
    if (name.substr(2) == class_name_of(c)) return 1 + 2 * c + (name[0] == 'I');
  return -1;
}

const char* lex_class_name(int bit) { return bit >= 0 && bit < kLexClassCount ? kLexNames[bit] : nullptr; }

bool parse_lex_class(std::string_view name, std::uint32_t& bit) {
  static const std::pair<std::string_view, std::uint32_t> kWordBits[] = {
      {"freq1", 1u << kLexBandShift}, {"freq2", 2u << kLexBandShift}, {"freq3", 3u << kLexBandShift}};
  for (const auto& [n, b] : kWordBits)
    if (name == n) {
      bit = b;
      return true;
    }
  for (int i = 0; i < kLexClassCount; ++i)
    if (name == kLexNames[i]) {
      bit = 1u << i;
      return true;
    }
  return false;
}

}  // namespace belgi::entities
