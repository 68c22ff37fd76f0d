// The feature templates' ids and the hash combinations the feature functions share
// (features.cpp: a sentence's context; word_features.cpp: a word's own and as a neighbour).
#pragma once
#include <cstdint>
#include <vector>

#include "entities/features.h"

namespace belgi::entities {

// Feature template ids (first byte hashed). Changing any of them changes kFeatureSetId.
enum Template : std::uint8_t {
  kBias = 1, kForm, kLower, kPrefix, kSuffix, kShape, kShortShape, kKind, kCase, kStem,
  kHyphenHead, kHyphenTail, kWordPrev, kWordNext, kWordPrev2, kWordNext2, kStemPrev, kStemNext,
  kSuffixPrev, kSuffixNext, kShapePrev, kShapeNext, kBigramPrev, kBigramNext, kPosition,
  kQuote, kLex, kLexPrev, kLexNext, kLexSpanB, kLexSpanI, kEnding, kCaseFirst, kStemBigram,
  kKindPrevNext, kStemLexPrev, kSuffixCase, kLength, kLexEnding, kClass, kClassPrev, kClassNext,
  kClassBigram, kClassStem, kGazUnit, kGazBegin, kGazInside, kGazLast,
  // fs9
  kEndingInfl, kEndingPrev, kEndingNext, kHeadAhead, kHeadSelf, kLowish, kLowishPrev,
  // fs10
  kInflPrev,
  // fs12
  kBand, kBandStem, kBandPrev, kBandNext, kBandInit,
  // fs13
  kCharTri, kCapTri, kTitleAhead,
};

// Combines a template id with precomputed 64-bit hashes (splitmix64 finalizer).
inline std::uint64_t mix(std::uint8_t tmpl, std::uint64_t a, std::uint64_t b = 0) {
  std::uint64_t x = (a * 0x9E3779B97F4A7C15ull) ^ (b + 0x632BE59BD9B4E019ull + (std::uint64_t{tmpl} << 56));
  x ^= x >> 31;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 29;
  x *= 0x94D049BB133111EBull;
  return x ^ (x >> 32);
}

inline const std::uint64_t kBosHash = fnv1a64("<s>"), kEosHash = fnv1a64("</s>");

inline void put(std::vector<std::uint32_t>& out, std::uint64_t h) { out.push_back(fold32(h)); }

}  // namespace belgi::entities
