// The date grammar's word cache, shared by the threads (dates/word_cache.h): a word's analysis is
// the same whether it was just made, found in the cache (made by this thread or another), or made
// again after the cache was emptied and its memory (slot table, text blocks, entries) reused; keys
// longer than the entry's inline room too.
#include <doctest/doctest.h>

#include <chrono>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "dates/tables.h"
#include "dates/words.h"
#include "text/tokenizer.h"

using namespace belgi;
using namespace belgi::dates;

namespace {

// More distinct words than the cache keeps (kMaxWords, 32,768), so that the next call empties
// it: made-up words of 2-7 Cyrillic letters, some with a long tail (over 28 bytes), among date
// words, numbers and punctuation.
std::string many_words(int n) {
  static const char* kLetters[] = {"а", "б", "д", "е", "ж", "к", "қ", "л", "м", "н", "ө", "с", "т", "ұ", "ш", "ы"};
  std::string out;
  for (int i = 0; i < n; ++i) {
    std::string w = "с";
    for (int k = i; k > 0; k /= 16) w += kLetters[k % 16];
    if (i % 7 == 0) w += "лардыңыздағыларыныкінен";  // 46 bytes in all or more: kept in the arena
    out += w;
    out += i % 5 == 0 ? " 2023 жылғы 5-желтоқсанда, сағат 10:30-да " : " ";
    if (i % 11 == 0) out += "Қазан айында. ";
  }
  return out;
}

// What the grammar reads of each token's analysis, copied out (the views live until the next call).
std::vector<std::string> readings(const Words& words) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    const Detail& d = *w.more;
    out.push_back(std::string(w.fold) + "|" + std::to_string(static_cast<int>(w.kind)) + "|" +
                  std::to_string(w.inert) + std::to_string(w.num) + std::to_string(d.value) + "|" +
                  std::to_string(d.hits.size()) + "," + std::to_string(d.phrases.size()) + "," +
                  std::to_string(d.hour) + ":" + std::to_string(d.minute) + "," + std::to_string(w.upper_initial) +
                  "," + std::to_string(d.rest_hits.size()) + "," + std::to_string(d.rest_ending));
  }
  return out;
}

}  // namespace

TEST_CASE("dates word cache: the same analyses when filled, found, and refilled after emptying") {
  Tables t;
  REQUIRE(Tables::load_embedded(t).ok());
  const std::string a = many_words(40000), b = many_words(3000) + " тағы бір мәтін";
  const auto ta = text::tokenize(a), tb = text::tokenize(b);
  const std::vector<std::string> first = readings(analyze(a, ta, t));
  REQUIRE(first.size() == ta.size());
  CHECK(std::set<std::string>(first.begin(), first.end()).size() > 32768);  // more than the cache keeps
  // Each call after the first empties the full cache and reuses its memory.
  for (int round = 0; round < 3; ++round) {
    const std::vector<std::string> again = readings(analyze(a, ta, t));
    REQUIRE(again.size() == first.size());
    std::size_t differ = 0;
    for (std::size_t i = 0; i < first.size(); ++i) differ += again[i] != first[i];
    CHECK(differ == 0);
  }
  // A small text after a full one, then the full one again.
  const std::vector<std::string> small = readings(analyze(b, tb, t));
  CHECK(small.size() == tb.size());
  CHECK(readings(analyze(a, ta, t)) == first);
  CHECK(readings(analyze(b, tb, t)) == small);
}

// Word::more: an inert word (most) shares the one Detail of defaults, and its cache entry is one
// cache line; any other word has a Detail of its own, with what its patterns read.
TEST_CASE("dates word cache: inert words share Detail::kNone, the others have their own") {
  Tables t;
  REQUIRE(Tables::load_embedded(t).ok());
  const std::string s = "Ол 2023 жылғы 5-желтоқсанда, сағат 10:30-да келді . Қазан айында XXI ғасыр";
  const auto toks = text::tokenize(s);
  const Words words = analyze(s, toks, t);
  std::size_t inert = 0, own = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    CHECK(w.more != nullptr);
    if (w.inert) {
      CHECK(w.more == &Detail::kNone);
      ++inert;
    } else {
      CHECK(w.more != &Detail::kNone);
      ++own;
    }
  }
  CHECK(inert >= 3);  // Ол, келді, the comma, the stop
  CHECK(own >= 6);
  // The number fields live in the detail: `5-желтоқсанда` is 5 with a month word after the hyphen.
  for (std::size_t i = 0; i < words.size(); ++i)
    if (words[i].fold.substr(0, 2) == "5-") {
      CHECK(words[i].num);
      CHECK(words[i].more->value == 5);
      CHECK(words[i].rest_hit(WordClass::month) != nullptr);
    }
}

