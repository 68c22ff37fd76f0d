// UTF-8 validation (with the offset of the first bad byte) and offset conversion.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "belgi/offsets.h"
#include "text/utf8.h"

using belgi::OffsetMap;
using belgi::OffsetUnit;

TEST_CASE("utf8: valid text") {
  CHECK(belgi::utf8::valid(""));
  CHECK(belgi::utf8::valid("Астана 😀 е\u0301"));
  CHECK(belgi::utf8::valid(std::string("a\0b", 3)));  // NUL is valid UTF-8
}

TEST_CASE("utf8: invalid sequences report the first bad byte") {
  struct Case {
    std::string text;
    std::size_t bad;
  };
  const Case cases[] = {
      {"ab\xff", 2},                       // never valid byte
      {"Ә\x80", 2},                        // stray continuation
      {"\xd3", 0},                         // truncated 2-byte sequence at the end
      {"ок\xe2\x82", 4},                   // truncated 3-byte sequence
      {"\xc0\xaf", 0},                     // overlong '/'
      {"x\xed\xa0\x80", 1},                // UTF-16 surrogate D800
      {"\xf4\x90\x80\x80", 0},             // above U+10FFFF
      {"Астана\xf0\x9f\x98", 12},          // truncated emoji after 6 Cyrillic letters
  };
  for (const Case& c : cases) {
    std::size_t bad = 999;
    CAPTURE(c.text);
    CHECK_FALSE(belgi::utf8::valid(c.text, &bad));
    CHECK(bad == c.bad);
  }
}

// valid() reads ASCII and two-byte sequences 8 bytes at a time: on random mixes of well-formed
// pieces of every length and ill-formed bytes, at every alignment, it must agree with ICU's
// decoder run over the whole string (the first ill-formed sequence and its offset).
TEST_CASE("utf8: validation agrees with ICU's decoder on random mixes") {
  const char* const pieces[] = {"a", " ", "Қ", "ы", "Ә", "—", "😀", "\xc0\xaf", "\xc1", "\x80",
                                "\xbf", "\xd3", "\xe2\x82", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff"};
  auto reference = [](const std::string& s, std::size_t& bad) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    std::size_t i = 0, n = s.size();
    while (i < n) {
      std::size_t start = i;
      UChar32 c;
      U8_NEXT(p, i, n, c);
      if (c < 0) return bad = start, false;
    }
    return true;
  };
  std::uint32_t seed = 12345;
  auto rnd = [&seed](std::uint32_t m) { return ((seed = seed * 1103515245u + 12345u) >> 16 & 0x7FFF) % m; };
  for (int round = 0; round < 4000; ++round) {
    std::string s;
    const int len = static_cast<int>(rnd(120));  // up to ~300 bytes: many 8-byte words
    const bool clean = round % 2 == 0;  // half without ill-formed pieces
    for (int k = 0; k < len; ++k) s += pieces[rnd(clean || rnd(8) ? 7 : 16)];
    std::size_t bad = 999, want_bad = 999;
    const bool want = reference(s, want_bad);
    CAPTURE(s);
    REQUIRE(belgi::utf8::valid(s, &bad) == want);
    if (!want) REQUIRE(bad == want_bad);
  }
}

TEST_CASE("utf8: lower-casing Kazakh and Latin") {
  CHECK(belgi::utf8::lower("ҚАЗАҚСТАН Әміре ҰЛЫТАУ Іле Өскемен") == "қазақстан әміре ұлытау іле өскемен");
  CHECK(belgi::utf8::lower("QAZAQSTAN Ńǵ") == "qazaqstan ńǵ");
}

