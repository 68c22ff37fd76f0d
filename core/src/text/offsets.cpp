#include "belgi/offsets.h"

#include <algorithm>

#include "text/utf8.h"

namespace belgi {

namespace {
constexpr std::size_t kStep = 64;  // bytes between checkpoints
}  // namespace

OffsetMap::OffsetMap(std::string_view utf8) : size_(utf8.size()), text_(utf8) {
  cp_at_.reserve(size_ / kStep + 2);
  u16_at_.reserve(size_ / kStep + 2);
  // A checkpoint stores the counts at the first code point boundary at or after k * kStep
  // (that boundary is recomputed on lookup), one per k up to the last lead byte, then the
  // totals. The bytes between k * kStep and that boundary are continuation bytes, so the counts
  // are those of the lead bytes before k * kStep (a 4-byte lead counts twice in UTF-16): a
  // count over whole steps, which the compiler vectorizes.
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  std::size_t last_lead = size_;
  while (last_lead > 0 && (p[last_lead - 1] & 0xC0) == 0x80) --last_lead;
  std::uint32_t cp = 0, u16 = 0;
  for (std::size_t mark = 0; mark < last_lead; mark += kStep) {
    cp_at_.push_back(cp);
    u16_at_.push_back(u16);
    std::uint32_t leads = 0, fours = 0;
    for (std::size_t i = mark, end = std::min(size_, mark + kStep); i < end; ++i) {
      leads += (p[i] & 0xC0) != 0x80;
      fours += p[i] >= 0xF0;
    }
    cp += leads;
    u16 += leads + fours;
  }
  cp_at_.push_back(cp);
  u16_at_.push_back(u16);
}

// Counts from the checkpoint before byte_offset. A checkpoint k holds the counts at the first
// boundary b_k >= k*kStep, so we walk from the boundary at or before byte_offset instead: start
// at checkpoint k = byte_offset / kStep, back off to its boundary by skipping continuation bytes.
std::size_t OffsetMap::to(OffsetUnit unit, std::size_t off) const {
  if (unit == OffsetUnit::byte) return off;
  if (off >= size_) return unit == OffsetUnit::codepoint ? cp_at_.back() : u16_at_.back();
  std::size_t k = off / kStep;
  std::size_t pos = k * kStep;
  // Boundary for checkpoint k: first lead byte at or after k*kStep.
  while (pos < size_ && (static_cast<unsigned char>(text_[pos]) & 0xC0) == 0x80) ++pos;
  std::size_t cp = cp_at_[k], u16 = u16_at_[k];
  while (pos < off) {
    std::size_t len = utf8::seq_len(static_cast<unsigned char>(text_[pos]));
    if (pos + len > off) break;  // inside a sequence: map to its start
    pos += len;
    cp += 1;
    u16 += len == 4 ? 2 : 1;
  }
  return unit == OffsetUnit::codepoint ? cp : u16;
}

std::size_t OffsetMap::from(OffsetUnit unit, std::size_t offset) const {
  if (unit == OffsetUnit::byte) return offset < size_ ? offset : size_;
  const std::vector<std::uint32_t>& at = unit == OffsetUnit::codepoint ? cp_at_ : u16_at_;
  if (offset >= at.back()) return size_;
  // Last checkpoint whose count is <= offset.
  std::size_t lo = 0, hi = at.size() - 1;
  while (lo + 1 < hi) {
    std::size_t mid = (lo + hi) / 2;
    (at[mid] <= offset ? lo : hi) = mid;
  }
  std::size_t pos = lo * kStep;
  while (pos < size_ && (static_cast<unsigned char>(text_[pos]) & 0xC0) == 0x80) ++pos;
  std::size_t count = at[lo];
  while (pos < size_ && count < offset) {
    std::size_t len = utf8::seq_len(static_cast<unsigned char>(text_[pos]));
    std::size_t units = unit == OffsetUnit::utf16 && len == 4 ? 2 : 1;
    if (count + units > offset) break;  // inside a surrogate pair: map to its start
    pos += len;
    count += units;
  }
  return pos;
}

}  // namespace belgi
