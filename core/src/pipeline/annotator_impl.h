// What an Annotator and an Adaptation hold (annotator.cpp, adaptation.cpp).
#pragma once
#include <memory>
#include <vector>

#include "belgi/adaptation.h"
#include "belgi/annotator.h"
#include "entities/adapt.h"
#include "entities/model.h"
#include "pipeline/recognizer.h"

namespace belgi {

struct Annotator::Impl {
  std::shared_ptr<const entities::Model> model;
  // Run in order; each reads what the earlier ones wrote (the dateline before relative dates).
  std::vector<std::unique_ptr<Recognizer>> entity_layer;
  // Run after resolve(): they see the settled entities in ctx.spans (quotes link speakers).
  std::vector<std::unique_ptr<Recognizer>> quote_layer;

  // The size limit, then (unless utf8_known) the UTF-8, then the options.
  Status check(std::string_view text, const Options& opt, bool utf8_known) const;
  void run(Context& ctx) const;
  Result annotate(std::string_view text, const Options& options, bool utf8_known) const;
};

// Annotator::annotate() for text the caller has validated as UTF-8 (check_utf8) already, and
// is not scanned again: the batch CLI's JSONL records, whose whole line it validated when
// parsing it, with the error's offset within the line (8 of ~800 instructions per byte).
// Text that is not valid UTF-8 must not come here.
Result annotate_known_utf8(const Annotator& a, std::string_view utf8, const Options& options);

struct Adaptation::Impl {
  std::shared_ptr<const entities::Model> model;
  entities::Learner learner;
  entities::LearnParams params;
};

}  // namespace belgi
