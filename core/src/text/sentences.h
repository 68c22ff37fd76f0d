// Sentence splitting over tokens. A sentence ends at `.`, `!`, `?`, `…` (with any closing quote
// or bracket after it) unless the full stop belongs to an abbreviation or an initial
// (`ҚР`, `т.б.`, `2023 ж.`, `А. Жұмағали`, `проф.`), and at every line break, except a line
// break inside a sentence (the next line starts with a lower-case letter and the line before
// does not end with a terminator: hard-wrapped text). Numbers like 05.12.2023 are single tokens
// and never split.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

#include "text/tokenizer.h"

namespace belgi::text {

struct Sentence {
  std::size_t first = 0, last = 0;  // token indices [first, last)
  std::size_t begin = 0, end = 0;   // UTF-8 bytes: first token's begin, last token's end
};

std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Token>& tokens);

// True for an abbreviation written before a full stop (`т`, `б`, `ж`, `млн`, `проф`), compared in
// lower case. Exposed for the recognizers and tests.
bool is_abbreviation(std::string_view lower_token);

}  // namespace belgi::text
