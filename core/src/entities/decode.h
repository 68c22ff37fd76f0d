// Viterbi decoding over IOB2 labels with only valid transitions (I-X after B-X or I-X).
// Integer scores: the same input gives the same path on every platform.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "entities/features.h"

// Integer loops the compiler vectorizes (Viterbi's max-plus passes, the emissions' weight rows)
// are, on x86-64, also built for AVX2 and picked at load time (integer arithmetic: the same
// results either way; WebAssembly builds the one portable version).
// Not under ThreadSanitizer: its instrumented ifunc resolver runs before its runtime and crashes.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(__SANITIZE_THREAD__)
#define BELGI_SIMD_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define BELGI_SIMD_CLONES
#endif

namespace belgi::entities {

// The transitions into the labels that may follow any label (O and the B- labels: the "outer"
// labels 0, 1, 3, 5, ...), packed for the two passes, with their spread (max - min), which bounds
// what a predecessor or follower can add and so lets both passes skip rows exactly.
struct OuterTransitions {
  static constexpr int kOuter = 1 + kEntityClassCount;
  std::vector<std::int32_t> by_next;     // [k * kLabelCount + y] = trans[y][outer k]
  // Into the I- label of class c (label 2c + 2): from its B- (2c + 1) and from itself.
  std::vector<std::int32_t> b_to_i, i_to_i;  // [c], c < kEntityClassCount
  // The same for the forward pass, in label order, so that it runs over the row in one
  // vectorized loop: into_outer[p * kRow + y] = trans[p][y] for an outer y; into_i_from_b[y] =
  // trans[y - 1][y] and into_i_from_i[y] = trans[y][y] for an I- label y. kBlocked elsewhere
  // (and in the padding): a move that never wins, as long as the transitions stay within
  // +-2^28 (a model's are int16).
  static constexpr int kRow = (kLabelCount + 7) / 8 * 8;
  static constexpr std::int32_t kBlocked = -(1 << 30);
  std::vector<std::int32_t> into_outer, into_i_from_b, into_i_from_i;
  std::int64_t spread = 0;
  static int label(int k) { return k ? 2 * k - 1 : 0; }
  // From trans[(from) * L + to] (the first L rows; the start row is not used here).
  void build(const std::int32_t* trans);
};

// Scores of one sentence: emit[i * L + y]; trans[(from) * L + to] with from = L for the sentence
// start; end[y] for the last label. L = kLabelCount.
struct Lattice {
  const std::int32_t* emit = nullptr;
  const std::int32_t* trans = nullptr;
  const std::int32_t* end = nullptr;
  std::size_t n = 0;
  // Optional: trans packed once per model (computed per call when null, e.g. while training).
  const OuterTransitions* outer = nullptr;
};

// Best label sequence (written to path, size n). Ties go to the lower label index.
// If margins is not null, also stores for each token the score gap between the best path and the
// best path with another label at that token (max-marginals; 0 if no alternative), on the
// path's entity tokens (B- and I- labels); 0 on the others.
void viterbi(const Lattice& lat, std::vector<int>& path, std::vector<std::int64_t>* margins = nullptr);

}  // namespace belgi::entities
