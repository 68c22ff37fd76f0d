// Viterbi decoding over IOB2 labels with only valid transitions (I-X after B-X or I-X).
// Integer scores: the same input gives the same path on every platform.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace belgi::entities {

// Scores of one sentence: emit[i * L + y]; trans[(from) * L + to] with from = L for the sentence
// start; end[y] for the last label. L = kLabelCount.
struct Lattice {
  const std::int32_t* emit = nullptr;
  const std::int32_t* trans = nullptr;
  const std::int32_t* end = nullptr;
  std::size_t n = 0;
  // Optional: the transpose of the first L rows of trans (trans_t[to * L + from]); computed per
  // call when null.
  const std::int32_t* trans_t = nullptr;
};

// Best label sequence (written to path, size n). Ties go to the lower label index.
// If margins is not null, also stores for each token the score gap between the best path and the
// best path with another label at that token (max-marginals; 0 if no alternative), from the
// path's first entity token on; 0 before it (and everywhere when the path has no entity).
void viterbi(const Lattice& lat, std::vector<int>& path, std::vector<std::int64_t>* margins = nullptr);

}  // namespace belgi::entities
