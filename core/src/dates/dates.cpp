#include "dates/dates.h"

#include "dates/dateline.h"
#include "dates/rules.h"

namespace belgi::dates {

Status add_recognizers(std::vector<std::unique_ptr<Recognizer>>& layer) {
  auto tables = std::make_shared<Tables>();
  Status st = Tables::load_embedded(*tables);
  if (!st.ok()) return st;
  std::shared_ptr<const Tables> shared = tables;
  layer.push_back(std::make_unique<DatelineRecognizer>(shared));
  layer.push_back(std::make_unique<DateRecognizer>(shared));
  return Status();
}

}  // namespace belgi::dates
