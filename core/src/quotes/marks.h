// Pairing quotation marks: «…», „…“, “…”, "…" with nesting, over tokens, in linear time.
#pragma once
#include <cstddef>
#include <vector>

#include "quotes/doc.h"
#include "quotes/tables.h"

namespace belgi::quotes {

// A top-level pair: tokens `open` and `close` are the marks; the content is (open, close).
// A pair may run over several paragraphs when each continued paragraph opens with the same
// mark (`«Бірінші абзац.\n«Екінші абзац», – деді ол.`): `paragraphs` counts them.
// An excerpt cut off inside a quote leaves its mark open to the end of the text: `open_end`,
// with `close` the last token, which is then part of the content (open, close].
struct Pair {
  std::size_t open = 0, close = 0;
  std::size_t paragraphs = 1;
  bool open_end = false;
};

// Nesting deeper than this is not tracked (inner marks are then ignored), and an open mark
// further than kMaxPairBytes from its closer is dropped: hostile input stays linear.
constexpr std::size_t kMaxDepth = 32;
constexpr std::size_t kMaxPairBytes = 20000;
constexpr std::size_t kMaxQuoteParagraphs = 3;  // a quote opening its paragraph, unclosed there

// Top-level pairs in text order; unclosed marks are dropped at the end of their paragraph
// (unless the next paragraph continues the quote), except a top-level mark still open at the
// end of the text (an open_end pair).
std::vector<Pair> find_pairs(const Doc& doc, const Tables& tables);

}  // namespace belgi::quotes
