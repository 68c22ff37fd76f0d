// ner_bench: entity tagger speed on one core.
// usage: ner_bench [FILE.iob2] [--repeat N] [--fresh N]
// Tags the sentences of a CoNLL file (first column; e.g. ../shared/data/kaznerd/valid.iob2), or
// without a file a built-in generated Kazakh text, and prints tokens per second and the model size.
// --fresh N: then N more runs, each on a thread of its own (an empty word cache: every word new,
// as on distinct text), with the thread's user and system seconds and page faults: the first of
// them also meets fresh memory, as a new process does, the later ones reuse what the earlier freed.
#include <chrono>
#include <thread>
#include <sys/resource.h>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "entities/iob2.h"
#include "entities/model.h"
#include "resources.h"

using namespace belgi;

namespace {

// A deterministic pseudo-news text: sentences built from a small Kazakh vocabulary.
std::vector<std::vector<std::string>> generated(std::size_t sentences) {
  const char* words[] = {"Астанада", "Асхат", "Жұмағали", "БҰҰ-ның", "сыбайлас", "жемқорлыққа",
                         "қарсы", "қызметінің", "төрағасы", "2023", "жылы", "5", "желтоқсанда",
                         "«", "Қазақпарат", "»", "агенттігі", "хабарлады", ",", "және", "Қазақстан",
                         "Республикасының", "Президенті", "форумда", "сөз", "сөйледі", "KAZINFORM",
                         "Алматы", "облысында", "мектеп", "ашылды", "15", "пайызға", "өсті"};
  const std::size_t n = sizeof words / sizeof *words;
  std::vector<std::vector<std::string>> out(sentences);
  std::uint64_t x = 42;
  for (auto& s : out) {
    std::size_t len = 8 + (x >> 33) % 18;
    for (std::size_t i = 0; i < len; ++i) {
      x = x * 6364136223846793005ull + 1442695040888963407ull;
      s.push_back(words[(x >> 33) % n]);
    }
    s.push_back(".");
  }
  return out;
}

// One run on a new thread (thread_local caches start empty), with that thread's resource use.
void fresh_run(const entities::Model& model, const std::vector<std::vector<std::string_view>>& views,
               std::size_t tokens) {
  std::thread t([&] {
    std::vector<entities::TokenEntity> out;
    auto a = std::chrono::steady_clock::now();
    for (const auto& v : views) {
      out.clear();
      entities::tag(model, v, out);
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - a).count();
    rusage ru{};
    getrusage(RUSAGE_THREAD, &ru);
    std::printf("fresh thread: %.3f s, %.0f tokens/s, user %.3f s, system %.3f s, %ld page faults\n", secs,
                tokens / secs, ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6,
                ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6, ru.ru_minflt);
  });
  t.join();
}

}  // namespace

int main(int argc, char** argv) {
  std::string file;
  int repeat = 3, fresh = 0;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--fresh") && i + 1 < argc) fresh = std::atoi(argv[++i]);
    else file = argv[i];
  }
  std::vector<std::vector<std::string>> sents;
  if (!file.empty()) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::vector<iob2::Sentence> parsed;
    if (!in || !iob2::parse_conll(ss.str(), parsed).ok()) {
      std::fprintf(stderr, "ner_bench: cannot read %s\n", file.c_str());
      return 1;
    }
    for (auto& s : parsed) sents.push_back(std::move(s.tokens));
  } else {
    sents = generated(20000);
  }
  std::shared_ptr<const entities::Model> model;
  auto t0 = std::chrono::steady_clock::now();
  Status st = entities::load_model(resources::ner_model(), model);
  auto t1 = std::chrono::steady_clock::now();
  if (!st.ok()) {
    std::fprintf(stderr, "ner_bench: %s\n", st.message.c_str());
    return 1;
  }
  std::vector<std::vector<std::string_view>> views;
  std::size_t tokens = 0;
  for (const auto& s : sents) {
    views.emplace_back(s.begin(), s.end());
    tokens += s.size();
  }
  std::vector<entities::TokenEntity> out;
  std::size_t entities_found = 0;
  double best = 1e30, first = 0;
  for (int r = 0; r < repeat; ++r) {
    auto a = std::chrono::steady_clock::now();
    entities_found = 0;
    for (const auto& v : views) {
      out.clear();
      entities::tag(*model, v, out);
      entities_found += out.size();
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - a).count();
    if (secs < best) best = secs;
    if (r == 0) first = secs;
  }
  std::printf("input: %s\n", file.empty() ? "built-in generated text" : file.c_str());
  std::printf("sentences %zu, tokens %zu, entities %zu\n", sents.size(), tokens, entities_found);
  std::printf("model %s, %zu bytes, loaded in %.1f ms\n", entities::model_id(*model).c_str(),
              resources::ner_model().size(), std::chrono::duration<double, std::milli>(t1 - t0).count());
  // The tagger caches each word form's features per thread (model.cpp): the first run meets
  // every word for the first time, later runs find them all cached.
  std::printf("tagging: %.0f tokens/s on one core (best of %d runs, %.3f s per run)\n", tokens / best,
              repeat, best);
  std::printf("first run (every word new to the cache): %.0f tokens/s\n", tokens / first);
  for (int r = 0; r < fresh; ++r) fresh_run(*model, views, tokens);
  return 0;
}
