// The prefix filter of the word and phrase tables (Tables::Starts, tables.h): the FNV-1a hashes of
// the noted forms' prefixes in one open-addressed table.
#include "dates/tables.h"

namespace belgi::dates {

namespace {
bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
}  // namespace

void Tables::Starts::add(std::uint64_t h, std::uint8_t state) {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = index(h);
  while (slots_[i].state != kEmpty && slots_[i].hash != h) i = (i + 1) & mask;
  if (slots_[i].state == kEmpty) slots_[i].hash = h, ++used_;
  slots_[i].state |= state;
  if (2 * used_ <= slots_.size()) return;
  std::vector<Slot> old(2 * slots_.size());
  old.swap(slots_);
  --shift_;
  used_ = 0;
  for (const Slot& s : old)
    if (s.state != kEmpty) add(s.hash, s.state);
}

void Tables::Starts::note(std::string_view form) {
  if (form.empty()) return;  // no word's prefix is empty: scan never asks
  std::uint64_t h = text::kFnvBasis;
  for (std::size_t i = 0; i < form.size(); ++i) {
    h = text::fnv1a64(form.substr(i, 1), h);
    if (i + 1 == form.size()) add(h, kPrefix | kWhole);
    else if (!continuation(form[i + 1])) add(h, kPrefix);
  }
}

std::size_t Tables::Starts::scan(std::string_view w, std::uint64_t& ends) const {
  ends = 0;
  std::uint64_t h = text::kFnvBasis;
  std::size_t top = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    h = text::fnv1a64(w.substr(i, 1), h);
    if (i + 1 < w.size() && continuation(w[i + 1])) continue;  // inside a character
    const Slot* s = find(h);
    if (!s) break;
    top = i + 1;
    if (top < 64 && (s->state & kWhole) != 0) ends |= std::uint64_t{1} << top;
  }
  return top;
}

}  // namespace belgi::dates
