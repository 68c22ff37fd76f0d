// Pairing quotation marks: «…», „…“, “…”, "…" with nesting, over tokens, in linear time.
#pragma once
#include <cstddef>
#include <string_view>
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

// What a token is as a quotation mark, by the pairs of marks.tsv (the one definition of the
// marks): an opener (`«`, `„`, and `“`, which opens `“…”` though it also closes `„…“`), a
// closer that opens nothing (`»`, `”`), a straight mark that does both (`"`), or none.
enum class MarkRole { none, opener, closer, straight };
MarkRole mark_role(const std::vector<MarkPair>& marks, std::string_view token);
// The same over the embedded data/rules/quotes/marks.tsv, parsed once (for the entity features;
// a malformed table is reported by quotes::add_recognizers, which parses the same file).
MarkRole mark_role(std::string_view token);
// A mark that opens one pair and closes another (`“`): it opens only where an opener stands.
bool ambiguous_mark(const std::vector<MarkPair>& marks, std::string_view token);

// Top-level pairs in text order; unclosed marks are dropped at the end of their paragraph
// (unless the next paragraph continues the quote), except a top-level mark still open at the
// end of the text (an open_end pair).
std::vector<Pair> find_pairs(const Doc& doc, const Tables& tables);

}  // namespace belgi::quotes
