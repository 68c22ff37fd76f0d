// model.cpp's word cache, shared by the threads: tagging through it gives exactly the emissions of
// the plain path (every feature looked up), on first sight of a word and on a cache hit, from one
// thread or several at once, and the cache survives filling up and being rebuilt.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "entities/iob2.h"
#include "entities/model.h"
#include "entities/word_cache.h"
#include "resources.h"
#include "support.h"

using namespace belgi::entities;
using belgi::iob2::Sentence;
using belgi::iob2::parse_conll;

namespace {

std::shared_ptr<const Model> model() { return belgi::test::ner_model(); }

std::vector<Sentence> sample() {
  std::ifstream in(std::string(BELGI_TEST_DATA) + "/kaznerd-sample.iob2", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::vector<Sentence> out;
  belgi::Status st = parse_conll(ss.str(), out);
  REQUIRE_MESSAGE(st.ok(), st.message);
  REQUIRE(out.size() > 20);
  return out;
}

void check_same(const std::vector<std::string_view>& tokens) {
  std::vector<std::int32_t> plain, cached;
  emissions(*model(), tokens, false, plain);
  emissions(*model(), tokens, true, cached);
  REQUIRE(plain.size() == cached.size());
  CHECK(plain == cached);
}

}  // namespace

TEST_CASE("cached emissions equal plain emissions, on a miss and on a hit") {
  for (int pass = 0; pass < 2; ++pass)
    for (const Sentence& s : sample()) {
      std::vector<std::string_view> tokens(s.tokens.begin(), s.tokens.end());
      check_same(tokens);
    }
}

TEST_CASE("cached emissions stay exact when the cache grows and empties") {
  // Many distinct made-up words push the cache through every size and past its limit.
  std::vector<std::string> words;
  for (int i = 0; i < 70000; ++i) words.push_back("Сөз" + std::to_string(i) + (i % 3 ? "ның" : "да"));
  for (std::size_t i = 0; i + 200 <= words.size(); i += 200) {
    std::vector<std::string_view> tokens(words.begin() + i, words.begin() + i + 200);
    if (i % 20000 == 0 || i + 400 > words.size()) check_same(tokens);
    else {
      std::vector<std::int32_t> e;
      emissions(*model(), tokens, true, e);
    }
  }
  std::vector<std::string_view> mixed = {"Астана", "Сөз5ның", "Сөз69999да", "қаласында", "Астана", "."};
  check_same(mixed);
}

TEST_CASE("a sentence longer than the cache can hold takes the plain path") {
  std::vector<std::string> words;
  for (int i = 0; i < 20000; ++i) words.push_back("w" + std::to_string(i));
  std::vector<std::string_view> tokens(words.begin(), words.end());
  check_same(tokens);
}

TEST_CASE("a full cache keeps the words met again and drops the others, exactly") {
  // Sentences of new made-up words, each with the same two common words: when the table fills,
  // the common words stay, the words seen once go, and the emissions stay those of the plain path.
  WordCache cache;
  WordCache::Local local;
  const Model& m = *model();
  std::vector<std::string> words;
  for (int i = 0; i < 40000; ++i) words.push_back("Атау" + std::to_string(i) + "ға");
  bool emptied = false;
  for (std::size_t i = 0; i + 100 <= words.size(); i += 100) {
    WordCache::Guard inside(cache, local);
    std::vector<std::string_view> tokens(words.begin() + i, words.begin() + i + 100);
    tokens.push_back("Астана");
    tokens.push_back("қаласында");
    REQUIRE(cache.reserve(m, local, tokens.size(), 4000));
    emptied = emptied || !cache.has(words[0]);
    if (i > 0) {  // making room never drops them
      CHECK(cache.has("Астана"));
      CHECK(cache.has("қаласында"));
    }
    for (std::string_view t : tokens) cache.get(m, local, t);
  }
  CHECK(emptied);  // the table did fill: the first sentence's words are gone
  CHECK(cache.rebuilds() >= 2);  // the first start, then at least one rebuild when full
  CHECK(cache.has(words.back()));
  std::vector<std::string_view> mixed = {"Астана", words[5], "қаласында", words.back(), "."};
  check_same(mixed);
}

namespace {

// A word's cached sums as one vector, to compare caches.
std::vector<std::int32_t> sums(const WordEntry& w) {
  std::vector<std::int32_t> v(w.self, w.self + kLabelCount);
  v.insert(v.end(), w.as_prev, w.as_prev + kLabelCount);
  v.insert(v.end(), w.as_next, w.as_next + kLabelCount);
  v.push_back(static_cast<std::int32_t>(w.as_prev2));
  v.push_back(static_cast<std::int32_t>(w.as_next2));
  v.push_back(static_cast<std::int32_t>(w.info.h_lower));
  return v;
}

}  // namespace

#ifndef __EMSCRIPTEN__  // no threads there
TEST_CASE("threads sharing one word cache get exactly one thread's sums, through rebuilds") {
  // Three threads on overlapping streams of made-up and common words: more than the table holds,
  // so it fills and is rebuilt while the other threads wait at a sentence's start; a form new to
  // two threads at once is published once; every entry equals the one a private cache computes.
  const Model& m = *model();
  std::vector<std::string> words;
  for (int i = 0; i < 45000; ++i) words.push_back("Есім" + std::to_string(i % 30000) + (i % 2 ? "нің" : "ге"));
  WordCache shared, alone;
  WordCache::Local mine;
  std::vector<std::vector<std::int32_t>> want(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    WordCache::Guard inside(alone, mine);
    REQUIRE(alone.reserve(m, mine, 1, words[i].size()));
    want[i] = sums(alone.get(m, mine, words[i]));
  }
  std::vector<int> bad(3, 0);
  auto run = [&](int t) {
    WordCache::Local local;
    for (std::size_t i = t * 7000; i + 40 <= words.size(); i += 40) {
      WordCache::Guard inside(shared, local);
      std::vector<std::string_view> tokens(words.begin() + i, words.begin() + i + 40);
      tokens.push_back(tokens[3]);  // new twice within the sentence
      tokens.push_back("Алматы");
      if (!shared.reserve(m, local, tokens.size(), 2000)) ++bad[t];
      shared.begin_sentence(local, tokens.size());
      std::vector<const WordEntry*> got;
      for (std::string_view w : tokens) got.push_back(&shared.find_or_add(m, local, w));
      shared.add_pending(m, local);
      if (sums(*got[3]) != sums(*got[40])) ++bad[t];  // maybe published by another thread meanwhile
      for (std::size_t k = 0; k < 40; ++k)
        if (sums(*got[k]) != want[i + k]) ++bad[t];
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < 3; ++t) threads.emplace_back(run, t);
  for (std::thread& th : threads) th.join();
  CHECK(bad[0] == 0);
  CHECK(bad[1] == 0);
  CHECK(bad[2] == 0);
  CHECK(shared.rebuilds() >= 3);  // filled and rebuilt at least twice
}

TEST_CASE("tagging from several threads gives exactly the single-thread emissions") {
  // The sample sentences, each thread in its own order, through the process's shared cache (after
  // other tests filled it with made-up words): every emission equals the plain path's.
  std::vector<Sentence> sents = sample();
  std::vector<std::vector<std::int32_t>> want(sents.size());
  for (std::size_t k = 0; k < sents.size(); ++k) {
    std::vector<std::string_view> tokens(sents[k].tokens.begin(), sents[k].tokens.end());
    emissions(*model(), tokens, false, want[k]);
  }
  std::vector<int> bad(4, 0);
  auto run = [&](int t) {
    std::vector<std::int32_t> got;
    for (int pass = 0; pass < 3; ++pass)
      for (std::size_t j = 0; j < sents.size(); ++j) {
        const std::size_t k = (j * (t + 1) + t) % sents.size();
        std::vector<std::string_view> tokens(sents[k].tokens.begin(), sents[k].tokens.end());
        emissions(*model(), tokens, true, got);
        if (got != want[k]) ++bad[t];
      }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) threads.emplace_back(run, t);
  for (std::thread& th : threads) th.join();
  CHECK(bad == std::vector<int>(4, 0));
}
#endif

TEST_CASE("two models in one process keep a word cache each") {
  // A second copy of the model (another Model, another cache): a thread that tags with one and
  // then the other, and two threads each with its own, get the plain path's emissions, and
  // neither cache is emptied by the other's use (one start each, no rebuild).
  std::shared_ptr<const Model> a, b;
  REQUIRE(load_model(belgi::resources::ner_model(), a).ok());
  REQUIRE(load_model(belgi::resources::ner_model(), b).ok());
  REQUIRE(a->words != b->words);
  std::vector<Sentence> sents = sample();
  std::vector<std::vector<std::int32_t>> want(sents.size());
  for (std::size_t k = 0; k < sents.size(); ++k) {
    std::vector<std::string_view> tokens(sents[k].tokens.begin(), sents[k].tokens.end());
    emissions(*a, tokens, false, want[k]);
  }
  int bad = 0;
  std::vector<std::int32_t> got;
  for (std::size_t k = 0; k < sents.size(); ++k) {  // one thread, the models taking turns
    std::vector<std::string_view> tokens(sents[k].tokens.begin(), sents[k].tokens.end());
    for (const Model* m : {a.get(), b.get()}) {
      emissions(*m, tokens, true, got);
      bad += got != want[k];
    }
  }
  std::vector<int> bad_by(2, 0);
  auto run = [&](int t) {
    std::vector<std::int32_t> mine;
    const Model& m = t == 0 ? *a : *b;
    for (int pass = 0; pass < 3; ++pass)
      for (std::size_t k = 0; k < sents.size(); ++k) {
        std::vector<std::string_view> tokens(sents[k].tokens.begin(), sents[k].tokens.end());
        emissions(m, tokens, true, mine);
        bad_by[t] += mine != want[k];
      }
  };
#ifdef __EMSCRIPTEN__  // no threads there: one model after the other
  run(0);
  run(1);
#else
  std::thread t0(run, 0), t1(run, 1);
  t0.join();
  t1.join();
#endif
  CHECK(bad == 0);
  CHECK(bad_by == std::vector<int>{0, 0});
  CHECK(a->words->rebuilds() == 1);  // its start only
  CHECK(b->words->rebuilds() == 1);
  CHECK(a->words->has(sents[0].tokens[0]));
  CHECK(b->words->has(sents[0].tokens[0]));
}

TEST_CASE("the context cache's rows are the sums of the context's features, also once it empties") {
  // More distinct contexts than the cache holds (it empties and starts again), each row compared
  // with its features' weights added one by one; the same contexts again after emptying.
  ContextCache cache;
  const Model& m = *model();
  auto context = [](std::size_t k) {
    TokenContext c;
    c.cap_prev = static_cast<std::uint8_t>(k % 5 == 4 ? 9 : k % 5);
    c.cap_self = static_cast<std::uint8_t>(k / 5 % 4);
    c.kind_self = static_cast<std::uint8_t>(k / 20 % 7);
    c.kind_next = static_cast<std::uint8_t>(k / 140 % 8 == 7 ? 0xfe : k / 140 % 8);
    c.band = static_cast<std::uint8_t>(k / 1120 % 4);
    c.position = static_cast<std::uint8_t>(k / 4480 % 4);
    c.cap = c.prev_cap = static_cast<std::uint8_t>(k / 17920 % 2);
    c.head_self = static_cast<std::uint8_t>(k % 3 == 0 ? 1 : 0);
    c.in_quote = static_cast<std::uint8_t>(k % 7 == 0);
    return c;
  };
  const std::size_t n = ContextCache::kMaxContexts + 3000;
  for (std::size_t pass = 0; pass < 2; ++pass)
    for (std::size_t k = 0; k < n; k += pass ? 97 : 1) {
      const TokenContext c = context(k);
      std::vector<std::uint32_t> feats;
      context_shape_features(c, feats);
      std::vector<std::int32_t> want(kLabelCount, 0);
      for (std::uint32_t f : feats) add_feature_weights(m, f, want.data());
      const std::int32_t* got = cache.row(m, c);
      REQUIRE(std::vector<std::int32_t>(got, got + kLabelCount) == want);
    }
}

TEST_CASE("add_groups adds each group's weights exactly as one feature at a time") {
  // Real features of sample sentences (dense rows, sparse pairs, absent features), cut into
  // groups of many sizes, some far longer than add_groups' chunks of 256 and crossing them; a
  // group's dense rows are summed apart from its pairs, so every row is compared with the plain sum.
  const Model& m = *model();
  FeatureExtractor fx(&m.lex);
  std::vector<std::uint32_t> feats;
  for (const Sentence& s : sample()) {
    std::vector<std::string_view> tokens(s.tokens.begin(), s.tokens.end());
    fx.extract(tokens);
    feats.insert(feats.end(), fx.feats().begin(), fx.feats().end());
  }
  std::size_t dense = 0, sparse = 0;
  for (std::uint32_t f : feats) {
    const std::uint32_t w = where_of(m, f);
    if (w >> 26 == kDense) ++dense;
    else if (w) ++sparse;
  }
  REQUIRE(dense > 100);
  REQUIRE(sparse > 100);
  std::vector<std::uint32_t> offs = {0};
  for (std::size_t size = 0; offs.back() + size <= feats.size(); size = (size * 7 + 3) % 600)
    offs.push_back(offs.back() + static_cast<std::uint32_t>(size));
  const std::size_t groups = offs.size() - 1;
  REQUIRE(groups > 20);
  std::vector<std::int32_t> got(groups * kLabelCount, 1), want(groups * kLabelCount, 1);
  std::vector<std::int32_t*> rows;
  for (std::size_t g = 0; g < groups; ++g) rows.push_back(&got[g * kLabelCount]);
  add_groups(m, feats.data(), offs.data(), groups, rows.data());
  for (std::size_t g = 0; g < groups; ++g)
    for (std::uint32_t j = offs[g]; j < offs[g + 1]; ++j) add_feature_weights(m, feats[j], &want[g * kLabelCount]);
  CHECK(got == want);
}
