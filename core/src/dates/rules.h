// The DATE/TIME recognizer ("dates"): runs the grammar over each sentence, gives values to the
// entity model's DATE/TIME candidates and adds the expressions the model missed.
#pragma once
#include <memory>

#include "dates/tables.h"
#include "pipeline/recognizer.h"

namespace belgi::dates {

class DateRecognizer : public Recognizer {
 public:
  explicit DateRecognizer(std::shared_ptr<const Tables> tables) : tables_(std::move(tables)) {}
  const char* name() const override { return "dates"; }
  void run(Context& ctx) const override;

 private:
  std::shared_ptr<const Tables> tables_;
};

}  // namespace belgi::dates