// lower_into reads ASCII and two-byte letters through its own table: every code point of that
// range, and a few above it, must lower-case as ICU's u_tolower does, also where the mapping
// changes the length (U+0130 -> i, U+023A -> U+2C65) at the end of a word.
TEST_CASE("utf8: lower-casing agrees with ICU, code point by code point") {
  auto icu = [](char32_t c) {
    std::string s;
    belgi::utf8::append(s, static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
    return s;
  };
  for (char32_t c = 1; c < 0x3000; ++c) {
    if (c >= 0xD800 && c < 0xE000) continue;
    std::string in;
    belgi::utf8::append(in, c);
    CAPTURE(static_cast<unsigned>(c));
    REQUIRE(belgi::utf8::lower(in) == icu(c));
    REQUIRE(belgi::utf8::lower("Қ" + in) == "қ" + icu(c));
  }
  CHECK(belgi::utf8::lower("\u0130\u023A\u0130") == "i\u2C65i");
  std::string buf(2 * 6, '#');  // the room lower_into asks for: twice the input
  char* end = belgi::utf8::lower_into(buf.data(), "\u023A\u023A\u023A");
  CHECK(std::string(buf.data(), end) == "\u2C65\u2C65\u2C65");
}

TEST_CASE("offsets: bytes, code points and UTF-16 on Kazakh, emoji and combining marks") {
  // a(1 byte) Ә(2) 😀(4, 2 UTF-16 units) е+◌́(2+2) NBSP(2) x(1)
  std::string text = "aӘ😀е\u0301\u00a0x";
  OffsetMap m(text);
  const std::size_t bytes[] = {0, 1, 3, 7, 9, 11, 13, 14};
  const std::size_t cps[] = {0, 1, 2, 3, 4, 5, 6, 7};
  const std::size_t u16[] = {0, 1, 2, 4, 5, 6, 7, 8};
  for (int i = 0; i < 8; ++i) {
    CAPTURE(i);
    CHECK(m.to(OffsetUnit::byte, bytes[i]) == bytes[i]);
    CHECK(m.to(OffsetUnit::codepoint, bytes[i]) == cps[i]);
    CHECK(m.to(OffsetUnit::utf16, bytes[i]) == u16[i]);
    CHECK(m.from(OffsetUnit::codepoint, cps[i]) == bytes[i]);
    CHECK(m.from(OffsetUnit::utf16, u16[i]) == bytes[i]);
  }
  CHECK(m.from(OffsetUnit::utf16, 3) == 3);  // inside the surrogate pair: its start
  CHECK(m.from(OffsetUnit::codepoint, 100) == text.size());
}

// Also every byte inside a sequence (mapped to the sequence's start), with sequences of all four
// lengths straddling the checkpoints and the 8-byte words to() counts in.
TEST_CASE("offsets: long text crosses many checkpoints") {
  std::string text;
  for (int i = 0; i < 500; ++i) text += i % 7 == 0 ? "😀" : i % 5 == 0 ? "—" : i % 3 == 0 ? "x" : "Қ";
  OffsetMap m(text);
  std::size_t cp = 0, u16 = 0;
  for (std::size_t pos = 0; pos <= text.size();) {
    CHECK(m.to(OffsetUnit::codepoint, pos) == cp);
    CHECK(m.to(OffsetUnit::utf16, pos) == u16);
    CHECK(m.from(OffsetUnit::codepoint, cp) == pos);
    CHECK(m.from(OffsetUnit::utf16, u16) == pos);
    if (pos == text.size()) break;
    std::size_t len = belgi::utf8::seq_len(static_cast<unsigned char>(text[pos]));
    for (std::size_t before = pos > 70 ? pos - 70 : 0; before <= pos; ++before) {
      CHECK(m.to_after(OffsetUnit::codepoint, pos, before, m.to(OffsetUnit::codepoint, before)) == cp);
      CHECK(m.to_after(OffsetUnit::utf16, pos, before, m.to(OffsetUnit::utf16, before)) == u16);
    }
    for (std::size_t inside = pos + 1; inside < pos + len; ++inside) {
      CHECK(m.to(OffsetUnit::codepoint, inside) == cp);
      CHECK(m.to(OffsetUnit::utf16, inside) == u16);
      CHECK(m.to_after(OffsetUnit::utf16, inside, pos, u16) == u16);
    }
    pos += len;
    cp += 1;
    u16 += len == 4 ? 2 : 1;
  }
}

TEST_CASE("offsets: empty text") {
  OffsetMap m("");
  CHECK(m.to(OffsetUnit::codepoint, 0) == 0);
  CHECK(m.to(OffsetUnit::utf16, 0) == 0);
  CHECK(m.from(OffsetUnit::utf16, 0) == 0);
}
