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

void Tables::Starts::note(std::string_view form, Set set) {
  if (form.empty()) return;  // no word's prefix is empty: scan never asks
  const int shift = 2 * static_cast<int>(set);
  std::uint64_t h = text::kFnvBasis;
  for (std::size_t i = 0; i < form.size(); ++i) {
    h = text::fnv1a64(form.substr(i, 1), h);
    if (i + 1 == form.size()) add(h, static_cast<std::uint8_t>((kPrefix | kWhole) << shift));
    else if (!continuation(form[i + 1])) add(h, static_cast<std::uint8_t>(kPrefix << shift));
  }
}

// A set's reach stops at the first prefix not noted in it (as a scan of its own table stopped at
// the first prefix not in that table); the scan stops when both have.
void Tables::Starts::scan(std::string_view w, Reach& forms, Reach& phrases) const {
  forms = phrases = Reach();
  std::uint8_t alive = kPrefix | kPrefix << 2;
  std::uint64_t h = text::kFnvBasis;
  for (std::size_t i = 0; i < w.size(); ++i) {
    h = text::fnv1a64(w.substr(i, 1), h);
    if (i + 1 < w.size() && continuation(w[i + 1])) continue;  // inside a character
    const Slot* s = find(h);
    if (!s) break;
    alive &= s->state;
    if (!alive) break;
    const std::size_t top = i + 1;
    const std::uint64_t bit = top < 64 ? std::uint64_t{1} << top : 0;
    if (alive & kPrefix) {
      forms.top = top;
      if (s->state & kWhole) forms.ends |= bit;
    }
    if (alive & kPrefix << 2) {
      phrases.top = top;
      if (s->state & kWhole << 2) phrases.ends |= bit;
    }
  }
}

}  // namespace belgi::dates
