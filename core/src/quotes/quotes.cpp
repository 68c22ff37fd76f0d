#include "quotes/quotes.h"

#include <algorithm>
#include <string>

#include "quotes/attribution.h"
#include "quotes/doc.h"
#include "quotes/finder.h"
#include "quotes/link.h"
#include "quotes/marks.h"
#include "quotes/tables.h"

namespace belgi::quotes {

namespace {

ByteRange bytes(const Doc& doc, TokenRange r) {
  return ByteRange{doc.tok[r.begin].begin, doc.tok[r.end - 1].end};
}

Span to_span(const Doc& doc, const PersonIndex& persons, const Found& f) {
  Span s;
  s.type = SpanType::QUOTE;
  s.range = bytes(doc, f.content);
  s.kind = f.kind;
  s.score = f.score;
  s.source = std::string("rule:quote.") + f.rule;
  if (f.attr.has_cue && !f.attr.cue.range.empty()) {
    s.has_cue = true;
    s.cue = bytes(doc, f.attr.cue.range);
  }
  if (!f.attr.speaker.empty()) {
    s.has_speaker = true;
    s.speaker.range = bytes(doc, f.attr.speaker);
    std::size_t before = std::min(s.range.begin, s.speaker.range.begin);
    s.speaker.entity = persons.link(f.attr.speaker, before);
  }
  return s;
}

// Drops the entity-layer names that quotes showed to be propositions (Found::over_name); the
// speakers' entity ids are indices into `entities`, so those after a dropped name move down.
void drop_names(const Doc& doc, const std::vector<Found>& found, std::vector<Span>& entities,
                std::vector<Span>& quotes) {
  for (const Found& f : found) {
    if (!f.over_name) continue;
    ByteRange r = bytes(doc, f.content);
    auto name = std::find_if(entities.begin(), entities.end(), [&](const Span& s) {
      return s.range.begin == r.begin && s.range.end == r.end;
    });
    if (name == entities.end()) continue;
    const int dropped = static_cast<int>(name - entities.begin());
    entities.erase(name);
    for (Span& q : quotes)
      if (q.has_speaker && q.speaker.entity > dropped) --q.speaker.entity;
  }
}

class QuoteRecognizer : public Recognizer {
 public:
  explicit QuoteRecognizer(std::shared_ptr<const Tables> t) : tables_(std::move(t)) {}
  const char* name() const override { return "quotes"; }

  void run(Context& ctx) const override {
    if (ctx.tokens.empty() || ctx.sentences.empty()) return;
    Doc doc(ctx);
    Matcher m(doc, *tables_);
    std::vector<Found> found = find_quotes(doc, m, find_pairs(doc, *tables_));
    PersonIndex persons(doc, m);
    std::vector<Span> spans;
    spans.reserve(found.size());
    for (const Found& f : found) spans.push_back(to_span(doc, persons, f));
    drop_names(doc, found, ctx.spans, spans);
    for (Span& s : spans) ctx.spans.push_back(std::move(s));
  }

 private:
  std::shared_ptr<const Tables> tables_;
};

const SharedTables<Tables>& shared() { return shared_tables<Tables, &load_tables>(); }

}  // namespace

Status shared_tables_status() { return shared().status; }

Status add_recognizers(std::vector<std::unique_ptr<Recognizer>>& layer) {
  const SharedTables<Tables>& s = shared();
  if (!s.status.ok()) return s.status;
  layer.push_back(std::make_unique<QuoteRecognizer>(s.tables));
  return Status();
}

}  // namespace belgi::quotes
