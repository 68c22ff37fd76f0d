// Reading the rule tables (data/rules/dates/*.tsv): UTF-8, tab-separated, '#' comment lines, a
// header line that must match the expected columns, unique ids in the first column and a
// non-empty comment in the last. Errors name the file and the line.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "belgi/status.h"

namespace belgi::dates {

struct TsvRow {
  std::size_t line = 0;             // 1-based line number in the file
  std::vector<std::string> cells;   // as many as the header has columns
};

// Parses `bytes` (the contents of rules/<name>) into rows. Fails with invalid_model and a message
// "rules/dates/x.tsv:12: ..." if the header differs from `columns`, a row has another number of
// cells, an id repeats, a cell is empty or the file is empty.
Status parse_tsv(std::string_view name, std::string_view bytes,
                 const std::vector<std::string>& columns, std::vector<TsvRow>& rows);

// An error for a cell that does not parse, in the same "file:line: message" form.
Status tsv_error(std::string_view name, std::size_t line, const std::string& message);

}  // namespace belgi::dates
