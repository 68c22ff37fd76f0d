// decode.cpp's Viterbi (packed, pruned, vectorized) against a plain one written from the
// definitions: the same path (ties to the lower label) and the same margins, on random lattices
// whose small weights make many ties and on ones with larger weights.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "entities/decode.h"

using namespace belgi::entities;

namespace {

constexpr int L = kLabelCount;
constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::min() / 4;

struct Plain {
  std::vector<int> path;
  std::vector<std::int64_t> margins;
};

// O(n L^2) over the valid transitions, int64, no pruning and no renormalization.
Plain plain_viterbi(const std::vector<std::int32_t>& emit, const std::vector<std::int32_t>& trans,
                    const std::vector<std::int32_t>& end, std::size_t n) {
  std::vector<std::int64_t> alpha(n * L, kNone), beta(n * L, kNone);
  for (int y = 0; y < L; ++y)
    if (valid_transition(-1, y)) alpha[y] = std::int64_t{trans[L * L + y]} + emit[y];
  for (std::size_t i = 1; i < n; ++i)
    for (int y = 0; y < L; ++y)
      for (int p = 0; p < L; ++p)
        if (valid_transition(p, y) && alpha[(i - 1) * L + p] > kNone)
          alpha[i * L + y] = std::max(alpha[i * L + y], alpha[(i - 1) * L + p] + trans[p * L + y] + emit[i * L + y]);
  for (int y = 0; y < L; ++y) beta[(n - 1) * L + y] = end[y];
  for (std::size_t i = n - 1; i-- > 0;)
    for (int y = 0; y < L; ++y)
      for (int z = 0; z < L; ++z)
        if (valid_transition(y, z))
          beta[i * L + y] = std::max(beta[i * L + y], trans[y * L + z] + emit[(i + 1) * L + z] + beta[(i + 1) * L + z]);
  Plain out;
  out.path.assign(n, 0);
  out.margins.assign(n, 0);
  int y = 0;
  for (int z = 1; z < L; ++z)
    if (alpha[(n - 1) * L + z] + end[z] > alpha[(n - 1) * L + y] + end[y]) y = z;
  for (std::size_t i = n; i-- > 0;) {
    out.path[i] = y;
    if (i == 0) break;
    int best = -1;
    for (int p = 0; p < L; ++p) {
      if (!valid_transition(p, y) || alpha[(i - 1) * L + p] == kNone) continue;
      if (best < 0 || alpha[(i - 1) * L + p] + trans[p * L + y] > alpha[(i - 1) * L + best] + trans[best * L + y])
        best = p;
    }
    y = best;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const int c = out.path[i];
    if (c == 0) continue;
    std::int64_t other = kNone;
    for (int z = 0; z < L; ++z)
      if (z != c && alpha[i * L + z] > kNone) other = std::max(other, alpha[i * L + z] + beta[i * L + z]);
    if (other > kNone) out.margins[i] = std::max<std::int64_t>(0, alpha[i * L + c] + beta[i * L + c] - other);
  }
  return out;
}

void check_random(std::uint32_t seed, int weight, std::size_t max_n, int rounds) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> w(-weight, weight);
  std::vector<std::int32_t> trans((L + 1) * L), end(L);
  for (auto& t : trans) t = w(rng);
  for (auto& e : end) e = w(rng);
  OuterTransitions outer;
  outer.build(trans.data());
  for (int r = 0; r < rounds; ++r) {
    std::size_t n = 1 + rng() % max_n;
    std::vector<std::int32_t> emit(n * L);
    for (auto& e : emit) e = w(rng);
    // Some rows strongly prefer one label, as the model's do, so that paths hold entities.
    for (std::size_t i = 0; i < n; ++i)
      if (rng() % 2) emit[i * L + rng() % L] += 4 * weight;
    Plain want = plain_viterbi(emit, trans, end, n);
    std::vector<int> path;
    std::vector<std::int64_t> margins;
    viterbi(Lattice{emit.data(), trans.data(), end.data(), n, &outer}, path, &margins);
    REQUIRE(path == want.path);
    REQUIRE(margins == want.margins);
    viterbi(Lattice{emit.data(), trans.data(), end.data(), n}, path);  // outer built per call
    REQUIRE(path == want.path);
  }
}

}  // namespace

TEST_CASE("viterbi: the path and margins of the plain definition, with many ties") {
  for (std::uint32_t seed = 1; seed <= 20; ++seed) check_random(seed, 3, 12, 50);
}

TEST_CASE("viterbi: the path and margins of the plain definition, larger weights") {
  for (std::uint32_t seed = 100; seed < 110; ++seed) check_random(seed, 20000, 40, 30);
}

TEST_CASE("viterbi: the path and margins of the plain definition, weights far beyond a model's") {
  // A model's transitions are int16; the forward pass blocks the moves a label cannot make with
  // kBlocked (-2^30), which must stay below every real move: weights of +-2^20 (gaps up to
  // ~2^27 over 40 tokens, still above the floor, -2^29) leave the paths and margins exact.
  for (std::uint32_t seed = 200; seed < 206; ++seed) check_random(seed, 1 << 20, 40, 30);
}
