// The one interface every recognizer implements, and the state a text carries through them.
#pragma once
#include <memory>
#include <string_view>
#include <vector>

#include "belgi/annotator.h"
#include "text/sentences.h"
#include "text/tokenizer.h"

namespace belgi {

namespace dates { class Words; struct WindowMatches; }

// Who proposed a candidate. A recognizer that revises another's candidates (the dates
// recognizer settles the model's DATE/TIME spans) asks this, not the span's `source` text.
enum class Origin { other, model, rule };

// A proposed span with how strongly it should win an overlap (resolve.h).
struct Candidate {
  Span span;
  int priority = 0;  // higher wins; see kPriority* in resolve.h
  Origin origin = Origin::other;
};

// What recognizers read and write. Owned by one annotate() call: no sharing across threads.
// Borrows its text: the caller keeps the finished text alive and unchanged while the Context lives.
struct Context {
  const std::string_view text;               // the exact input, valid UTF-8
  std::vector<text::Token> tokens;           // in text order
  std::vector<text::Sentence> sentences;     // cover the tokens in order
  const Options& options;
  bool has_date = false;
  DocumentDate date;                         // document date (option or dateline)
  // Pre-tokenized KazNERD/CoNLL text (Annotator::tag): spans follow KazNERD's cuts. Written
  // news (annotate) follows guidelines v2, which differ for dates (`15 наурыз күні` whole).
  bool kaznerd_cuts = false;
  std::vector<Candidate> candidates;         // entity layer, before resolve()
  std::vector<Span> spans;                   // after resolve(); quotes are appended after
  // The dates module's analysis of every token (dates/words.h), made once by the dateline and
  // read again by the date rules, which drop it. Its words view the date words' cache, shared by the
  // threads (dates/word_cache.h): while these Words live, their thread counts as inside it, so
  // the entries stay in place.
  std::shared_ptr<const dates::Words> date_words;
  // The date grammar's matches in the sentences of the dateline's window when it found no
  // dateline (dates/grammar.h): the date rules, with the same unknown anchor, take them.
  std::shared_ptr<dates::WindowMatches> date_window;

  explicit Context(std::string_view t, const Options& o) : text(t), options(o) {}
};

class Recognizer {
 public:
  virtual ~Recognizer() = default;
  virtual const char* name() const = 0;
  // Adds candidates (entity layer) or spans (quote layer) to ctx. Must not throw.
  virtual void run(Context& ctx) const = 0;
};

// Immutable tables loaded once per process and shared by all annotators (the rule tables of
// dates and quotes): the first call runs Load, later calls return its result.
template <class T>
struct SharedTables {
  Status status;
  std::shared_ptr<const T> tables;  // null if status is an error
};
template <class T, Status (*Load)(T&)>
const SharedTables<T>& shared_tables() {
  static const SharedTables<T> shared = [] {
    SharedTables<T> s;
    auto t = std::make_shared<T>();
    s.status = Load(*t);
    if (s.status.ok()) s.tables = std::move(t);
    return s;
  }();
  return shared;
}

}  // namespace belgi
