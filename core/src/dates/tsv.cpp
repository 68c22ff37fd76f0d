#include "dates/tsv.h"

#include <algorithm>
#include <unordered_set>

namespace belgi::dates {

namespace {

std::vector<std::string> split_tabs(std::string_view line, std::size_t columns) {
  std::vector<std::string> cells;
  cells.reserve(columns);  // a row's cells without regrowing (3 or 4 of them)
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    cells.emplace_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) return cells;
    start = tab + 1;
  }
}

}  // namespace

Status tsv_error(std::string_view name, std::size_t line, const std::string& message) {
  return Status::error(StatusCode::invalid_model,
                       std::string(name) + ":" + std::to_string(line) + ": " + message);
}

Status parse_tsv(std::string_view name, std::string_view bytes,
                 const std::vector<std::string>& columns, std::vector<TsvRow>& rows) {
  rows.clear();
  if (bytes.empty()) return tsv_error(name, 0, "missing or empty table");
  bool header_seen = false;
  std::unordered_set<std::string_view> ids;  // views of `bytes`: no copy of each id
  ids.reserve(static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1);
  std::size_t line_no = 0;
  for (std::size_t pos = 0; pos < bytes.size();) {
    std::size_t nl = bytes.find('\n', pos);
    std::string_view line = bytes.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    pos = nl == std::string_view::npos ? bytes.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells = split_tabs(line, columns.size());
    if (!header_seen) {
      if (cells != columns) return tsv_error(name, line_no, "unexpected column header");
      header_seen = true;
      continue;
    }
    if (cells.size() != columns.size())
      return tsv_error(name, line_no, "expected " + std::to_string(columns.size()) +
                                          " columns, found " + std::to_string(cells.size()));
    for (std::size_t c = 0; c < cells.size(); ++c)
      if (cells[c].empty()) return tsv_error(name, line_no, "empty cell '" + columns[c] + "'");
    if (!ids.insert(line.substr(0, cells[0].size())).second)  // cells[0] is line's first field
      return tsv_error(name, line_no, "duplicate id '" + cells[0] + "'");
    rows.push_back(TsvRow{line_no, std::move(cells)});
  }
  if (!header_seen) return tsv_error(name, line_no, "no column header");
  if (rows.empty()) return tsv_error(name, line_no, "no rows");
  return Status();
}

}  // namespace belgi::dates
