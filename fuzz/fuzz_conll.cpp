// The CoNLL reader and the tagger on whatever it accepts.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "belgi/annotator.h"
#include "entities/iob2.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static std::shared_ptr<const belgi::Annotator> a = [] {
    belgi::Status st;
    return belgi::Annotator::create(st);
  }();
  std::vector<belgi::iob2::Sentence> sents;
  belgi::Status st = belgi::iob2::parse_conll(std::string_view(reinterpret_cast<const char*>(data), size), sents);
  if (!st.ok()) return 0;
  belgi::iob2::Scores scores;
  for (const auto& s : sents) {
    if (s.tokens.size() > 2000) continue;
    belgi::TagResult r = a->tag(s.tokens);
    if (!r.status.ok()) continue;
    if (r.tags.size() != s.tokens.size()) std::abort();
    scores.add(s.tags, r.tags);
  }
  scores.table();
  return 0;
}
