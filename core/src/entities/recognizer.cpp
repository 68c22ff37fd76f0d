#include "entities/recognizer.h"

#include "pipeline/resolve.h"

namespace belgi::entities {

void EntityRecognizer::run(Context& ctx) const {
  std::vector<std::string_view> words;
  std::vector<TokenEntity> found;
  for (const text::Sentence& s : ctx.sentences) {
    words.clear();
    found.clear();
    for (std::size_t i = s.first; i < s.last; ++i) words.push_back(ctx.tokens[i].text(ctx.text));
    tag(*model_, words, found);
    for (const TokenEntity& e : found) {
      if (e.first >= e.last || e.last > words.size()) continue;
      Candidate c;
      c.span.type = e.type;
      c.span.range = ByteRange{ctx.tokens[s.first + e.first].begin, ctx.tokens[s.first + e.last - 1].end};
      c.span.score = e.score;
      c.span.source = "model";
      c.priority = kPriorityModel;
      ctx.candidates.push_back(std::move(c));
    }
  }
}

}  // namespace belgi::entities