// analyze_word reuses one Detail for every new word and resets it only after a word that may have
// written it (a number, or a word not inert): each word's whole detail must be what it is when the
// word is the first one analyzed, whatever new word came before it (a fresh Tables: a fresh cache).
TEST_CASE("dates word cache: a new word's detail does not depend on the word analyzed before it") {
  auto dump = [](const Word& w) {
    const Detail& d = *w.more;
    auto e = [](const Ending& x) {
      return std::to_string(x.plural) + std::to_string(x.possessive) + std::to_string(x.ordinal) +
             std::to_string(static_cast<int>(x.kase));
    };
    return std::string(w.fold) + "|" + std::to_string(w.inert) + std::to_string(w.num) + "|" +
           std::to_string(d.value) + "," + std::to_string(d.digits) + "," + std::to_string(d.plain) + "," +
           std::to_string(d.rest_ending) + e(d.ending) + "," + std::to_string(d.rest_hits.size()) + "," +
           std::to_string(d.is_date) + std::to_string(d.glued_abbr) + "," + std::to_string(d.date.y) + "-" +
           std::to_string(d.date.m) + "-" + std::to_string(d.date.d) + "," + std::to_string(d.hour) + ":" +
           std::to_string(d.minute) + "," + std::to_string(d.dot_hour) + ":" + std::to_string(d.dot_minute) + "," +
           std::to_string(d.to_hour) + ":" + std::to_string(d.to_minute) + "," + std::to_string(d.range_a) + "-" +
           std::to_string(d.range_b) + "," + std::to_string(d.decimal) + "," + std::to_string(d.roman) + "," +
           std::to_string(d.hits.size()) + "," + std::to_string(d.phrases.size()) + "," +
           std::to_string(d.adjectival) + "," + std::to_string(d.pair_first) + "-" + std::to_string(d.pair_last) +
           std::to_string(d.pair_cased) + std::to_string(d.weekday_pair) + "," +
           std::to_string(d.season_first != nullptr) + std::to_string(d.season_last != nullptr) + e(d.season_ending);
  };
  const std::string s =
      "05.12.2023 ол 31.01.2023ж XXI кеше 10:00-12:00 таңғы 2020-2025 1,5 қаңтар-қыркүйекте бар 10.00-де "
      "күзгі-қысқы оқу сенбі-жексенбіде 5-і 90-жылдары жыл қаңтар-наурыз мен";
  const auto toks = text::tokenize(s);
  std::vector<std::string> together;
  {
    Tables t;
    REQUIRE(Tables::load_embedded(t).ok());
    const Words words = analyze(s, toks, t);
    for (std::size_t i = 0; i < words.size(); ++i) together.push_back(dump(words[i]));
  }
  REQUIRE(together.size() == toks.size());
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const std::string one = std::string(toks[i].in(s));
    const auto tone = text::tokenize(one);
    REQUIRE(tone.size() == 1);
    Tables t;
    REQUIRE(Tables::load_embedded(t).ok());
    CHECK(dump(analyze(one, tone, t)[0]) == together[i]);
  }
}

#ifndef __EMSCRIPTEN__  // no threads there
// Four threads on overlapping texts (each its own slice of the same made-up words, in its own
// order), the cache's limit made small so that it is emptied many times while they run: every
// token's analysis is the one a single thread gives. A thread keeps its words a moment before
// reading them again, so that the others wait for it to empty the cache (the words stay valid).
TEST_CASE("dates word cache: threads sharing it get exactly one thread's analyses, through rebuilds") {
  Tables t;
  REQUIRE(Tables::load_embedded(t).ok());
  std::vector<std::string> texts;
  for (int k = 0; k < 12; ++k) texts.push_back(many_words(300 + 40 * k) + " " + std::to_string(k) + "-желтоқсанда");
  std::vector<std::vector<text::Token>> toks;
  for (const std::string& s : texts) toks.push_back(text::tokenize(s));
  detail::set_word_cache_limit(500);  // under the largest text's distinct words: some kept for one call only
  std::vector<std::vector<std::string>> expected;
  for (std::size_t k = 0; k < texts.size(); ++k) expected.push_back(readings(analyze(texts[k], toks[k], t)));
  const std::uint64_t before = detail::word_cache_rebuilds();
  std::vector<int> bad(4, 0), runs(4, 0);
  auto run = [&](int th) {
    for (int round = 0; round < 6; ++round)
      for (std::size_t j = 0; j < texts.size(); ++j) {
        const std::size_t k = (j * (th + 1) + round + th) % texts.size();
        const Words words = analyze(texts[k], toks[k], t);
        const std::vector<std::string> got = readings(words);
        if (round % 3 == th % 3) std::this_thread::sleep_for(std::chrono::microseconds(200));
        if (got != expected[k] || readings(words) != got) ++bad[th];
        ++runs[th];
      }
  };
  std::vector<std::thread> threads;
  for (int th = 0; th < 4; ++th) threads.emplace_back(run, th);
  for (std::thread& x : threads) x.join();
  detail::set_word_cache_limit(1 << 15);
  for (int th = 0; th < 4; ++th) {
    CHECK(bad[th] == 0);
    CHECK(runs[th] == 72);
  }
  CHECK(detail::word_cache_rebuilds() > before + 10);
  // A text whose distinct words are more than the index takes in one call (3/4 of it): the rest
  // analysed for that call only, the same.
  const std::string big = many_words(52000);
  const auto tbig = text::tokenize(big);
  const std::vector<std::string> first = readings(analyze(big, tbig, t));
  CHECK(std::set<std::string>(first.begin(), first.end()).size() > 49152);
  std::vector<std::vector<std::string>> again(2);
  std::thread other([&] { again[0] = readings(analyze(big, tbig, t)); });
  again[1] = readings(analyze(big, tbig, t));
  other.join();
  CHECK(again[0] == first);
  CHECK(again[1] == first);
}
#endif
