// Offset conversion between UTF-8 bytes (the core's unit), Unicode code points (CLI JSON, gold
// files) and UTF-16 code units (JavaScript). The only place in Belgi where offsets change unit.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace belgi {

enum class OffsetUnit { byte, codepoint, utf16 };
const char* offset_unit_name(OffsetUnit u);  // "byte", "codepoint", "utf16"
bool parse_offset_unit(std::string_view name, OffsetUnit& out);

// Maps byte offsets of one valid UTF-8 text to code point and UTF-16 offsets in O(1) each.
// Built in O(n) once per text. Byte offsets must lie on code point boundaries (all of the core's
// do); an offset inside a sequence maps to the start of that code point.
class OffsetMap {
 public:
  explicit OffsetMap(std::string_view utf8);
  std::size_t to(OffsetUnit unit, std::size_t byte_offset) const;
  // The same, counted from an earlier byte offset whose converted value is known when that is
  // nearer than a checkpoint: a span's end from its start.
  std::size_t to_after(OffsetUnit unit, std::size_t byte_offset, std::size_t before,
                       std::size_t before_value) const;
  // Inverse: a code point / UTF-16 offset back to bytes (for importers). Returns the text's
  // byte length for offsets past the end.
  std::size_t from(OffsetUnit unit, std::size_t offset) const;

 private:
  std::size_t size_ = 0;
  // Checkpoints every 64 bytes; the rest is counted from there (keeps memory at n/8 bytes).
  std::vector<std::uint32_t> cp_at_;
  std::vector<std::uint32_t> u16_at_;
  std::string_view text_;
};

}  // namespace belgi
