#include "record.h"

#include <nlohmann/json.hpp>

#include "text/utf8.h"

namespace belgi::cli {

Record parse_record(const std::string& line, const std::string& where) {
  Record r;
  r.id = where;
  std::size_t bad = 0;
  if (!utf8::valid(line, &bad)) {
    r.status = Status::error(StatusCode::invalid_utf8,
                             "invalid UTF-8 at byte " + std::to_string(bad) + " of " + where, bad);
    return r;
  }
  nlohmann::json rec = nlohmann::json::parse(line, nullptr, false);
  if (rec.is_discarded() || !rec.is_object()) {
    r.status = Status::error(StatusCode::invalid_input, "invalid JSON record at " + where);
    return r;
  }
  const auto id = rec.find("id");
  if (id != rec.end()) r.id = id->is_string() ? id->get<std::string>() : id->dump();
  const auto text = rec.find("text");
  if (text == rec.end() || !text->is_string()) {
    r.status = Status::error(StatusCode::invalid_input, "record has no \"text\" string (" + where + ")");
    return r;
  }
  r.text = text->get<std::string>();
  const auto date = rec.find("date");
  if (date != rec.end() && date->is_string()) r.date = date->get<std::string>();
  return r;
}

}  // namespace belgi::cli
