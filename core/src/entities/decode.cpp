#include "entities/decode.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "entities/features.h"

namespace belgi::entities {

namespace {

constexpr int L = kLabelCount;
// Forward scores are int32, renormalized at each token so the best is 0 and the worst is
// clamped at kFloor: far below any reachable gap, and no sum of them can overflow.
constexpr std::int32_t kFloor = -(1 << 29);

// The two passes are integer max-plus loops the compiler vectorizes (BELGI_SIMD_CLONES, decode.h).

// The rows' predecessors worth trying (forward() finds them): bit p of row i is set if
// alpha[i][p] is no further than the transitions' spread below the row's best (0). Only they can
// give an outer label its maximum at token i + 1; most rows have one to three.
using Active = std::vector<std::uint64_t>;

// Best predecessor of label y at token i (> 0): the lowest p maximizing alpha[i-1][p] + T[p][y].
// An outer y tries the active predecessors only (as forward() did), lowest first; an I- label
// its two.
int best_prev(const Lattice& lat, const Active& active, const std::vector<std::int32_t>& alpha,
              std::size_t i, int y) {
  const std::int32_t* prev = &alpha[(i - 1) * L];
  std::int32_t best = std::numeric_limits<std::int32_t>::min();
  int arg = 0;
  auto consider = [&](int p) {
    std::int32_t s = prev[p] + lat.trans[p * L + y];
    if (s > best) best = s, arg = p;
  };
  if (is_inside(y)) {
    consider(y - 1);
    consider(y);
    return arg;
  }
  for (std::uint64_t m = active[i - 1]; m; m &= m - 1) consider(__builtin_ctzll(m));
  return arg;
}

// Bit p of a 32-bit word, for labels_at_least().
struct Bits32 {
  std::uint32_t bit[64];
  constexpr Bits32() : bit{} {
    for (int p = 0; p < 64; ++p) bit[p] = 1u << (p % 32);
  }
};
constexpr Bits32 kBits{};

// The labels p < N with row[p] >= cut, as bits: two OR reductions of the labels' bits, each
// under its comparison, which the compiler vectorizes (compare, and, or); 32 labels a word.
// Packing the comparisons into bytes and gathering them 8 at a time with a multiply was ~75
// instructions a row for 51 labels.
template <int N = L>
inline std::uint64_t labels_at_least(const std::int32_t* row, std::int32_t cut) {
  static_assert(N <= 64, "the labels fit one 64-bit mask");
  constexpr int kLow = N < 32 ? N : 32;
  std::uint32_t lo = 0, hi = 0;
  for (int p = 0; p < kLow; ++p) lo |= row[p] >= cut ? kBits.bit[p] : 0u;
  for (int p = kLow; p < N; ++p) hi |= row[p] >= cut ? kBits.bit[p] : 0u;
  return std::uint64_t{lo} | std::uint64_t{hi} << 32;
}

// The largest of row[0, N): a plain max reduction, which the compiler vectorizes
// (std::max_element, which must find the first position, stays a scalar loop).
template <int N = L>
inline std::int32_t row_max(const std::int32_t* row) {
  std::int32_t top = row[0];
  for (int y = 1; y < N; ++y) top = std::max(top, row[y]);
  return top;
}

// Shifts a row of scores so that its best is 0, clamping at kFloor.
inline void normalize(std::int32_t* cur) {
  std::int32_t top = row_max(cur);
  for (int y = 0; y < L; ++y) cur[y] = std::max(cur[y] - top, kFloor);
}

// The start row's masks: keep[y] all ones and fill[y] 0 for a label that may begin a sentence
// (O, B-), keep[y] 0 and fill[y] kFloor for an I- label.
struct StartMasks {
  std::int32_t keep[L], fill[L];
  StartMasks() {
    for (int y = 0; y < L; ++y) {
      keep[y] = is_inside(y) ? 0 : -1;
      fill[y] = is_inside(y) ? kFloor : 0;
    }
  }
};
const StartMasks kStart;

// forward()'s row i from acc (the outer labels' best) and the I- labels' two predecessors in
// prev. Distinct arrays (restrict: the vectorized loop without run-time overlap checks, which
// restrict on forward()'s local pointers did not remove).
inline void merge_row(std::int32_t* __restrict cur, const std::int32_t* __restrict acc,
                      const std::int32_t* __restrict prev, const std::int32_t* __restrict from_b,
                      const std::int32_t* __restrict from_i, const std::int32_t* __restrict e) {
  cur[0] = acc[0] + e[0];
  for (int y = 1; y < L; ++y) cur[y] = std::max(acc[y], std::max(prev[y - 1] + from_b[y], prev[y] + from_i[y])) + e[y];
}

using Outer = OuterTransitions;
constexpr int kOuter = Outer::kOuter, kRow = Outer::kRow;

// Forward pass: alpha[i * L + y] = best score of a prefix ending in y at token i (emission
// included). Only maxima here; predecessors are recomputed on the best path only, by best_prev().
// An I- label has two possible predecessors. For the outer labels, the loop runs over
// predecessors p and adds p's row (into_outer) to all labels at once (no horizontal maxima), and
// skips a p too far below the best one (the normalized best is 0) to win for any label: it would
// lose by more than the spread of the transitions. The result is exactly the full maximum.
BELGI_SIMD_CLONES void forward(const Lattice& lat, const Outer& o, std::vector<std::int32_t>& alpha,
                                 Active& active) {
  const std::size_t n = lat.n;
  // Grown only (a resize() up zero-fills; the rows past n * L are not read).
  if (alpha.size() < n * L) alpha.resize(n * L);
  if (active.size() < n) active.resize(n);
  // The start row: every label's score, the I- labels' (2, 4, ...) replaced by kFloor, in one
  // loop the compiler vectorizes with the constant masks of kStart (one with is_inside() per
  // label did not, ~350 instructions a sentence; a second loop storing kFloor at every other
  // label stayed scalar, ~100).
  for (int y = 0; y < L; ++y) alpha[y] = ((lat.trans[L * L + y] + lat.emit[y]) & kStart.keep[y]) | kStart.fill[y];
  normalize(&alpha[0]);
  // -spread in int32 (a spread beyond int32 cuts nothing: the rows are >= kFloor anyway).
  const std::int32_t cut = static_cast<std::int32_t>(
      std::max<std::int64_t>(-o.spread, std::numeric_limits<std::int32_t>::min()));
  for (std::size_t i = 1; i < n; ++i) {
    const std::int32_t* prev = &alpha[(i - 1) * L];
    std::int32_t* cur = &alpha[i * L];
    const std::int32_t* e = &lat.emit[i * L];
    std::uint64_t mask = labels_at_least(prev, cut);  // the active predecessors
    active[i - 1] = mask;
    // In label order: an outer label's best over the active predecessors (an I- label's stays
    // at or below kBlocked), then an I- label's from its B- or itself (an outer label's at or
    // below kBlocked), the larger of the two taken for every label in one loop.
    std::int32_t acc[kRow];  // from the first active predecessor (there is one: the best, 0)
    const int first = __builtin_ctzll(mask);
    for (int y = 0; y < kRow; ++y) acc[y] = prev[first] + o.into_outer[first * kRow + y];
    for (mask &= mask - 1; mask; mask &= mask - 1) {
      const int p = __builtin_ctzll(mask);
      const std::int32_t s = prev[p], *t = &o.into_outer[p * kRow];
      for (int y = 0; y < kRow; ++y) acc[y] = std::max(acc[y], s + t[y]);
    }
    merge_row(cur, acc, prev, o.into_i_from_b.data(), o.into_i_from_i.data(), e);
    normalize(cur);
  }
}

// backward()'s I-X after B-X or I-X, into row cur (restrict, as merge_row()).
inline void into_inside(std::int32_t* __restrict cur, const std::int32_t* __restrict b_to_i,
                        const std::int32_t* __restrict i_to_i, const std::int32_t* __restrict v) {
  for (int c = 0; c < kEntityClassCount; ++c) {
    cur[2 * c + 1] = std::max(cur[2 * c + 1], b_to_i[c] + v[2 * c + 2]);
    cur[2 * c + 2] = std::max(cur[2 * c + 2], i_to_i[c] + v[2 * c + 2]);
  }
}

// Backward pass: beta[i * L + y] = best score of the labels after token i given y at i
// (transitions, emissions after i and the end score; emission at i excluded), renormalized
// like alpha.
// Rows below `stop` are not computed (their values are unspecified).
BELGI_SIMD_CLONES void backward(const Lattice& lat, const Outer& o, std::vector<std::int32_t>& beta, std::size_t stop) {
  const std::size_t n = lat.n;
  if (beta.size() < n * L) beta.resize(n * L);  // grown only, as alpha
  std::int32_t* last = &beta[(n - 1) * L];
  for (int y = 0; y < L; ++y) last[y] = lat.end[y];
  // Only O and B- labels can follow any label; an I- label follows only its own B- or I-. The
  // max over followers runs over the outer labels, and skips a follower more than the spread of
  // the transitions below the best one: it can never give the maximum.
  std::int32_t v[L], vout[kOuter];
  for (std::size_t i = n - 1; i-- > stop;) {
    const std::int32_t* next = &beta[(i + 1) * L];
    const std::int32_t* e = &lat.emit[(i + 1) * L];
    for (int z = 0; z < L; ++z) v[z] = e[z] + next[z];
    for (int k = 0; k < kOuter; ++k) vout[k] = v[Outer::label(k)];
    std::int32_t* cur = &beta[i * L];
    std::int32_t vmax = row_max<kOuter>(vout);
    const std::int32_t cut = static_cast<std::int32_t>(
        std::max<std::int64_t>(std::int64_t{vmax} - o.spread, std::numeric_limits<std::int32_t>::min()));
    // From the first follower at or above the cut (there is one: the best).
    std::uint64_t m = labels_at_least<kOuter>(vout, cut);
    const int first = __builtin_ctzll(m);
    for (int y = 0; y < L; ++y) cur[y] = vout[first] + o.by_next[first * L + y];
    for (m &= m - 1; m; m &= m - 1) {
      const int k = __builtin_ctzll(m);
      const std::int32_t s = vout[k], *t = &o.by_next[k * L];
      for (int y = 0; y < L; ++y) cur[y] = std::max(cur[y], s + t[y]);
    }
    into_inside(cur, o.b_to_i.data(), o.i_to_i.data(), v);
    normalize(cur);
  }
}

// The best path's score at a token minus the best other label's (alpha + beta), 0 if no other
// label is reachable. alpha and beta are normalized to [kFloor, 0], so the sums fit int32.
// The chosen label is left out by flooring it in a copy of a, and both rows are read whatever
// the tests say (no short-circuit): one branch-free loop the compiler vectorizes (as it was,
// scalar, ~700 instructions a call).
BELGI_SIMD_CLONES std::int64_t margin(const std::int32_t* a, const std::int32_t* b, int chosen_label) {
  constexpr std::int32_t kNone = std::numeric_limits<std::int32_t>::min();
  std::int32_t own[L];
  std::memcpy(own, a, sizeof own);
  own[chosen_label] = kFloor;
  std::int32_t other = kNone;
  for (int z = 0; z < L; ++z) {
    const std::int32_t x = own[z], w = b[z];
    // All ones where both are above the floor; the sum wraps (unsigned) where it is not used.
    const std::uint32_t ok = 0u - static_cast<std::uint32_t>((x > kFloor) & (w > kFloor));
    const std::uint32_t sum = static_cast<std::uint32_t>(x) + static_cast<std::uint32_t>(w);
    const std::int32_t s = static_cast<std::int32_t>((sum & ok) | (static_cast<std::uint32_t>(kNone) & ~ok));
    other = std::max(other, s);
  }
  if (other == kNone) return 0;
  std::int64_t chosen = std::int64_t{a[chosen_label]} + b[chosen_label];
  return std::max<std::int64_t>(0, chosen - other);
}

// The best last label, the lowest on a tie: the sums and their maximum in loops the compiler
// vectorizes, then the first label that reaches it (one compare-and-branch per label was ~400
// instructions a sentence). A clone of its own: in viterbi(), built for the baseline only, the
// maximum was ~200 SSE2 instructions a sentence (no pmaxsd).
BELGI_SIMD_CLONES int best_last(const std::int32_t* a, const std::int32_t* end) {
  std::int32_t last[L];
  for (int z = 0; z < L; ++z) last[z] = a[z] + end[z];
  const std::int32_t best = row_max(last);
  int y = 0;
  while (last[y] != best) ++y;
  return y;
}

}  // namespace

void OuterTransitions::build(const std::int32_t* trans) {
  by_next.assign(kOuter * L, 0);
  std::int32_t lo = 0, hi = 0;
  for (int p = 0; p < L; ++p)
    for (int k = 0; k < kOuter; ++k) {
      std::int32_t t = trans[p * L + label(k)];
      by_next[k * L + p] = t;
      if ((p == 0 && k == 0) || t < lo) lo = t;
      if ((p == 0 && k == 0) || t > hi) hi = t;
    }
  spread = std::int64_t{hi} - lo;
  b_to_i.resize(kEntityClassCount);
  i_to_i.resize(kEntityClassCount);
  into_outer.assign(L * kRow, kBlocked);
  into_i_from_b.assign(kRow, kBlocked);
  into_i_from_i.assign(kRow, kBlocked);
  for (int p = 0; p < L; ++p)
    for (int k = 0; k < kOuter; ++k) into_outer[p * kRow + label(k)] = trans[p * L + label(k)];
  for (int c = 0; c < kEntityClassCount; ++c) {
    b_to_i[c] = into_i_from_b[2 * c + 2] = trans[(2 * c + 1) * L + 2 * c + 2];
    i_to_i[c] = into_i_from_i[2 * c + 2] = trans[(2 * c + 2) * L + 2 * c + 2];
  }
}

void viterbi(const Lattice& lat, std::vector<int>& path, std::vector<std::int64_t>* margins) {
  // Every element of path is set by the backtrace below (assign() wrote each one twice).
  path.resize(lat.n);
  if (margins) margins->assign(lat.n, 0);
  if (lat.n == 0) return;
  const std::size_t n = lat.n;
  thread_local std::vector<std::int32_t> alpha;
  thread_local OuterTransitions per_call;
  const OuterTransitions* outer = lat.outer;
  if (!outer) {
    per_call.build(lat.trans);
    outer = &per_call;
  }
  thread_local Active active;
  forward(lat, *outer, alpha, active);
  // The best last label, the lowest on a tie.
  int y = best_last(&alpha[(n - 1) * L], lat.end);
  for (std::size_t i = n; i-- > 0;) {
    path[i] = y;
    if (i > 0) y = best_prev(lat, active, alpha, i, y);
  }
  // Margins are only computed for entity tokens (the backward pass runs from the end down to
  // the first one): a sentence without entities needs none.
  if (!margins) return;
  std::size_t first = 0;
  while (first < n && path[first] == 0) ++first;
  if (first == n) return;
  // Max-marginals: alpha + beta is, up to a per-token constant, the best score of a path with
  // label y at token i; the margin is the best path's value minus the best other label's.
  thread_local std::vector<std::int32_t> beta;
  backward(lat, *outer, beta, first);
  for (std::size_t i = first; i < n; ++i)
    if (path[i] != 0) (*margins)[i] = margin(&alpha[i * L], &beta[i * L], path[i]);
}

}  // namespace belgi::entities
