// Tokenizer: KazNERD-compatible tokens over UTF-8 text, as byte ranges into it.
// Punctuation is its own token (`«`, `»`, `,`), a hyphenated word is one token (`Нұр-Сұлтан`,
// `БҰҰ-ның`, `2020-сыншы`, `%-ке`), and so are numbers with inner separators (`05.12.2023`,
// `17:20`, `2,5`), URLs, e-mail addresses, domains (`qazaquni.kz`), hashtags and emoji sequences.
// Whitespace (including NBSP), control and zero-width-space characters separate tokens and are
// never part of one; combining marks and soft hyphens stay inside the token they follow.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace belgi::text {

enum class TokenKind : std::uint8_t {
  word,    // letters (any script), possibly with digits, hyphens, apostrophes
  number,  // starts with a digit: `2023`, `05.12.2023`, `5-і`, `2020-сыншы`
  punct,   // one punctuation mark or a run of the same one (`...`)
  symbol,  // other symbols: `%`, `№`, `$`, `•`
  emoji,   // an emoji sequence (with modifiers, ZWJ joins, flags)
  url,     // URL, e-mail address, @handle or #hashtag
};

struct Token {
  std::size_t begin = 0, end = 0;  // UTF-8 bytes [begin, end) into the text
  TokenKind kind = TokenKind::word;
  std::string_view text(std::string_view doc) const { return doc.substr(begin, end - begin); }
  // The same in the text it was tokenized from (the range lies inside it): no substr's range
  // check and clamp, for the loops that ask it of every token.
  std::string_view in(std::string_view doc) const { return std::string_view(doc.data() + begin, end - begin); }
};

// Tokenizes valid UTF-8 text (validate first: see utf8::valid). Linear time.
std::vector<Token> tokenize(std::string_view text);

}  // namespace belgi::text
