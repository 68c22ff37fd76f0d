// Span: one mark in a text (an entity, a date or time, or a quote), in UTF-8 byte offsets.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace belgi {

// Byte range [begin, end) into the annotated UTF-8 text. Always on code point boundaries.
struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool empty() const { return begin >= end; }
};

// The span types: KazNERD's 25 entity classes (DATE and TIME among them) and QUOTE, from the one
// table data/types.tsv (span_types.inc is generated from it). The values are the model's label
// numbers and never change; names via type_name().
enum class SpanType : std::uint8_t {
#define BELGI_SPAN_TYPE(name) name,
#include "belgi/span_types.inc"
#undef BELGI_SPAN_TYPE
};
constexpr int kSpanTypeCount = static_cast<int>(SpanType::QUOTE) + 1;
constexpr int kEntityClassCount = static_cast<int>(SpanType::QUOTE);  // all but QUOTE

const char* type_name(SpanType t);
// Parses "PERSON", "QUOTE", ...; returns false for an unknown name.
bool parse_type(std::string_view name, SpanType& out);

class TypeSet;
// Parses a comma-separated list of type names ("PERSON,DATE"); empty items are skipped. On an
// unknown name returns false and stores it in *unknown.
bool parse_type_list(std::string_view list, TypeSet& out, std::string* unknown);

// A set of span types, as a bit mask over SpanType.
class TypeSet {
 public:
  static TypeSet all() { return TypeSet((1u << kSpanTypeCount) - 1); }
  static TypeSet none() { return TypeSet(0); }
  bool has(SpanType t) const { return bits_ >> static_cast<int>(t) & 1u; }
  TypeSet& add(SpanType t) { bits_ |= 1u << static_cast<int>(t); return *this; }
  bool empty() const { return bits_ == 0; }
  bool operator==(const TypeSet& o) const { return bits_ == o.bits_; }

 private:
  explicit TypeSet(std::uint32_t bits) : bits_(bits) {}
  std::uint32_t bits_;
};

// Quote kinds (annotation guidelines, "Quotes").
enum class QuoteKind : std::uint8_t {
  none,       // not a quote
  guillemets, // inside «…», „…“ or "…" (the gold files' name for the kind)
  dash,       // a paragraph opened by a dash
  unmarked,   // unmarked speech closed by a dash and a speech verb
  colon,      // `Speaker: «…»`
};
const char* quote_kind_name(QuoteKind k);

struct Speaker {
  ByteRange range;
  int entity = -1;  // index into Result::spans of the PERSON span it refers to, or -1
};

struct Span {
  SpanType type = SpanType::MISCELLANEOUS;
  ByteRange range;
  std::string value;   // normalized TIMEX3 value for DATE/TIME ("2023-12-05", "P3Y"); "" if none
  float score = 1.0f;  // confidence in [0, 1]; rules give 1
  std::string source;  // what made it: "model", "rule:<id>" (e.g. "rule:date.dmy_numeric")
  // Quotes only:
  QuoteKind kind = QuoteKind::none;
  bool has_cue = false;
  ByteRange cue;
  bool has_speaker = false;
  Speaker speaker;
};

}  // namespace belgi
