#include "dates/dates.h"

#include "dates/dateline.h"
#include "dates/numeric.h"

namespace belgi::dates {

Status add_recognizers(std::vector<std::unique_ptr<Recognizer>>& layer) {
  layer.push_back(std::make_unique<DatelineRecognizer>());
  layer.push_back(std::make_unique<NumericDateRecognizer>());
  return Status();
}

}  // namespace belgi::dates
