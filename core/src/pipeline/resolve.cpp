#include "pipeline/resolve.h"

#include <algorithm>
#include <cstdint>

#include "text/huge_pages.h"

namespace belgi {

namespace {

// What the order reads of a candidate, and where it is. Sorting these rather than the
// candidates: a Candidate (a Span with two strings) is ~150 bytes, and moving them about was
// most of resolve()'s time.
struct Key {
  int priority;
  std::size_t length, begin;
  SpanType type;
  std::size_t index;  // the last tie-break: the order of a stable sort
};

bool before(const Key& a, const Key& b) {
  if (a.priority != b.priority) return a.priority > b.priority;
  if (a.length != b.length) return a.length > b.length;
  if (a.begin != b.begin) return a.begin < b.begin;
  if (a.type != b.type) return a.type < b.type;
  return a.index < b.index;
}

// The bytes taken by accepted spans, one bit each: a range overlaps an accepted span exactly
// when one of its bytes is taken (all ranges here are non-empty).
class Taken {
 public:
  explicit Taken(std::size_t bytes) {
    text::reserve_huge(bits_, bytes / 64 + 1);  // a large document's: no page at a time
    bits_.assign(bytes / 64 + 1, 0);
  }
  // A word of bits at a time (a span is tens of bytes: a bit at a time was most of resolve()).
  bool any(const ByteRange& r) const {
    for (std::size_t w = r.begin / 64, last = (r.end - 1) / 64; w <= last; ++w)
      if (bits_[w] & mask(r, w)) return true;
    return false;
  }
  void take(const ByteRange& r) {
    for (std::size_t w = r.begin / 64, last = (r.end - 1) / 64; w <= last; ++w) bits_[w] |= mask(r, w);
  }

 private:
  // The bits of r's bytes in word w (one of r's words).
  static std::uint64_t mask(const ByteRange& r, std::size_t w) {
    std::uint64_t m = ~std::uint64_t{0};
    if (w == r.begin / 64) m &= m << (r.begin % 64);
    if (w == (r.end - 1) / 64) m &= ~std::uint64_t{0} >> (63 - (r.end - 1) % 64);
    return m;
  }
  std::vector<std::uint64_t> bits_;
};

}  // namespace

std::vector<Span> resolve(std::vector<Candidate> cands) {
  std::vector<Key> keys;
  text::reserve_huge(keys, cands.size());
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < cands.size(); ++i) {
    const ByteRange& r = cands[i].span.range;
    if (r.empty()) continue;
    keys.push_back(Key{cands[i].priority, r.end - r.begin, r.begin, cands[i].span.type, i});
    bytes = std::max(bytes, r.end);
  }
  std::sort(keys.begin(), keys.end(), before);
  Taken taken(bytes);
  std::vector<std::size_t> accepted;  // indices into cands
  text::reserve_huge(accepted, keys.size());
  for (const Key& k : keys) {
    const ByteRange& r = cands[k.index].span.range;
    if (taken.any(r)) continue;
    taken.take(r);
    accepted.push_back(k.index);
  }
  // Accepted spans do not overlap, so their begins differ: this order is total.
  std::sort(accepted.begin(), accepted.end(), [&](std::size_t a, std::size_t b) {
    return cands[a].span.range.begin < cands[b].span.range.begin;
  });
  std::vector<Span> out;
  // A large document's spans are megabytes: no growing by doubling, and room (as many as there
  // were candidates) for the spans the later layers append (quotes) without a reallocation.
  text::reserve_huge(out, cands.size());
  for (std::size_t i : accepted) out.push_back(std::move(cands[i].span));
  return out;
}

}  // namespace belgi
