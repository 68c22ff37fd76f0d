// adapt_bench: learning from corrections, natively, on one core (issue 21; the Chromium figure
// is scripts/bench-learn.mjs's).
// usage: adapt_bench GOLD.json... [--repeat N]
// Builds documents of at least 1,000 words by joining gold documents (the examples' JSON, e.g.
// tests/golden/*.gold.json) in turn, their spans as the corrections, and times
// Adaptation::learn() on each, from an empty adaptation; then annotate() with and without the
// adaptation learned from all of them. Prints milliseconds per document and per 1,000 words.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "belgi/adaptation.h"
#include "belgi/annotator.h"
#include "belgi/json.h"

using namespace belgi;
using Clock = std::chrono::steady_clock;

namespace {

struct Doc {
  std::string text;
  std::vector<Span> spans;
  std::size_t words = 0;
};

std::size_t count_words(const std::string& t) {
  std::size_t n = 0;
  bool in = false;
  for (unsigned char c : t) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// Joins the parts, in turn from `start`, until the document has 1,000 words.
Doc join(const std::vector<Doc>& parts, std::size_t start) {
  Doc d;
  for (std::size_t k = 0; d.words < 1000; ++k) {
    const Doc& p = parts[(start + k) % parts.size()];
    if (!d.text.empty()) d.text += "\n\n";
    const std::size_t base = d.text.size();
    d.text += p.text;
    for (Span s : p.spans) {
      s.range.begin += base;
      s.range.end += base;
      d.spans.push_back(s);
    }
    d.words = count_words(d.text);
  }
  return d;
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 3;
  std::vector<Doc> parts;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
      continue;
    }
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Doc d;
    Status st = parse_document(ss.str(), d.text, d.spans);
    if (!st.ok()) {
      std::fprintf(stderr, "adapt_bench: %s: %s\n", argv[i], st.message.c_str());
      return 1;
    }
    parts.push_back(std::move(d));
  }
  if (parts.empty()) {
    std::fprintf(stderr, "usage: adapt_bench GOLD.json... [--repeat N]\n");
    return 2;
  }
  Status st;
  auto annotator = Annotator::create(st);
  if (!annotator) return 3;
  std::vector<Doc> docs;
  for (std::size_t i = 0; i < parts.size(); ++i) docs.push_back(join(parts, i));
  std::vector<double> per_doc;
  std::size_t words = 0;
  Adaptation all(*annotator);
  for (int r = 0; r < repeat; ++r)
    for (const Doc& d : docs) {
      Adaptation a(*annotator);
      auto t0 = Clock::now();
      a.learn(d.text, d.spans);
      per_doc.push_back(ms_since(t0) * 1000.0 / static_cast<double>(d.words));
      if (r == 0) {
        all.learn(d.text, d.spans);
        words += d.words;
      }
    }
  std::sort(per_doc.begin(), per_doc.end());
  std::printf("learn: %zu documents of %zu words on average, %d rounds: %.2f ms per 1,000 words (median), %.2f (max)\n",
              docs.size(), words / docs.size(), repeat, per_doc[per_doc.size() / 2], per_doc.back());
  auto adapted = annotator->adapted(all, st);
  if (!adapted) return 3;
  auto time_annotate = [&](const Annotator& a) {
    auto t0 = Clock::now();
    std::size_t bytes = 0;
    for (int r = 0; r < repeat; ++r)
      for (const Doc& d : docs) {
        a.annotate(d.text);
        bytes += d.text.size();
      }
    return static_cast<double>(bytes) / 1e6 / (ms_since(t0) / 1000.0);
  };
  std::printf("adaptation of %d documents: %zu weights, %zu bytes\n", all.documents(), all.weights(),
              all.serialize().size());
  std::printf("annotate: %.2f MB/s with the model alone, %.2f MB/s with the adaptation\n",
              time_annotate(*annotator), time_annotate(*adapted));
  return 0;
}
