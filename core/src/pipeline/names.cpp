// Names of the public enums (status codes, span types, quote kinds, offset units).
#include <algorithm>
#include <cstring>
#include <string>

#include "belgi/offsets.h"
#include "belgi/span.h"
#include "belgi/status.h"

namespace belgi {

namespace {
const char* const kTypeNames[kSpanTypeCount] = {
#define BELGI_SPAN_TYPE(name) #name,
#include "belgi/span_types.inc"
#undef BELGI_SPAN_TYPE
};
}  // namespace

const char* status_code_name(StatusCode code) {
  switch (code) {
    case StatusCode::ok: return "ok";
    case StatusCode::invalid_utf8: return "invalid_utf8";
    case StatusCode::too_large: return "too_large";
    case StatusCode::invalid_argument: return "invalid_argument";
    case StatusCode::invalid_model: return "invalid_model";
    case StatusCode::invalid_input: return "invalid_input";
    case StatusCode::internal: return "internal";
  }
  return "internal";
}

const char* type_name(SpanType t) {
  int i = static_cast<int>(t);
  return i >= 0 && i < kSpanTypeCount ? kTypeNames[i] : "MISCELLANEOUS";
}

bool parse_type(std::string_view name, SpanType& out) {
  for (int i = 0; i < kSpanTypeCount; ++i) {
    if (name == kTypeNames[i]) {
      out = static_cast<SpanType>(i);
      return true;
    }
  }
  return false;
}

bool parse_type_list(std::string_view list, TypeSet& out, std::string* unknown) {
  out = TypeSet::none();
  std::size_t pos = 0;
  while (pos <= list.size()) {
    std::size_t comma = std::min(list.find(',', pos), list.size());
    std::string_view name = list.substr(pos, comma - pos);
    SpanType t;
    if (!name.empty()) {
      if (!parse_type(name, t)) {
        if (unknown) *unknown = std::string(name);
        return false;
      }
      out.add(t);
    }
    pos = comma + 1;
  }
  return true;
}

const char* quote_kind_name(QuoteKind k) {
  switch (k) {
    case QuoteKind::none: return "none";
    case QuoteKind::guillemets: return "guillemets";
    case QuoteKind::dash: return "dash";
    case QuoteKind::unmarked: return "unmarked";
    case QuoteKind::colon: return "colon";
  }
  return "none";
}

const char* offset_unit_name(OffsetUnit u) {
  switch (u) {
    case OffsetUnit::byte: return "byte";
    case OffsetUnit::codepoint: return "codepoint";
    case OffsetUnit::utf16: return "utf16";
  }
  return "codepoint";
}

bool parse_offset_unit(std::string_view name, OffsetUnit& out) {
  for (OffsetUnit u : {OffsetUnit::byte, OffsetUnit::codepoint, OffsetUnit::utf16}) {
    if (name == offset_unit_name(u)) {
      out = u;
      return true;
    }
  }
  return false;
}

}  // namespace belgi
