// json.cpp writes belgi/1 documents directly; the layout must be exactly what nlohmann::json
// would print for the same document (one line, or indented), escapes included.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <vector>

#include "belgi/json.h"
#include "support.h"
#include "text/utf8.h"

using namespace belgi;

namespace {

void check_layout(const std::string& text, int indent, OffsetUnit unit) {
  JsonOptions o;
  o.indent = indent;
  o.offsets = unit;
  o.id = "doc \"1\"\t/ü";
  std::string out = to_json(text, test::annotator().annotate(text), o);
  auto parsed = nlohmann::ordered_json::parse(out);
  CHECK(parsed.dump(indent, ' ', false) == out);
  CHECK(parsed["text"].get<std::string>() == text);
}

}  // namespace

TEST_CASE("to_json prints what nlohmann would, compact and indented") {
  const std::string texts[] = {
      "",
      "сәлем",
      "АСТАНА. KAZINFORM — 2023 жылғы 5 желтоқсанда Қасым-Жомарт Тоқаев «Қазақстан темір жолы» "
      "ҰК АҚ басшысымен кездесті. «Жұмыс жалғасады», — деді ол.",
      std::string("control \x01\x1f\x7f \" \\ \b\f\n\r\t end"),
      "emoji 😀👍🏽 and e\xcc\x81 combining, Ә ғ қ ң ө ұ ү һ і",
  };
  for (const std::string& t : texts)
    for (int indent : {-1, 0, 1, 2, 4})
      for (OffsetUnit u : {OffsetUnit::codepoint, OffsetUnit::utf16, OffsetUnit::byte}) check_layout(t, indent, u);
}

TEST_CASE("to_json escapes a special byte at every position of an 8-byte and a 64-byte block") {
  // json.cpp checks a long string 64 bytes at a time, then skips 8 bytes at a time while none
  // needs escaping; try each escaped byte at each offset near the start and near the ends of
  // the first two 64-byte blocks, between ASCII and between two-byte letters.
  std::string specials = "\"\\";
  for (int c = 0; c < 0x20; ++c) specials += static_cast<char>(c);
  std::vector<std::size_t> offsets;
  for (std::size_t at = 0; at <= 17; ++at) offsets.push_back(at);
  for (std::size_t at = 55; at <= 73; ++at) offsets.push_back(at), offsets.push_back(at + 64);
  for (const std::string filler : {std::string("abcdefgh"), std::string("әғқңөұүі")})
    for (char c : specials)
      for (std::size_t at : offsets) {
        std::string t;
        while (t.size() < at) t += filler;
        t.resize(at);
        if (!utf8::valid(t)) continue;  // cut inside a letter
        std::string tail = filler;
        while (tail.size() < 150) tail += filler;
        check_layout(t + c + tail, -1, OffsetUnit::byte);
      }
}

TEST_CASE("to_json writes every score k / 1000 as nlohmann writes the double") {
  // json.cpp writes a thousandth's digits itself; nlohmann's form of k / 1000.0 is the contract.
  for (int k = 0; k <= 1000; ++k) {
    Result r;
    Span s;
    s.range = {0, 1};
    s.score = static_cast<float>(k / 1000.0);
    s.source = "model";
    r.spans.push_back(s);
    const std::string out = to_json("a", r, JsonOptions());
    const std::string want = "\"score\":" + nlohmann::json(k / 1000.0).dump() + ",";
    CHECK_MESSAGE(out.find(want) != std::string::npos, "k = " << k << ": " << out);
  }
}
