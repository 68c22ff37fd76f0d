// text/json_run.h: the runs of bytes a JSON string holds as they are, skipped by whole 64-byte
// blocks and 8-byte words by the JSON writer and the JSONL record reader.
#include <doctest/doctest.h>

#include <string>

#include "text/json_run.h"

using belgi::text::skip_plain_json;
using belgi::text::skip_plain_words;

// Each special byte at each position of a 200-byte string: both skips stop within the 8 bytes
// before it (never past it), and run to where fewer than 8 bytes remain when there is none.
TEST_CASE("json runs: the skips stop within 8 bytes before the first special byte") {
  std::string specials = "\"\\";
  for (int c = 0; c < 0x20; ++c) specials += static_cast<char>(c);
  const std::string plain = "Қазақстан abc/'{}";  // letters, ASCII and bytes >= 0x80
  std::string base;
  while (base.size() < 200) base += plain;
  base.resize(200);
  CHECK(skip_plain_json(base, 0) == 200 - 200 % 8);
  CHECK(skip_plain_words(base, 3) == 3 + (200 - 3) / 8 * 8);
  for (char c : specials)
    for (std::size_t at = 0; at < base.size(); ++at) {
      std::string s = base;
      s[at] = c;
      for (std::size_t from : {std::size_t{0}, std::size_t{5}}) {
        if (from > at) continue;
        CAPTURE(at);
        const std::size_t a = skip_plain_json(s, from), b = skip_plain_words(s, from);
        CHECK(a <= at);
        CHECK(at < a + 8);
        CHECK(b <= at);
        CHECK(at < b + 8);
      }
    }
}
