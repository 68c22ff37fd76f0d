// resolve(), the one place where overlapping entity-layer candidates are settled, against the
// rule written out plainly from its definition (resolve.h): the candidates ordered by priority,
// then length, then begin, then type, equals in their given order (a stable sort); each taken
// unless it overlaps one taken before; the taken ones by begin. Many random candidates with
// many ties, so that a change of the order or of the overlap test shows.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "pipeline/resolve.h"

using namespace belgi;

namespace {

std::vector<Span> reference(std::vector<Candidate> cands) {
  std::stable_sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    if (a.priority != b.priority) return a.priority > b.priority;
    std::size_t la = a.span.range.end - a.span.range.begin, lb = b.span.range.end - b.span.range.begin;
    if (la != lb) return la > lb;
    if (a.span.range.begin != b.span.range.begin) return a.span.range.begin < b.span.range.begin;
    return a.span.type < b.span.type;
  });
  std::vector<Span> out;
  for (const Candidate& c : cands) {
    const ByteRange& r = c.span.range;
    if (r.empty()) continue;
    bool overlaps = false;
    for (const Span& s : out) overlaps = overlaps || (s.range.begin < r.end && r.begin < s.range.end);
    if (!overlaps) out.push_back(c.span);
  }
  std::sort(out.begin(), out.end(), [](const Span& a, const Span& b) { return a.range.begin < b.range.begin; });
  return out;
}

std::string show(const std::vector<Span>& spans) {
  std::string s;
  for (const Span& x : spans)
    s += std::to_string(x.range.begin) + "-" + std::to_string(x.range.end) + ":" + type_name(x.type) + ":" +
         x.source + " ";
  return s;
}

}  // namespace

namespace {

// Random candidates in a text of up to `text_max` bytes, each up to `len_max` - 1 bytes long,
// resolved both ways.
void check_random(std::uint32_t seed, std::size_t text_max, std::size_t len_max) {
  std::mt19937 rng(seed);
  const SpanType types[] = {SpanType::DATE, SpanType::TIME, SpanType::PERSON, SpanType::ORGANISATION};
  for (int round = 0; round < 300; ++round) {
    std::vector<Candidate> cands;
    const int n = static_cast<int>(rng() % 40);
    const std::size_t text = 1 + rng() % text_max;
    for (int k = 0; k < n; ++k) {
      Candidate c;
      c.span.range.begin = rng() % text;
      c.span.range.end = c.span.range.begin + rng() % len_max;  // empty ones too: never kept
      c.span.type = types[rng() % 4];
      c.span.source = "c" + std::to_string(k);  // tells equal ranges and types apart
      const int priorities[] = {kPriorityModel, kPriorityRule, kPriorityRuleStrong};
      c.priority = priorities[rng() % 3];
      cands.push_back(c);
    }
    std::vector<Span> want = reference(cands), got = resolve(cands);
    INFO("round " << round);
    CHECK(show(got) == show(want));
  }
}

}  // namespace

TEST_CASE("resolve: the same spans as the rule written out, on random candidates with ties") {
  check_random(24, 200, 12);  // short texts: many overlaps and equal keys
}

TEST_CASE("resolve: the same, with spans over one and two 64-byte words of the taken bits") {
  check_random(25, 400, 160);
}

TEST_CASE("resolve: a span past the 64th byte, and one that only touches another") {
  std::vector<Candidate> cands(3);
  cands[0].span.range = ByteRange{70, 80}, cands[0].priority = kPriorityModel;
  cands[1].span.range = ByteRange{79, 85}, cands[1].priority = kPriorityModel;  // overlaps the first by a byte
  cands[2].span.range = ByteRange{80, 90}, cands[2].priority = kPriorityModel;  // touches it: kept
  std::vector<Span> got = resolve(cands);
  REQUIRE(got.size() == 2);
  CHECK(got[0].range.begin == 70);
  CHECK(got[1].range.begin == 80);
}
