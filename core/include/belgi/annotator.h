// The public entry point: Annotator::annotate(text, options) -> Result.
// Pure: no files, no printing, no global state that changes. An Annotator is immutable after
// create() and safe to use from several threads at once.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "belgi/span.h"
#include "belgi/status.h"

namespace belgi {

struct Options {
  // Document date "YYYY-MM-DD" given by the caller; "" means: read it from the dateline if any.
  std::string document_date;
  // Which span types to return. Recognizers still run as needed (quotes use entities).
  TypeSet types = TypeSet::all();
  // Texts longer than this (UTF-8 bytes) are refused with StatusCode::too_large.
  std::size_t max_bytes = 16u << 20;
  // Recognizers to skip, by name ("model", "dates", "quotes", ...; `belgi annotate --disable`),
  // to measure what each contributes. Unknown names are ignored.
  std::vector<std::string> disable;
};

// Where the document date came from.
struct DocumentDate {
  std::string value;   // "YYYY-MM-DD" (or "YYYY-MM-DDTHH:MM" when the dateline has a time)
  std::string source;  // "option" (given by the caller) or "dateline"
  ByteRange range;     // the dateline text for "dateline"; empty for "option"
};

struct Result {
  Status status;
  std::vector<Span> spans;  // sorted by (begin, longer first); quotes may contain entities
  bool has_date = false;
  DocumentDate date;
};

// Tagging pre-tokenized text (KazNERD/CoNLL files): IOB2 tags, one per token.
struct TagResult {
  Status status;
  std::vector<std::string> tags;  // "O", "B-PERSON", "I-PERSON", ...
};

struct Versions {
  std::string core;          // library version, "0.1.0"
  std::string format;        // output format, "belgi/1"
  std::string model;         // entity model id and training data hash
  int model_format = 0;      // binary model format version
};

// Tokens and sentences as the annotator sees them (CoNLL export, snapping selections to tokens).
struct Tokenization {
  Status status;                          // invalid_utf8 if the text is not UTF-8
  std::vector<ByteRange> tokens;          // UTF-8 byte ranges, in text order
  std::vector<std::size_t> sentence_ends; // for each sentence, the index after its last token
};
Tokenization tokenize(std::string_view utf8);

class Annotator {
 public:
  // Builds an annotator from the resources compiled into the library (model, lexicons, rules).
  // Fails only if those resources are corrupt; check status before use.
  static std::shared_ptr<const Annotator> create(Status& status);
  // The same with another entity model: the bytes of a model file `belgi train` wrote (copied;
  // the caller may free them). Fails with invalid_model if they are not a model of this build.
  static std::shared_ptr<const Annotator> create(Status& status, std::string_view model_bytes);

  // Builds the immutable rule tables that all annotators of the process share (dates, quotes)
  // now, instead of in the first create(). Idempotent. The WebAssembly build runs it before it
  // snapshots the module's memory (wasm/snapshot.mjs), so that pages start with them built.
  static Status prepare_shared();

  // Annotates one document. Never throws; on error Result::status says what and where.
  Result annotate(std::string_view utf8, const Options& options = Options()) const;

  // Tags one sentence given as tokens (each a non-empty UTF-8 string without whitespace) with the
  // same recognizers as annotate() (entity layer only: entities, dates, times), as IOB2.
  TagResult tag(const std::vector<std::string>& tokens, const Options& options = Options()) const;

  Versions versions() const;

  // An annotator that runs the entity model with `adaptation`'s weights added (belgi/adaptation.h),
  // sharing everything else with this one. A snapshot: later learning does not change it. Null,
  // with status invalid_argument, if the adaptation belongs to another model.
  std::shared_ptr<const Annotator> adapted(const class Adaptation& adaptation, Status& status) const;

  ~Annotator();
  struct Impl;

 private:
  friend class Adaptation;
  // The batch CLI's entry point for text it has validated already (pipeline/annotator_impl.h).
  friend Result annotate_known_utf8(const Annotator& a, std::string_view utf8, const Options& options);
  explicit Annotator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace belgi
