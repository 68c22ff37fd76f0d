#include "dates/numeric.h"

#include <cstdio>

#include "dates/dateline.h"
#include "pipeline/resolve.h"

namespace belgi::dates {

void NumericDateRecognizer::run(Context& ctx) const {
  for (const text::Token& t : ctx.tokens) {
    int y, m, d;
    if (t.kind != text::TokenKind::number || !parse_numeric_date(t.text(ctx.text), y, m, d))
      continue;
    Candidate c;
    c.span.type = SpanType::DATE;
    c.span.range = ByteRange{t.begin, t.end};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    c.span.value = buf;
    c.span.source = "rule:date.numeric";
    c.priority = kPriorityRuleStrong;
    ctx.candidates.push_back(std::move(c));
  }
}

}  // namespace belgi::dates
