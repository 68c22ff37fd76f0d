#include "belgi/offsets.h"

#include <algorithm>

#include "text/utf8.h"

namespace belgi {

namespace {

constexpr std::size_t kStep = 64;  // bytes between checkpoints
static_assert(kStep < 256, "a step's counts fit a byte");

// Code points (lead bytes) and 4-byte sequences among the bytes [b, e), fewer than kStep: in
// byte counters, which the compiler vectorizes 16 to a register.
void count_leads(const unsigned char* b, const unsigned char* e, std::size_t& leads, std::size_t& fours) {
  std::uint8_t l = 0, f = 0;
  for (; b < e; ++b) {
    l += (*b & 0xC0) != 0x80;
    f += *b >= 0xF0;
  }
  leads += l;
  fours += f;
}

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
    std::uint8_t leads = 0, fours = 0;  // at most kStep: bytes, 16 to a vector
    for (std::size_t i = mark, end = std::min(size_, mark + kStep); i < end; ++i) {
      leads += (p[i] & 0xC0) != 0x80;
      fours += p[i] >= 0xF0;
    }
    cp += leads;
    u16 += static_cast<std::uint32_t>(leads) + fours;
  }
  cp_at_.push_back(cp);
  u16_at_.push_back(u16);
}

// The counts at checkpoint k (all lead bytes before k * kStep) plus the lead bytes from there
// to the offset: a count over at most kStep bytes, no decoding. An offset inside a sequence
// maps to the sequence's start.
std::size_t OffsetMap::to(OffsetUnit unit, std::size_t off) const {
  if (unit == OffsetUnit::byte) return off;
  if (off >= size_) return unit == OffsetUnit::codepoint ? cp_at_.back() : u16_at_.back();
  const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
  while (off > 0 && (p[off] & 0xC0) == 0x80) --off;
  const std::size_t k = off / kStep;
  std::size_t leads = 0, fours = 0;
  count_leads(p + k * kStep, p + off, leads, fours);
  return unit == OffsetUnit::codepoint ? cp_at_[k] + leads : u16_at_[k] + leads + fours;
}

std::size_t OffsetMap::to_after(OffsetUnit unit, std::size_t off, std::size_t before,
                                std::size_t before_value) const {
  if (unit == OffsetUnit::byte) return off;
  if (off >= size_ || before > off) return to(unit, off);
  const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
  while (off > 0 && (p[off] & 0xC0) == 0x80) --off;
  while (before > 0 && (p[before] & 0xC0) == 0x80) --before;
  if (off - before > off % kStep) return to(unit, off);  // the checkpoint is nearer
  std::size_t leads = 0, fours = 0;
  count_leads(p + before, p + off, leads, fours);
  return before_value + leads + (unit == OffsetUnit::utf16 ? fours : 0);
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
