#include "dates/dates.h"

#include "dates/dateline.h"
#include "dates/rules.h"

namespace belgi::dates {

namespace {

// The embedded tables, loaded once per process and shared (immutable) by every annotator.
struct Shared {
  Status status;
  std::shared_ptr<const Tables> tables;
};
const Shared& shared_tables() {
  static const Shared shared = [] {
    Shared s;
    auto t = std::make_shared<Tables>();
    s.status = Tables::load_embedded(*t);
    if (s.status.ok()) s.tables = std::move(t);
    return s;
  }();
  return shared;
}

}  // namespace

Status shared_tables_status() { return shared_tables().status; }

Status add_recognizers(std::vector<std::unique_ptr<Recognizer>>& layer) {
  const Shared& s = shared_tables();
  if (!s.status.ok()) return s.status;
  const std::shared_ptr<const Tables>& shared = s.tables;
  layer.push_back(std::make_unique<DatelineRecognizer>(shared));
  layer.push_back(std::make_unique<DateRecognizer>(shared));
  return Status();
}

}  // namespace belgi::dates
