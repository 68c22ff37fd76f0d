#include "dates/dates.h"

#include "dates/dateline.h"
#include "dates/rules.h"

namespace belgi::dates {

namespace {
const SharedTables<Tables>& shared() { return shared_tables<Tables, &Tables::load_embedded>(); }
}  // namespace

Status shared_tables_status() { return shared().status; }

Status add_recognizers(std::vector<std::unique_ptr<Recognizer>>& layer) {
  const SharedTables<Tables>& s = shared();
  if (!s.status.ok()) return s.status;
  layer.push_back(std::make_unique<DatelineRecognizer>(s.tables));
  layer.push_back(std::make_unique<DateRecognizer>(s.tables));
  return Status();
}

}  // namespace belgi::dates
