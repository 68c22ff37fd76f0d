#include "record.h"

#include <nlohmann/json.hpp>

#include "text/json_run.h"
#include "text/utf8.h"

namespace belgi::cli {

namespace {

// The common record, read without building a JSON tree: an object whose values are all strings.
// Returns false, and leaves the decision to nlohmann::json, on anything else (other values,
// malformed JSON, control characters, unpaired surrogates), so both paths give the same result
// on every line (fuzz/fuzz_jsonl.cpp compares them). The line is valid UTF-8.
class FastRecord {
 public:
  explicit FastRecord(std::string_view s) : s_(s) {}

  bool parse(Record& r) {
    ws();
    if (!eat('{')) return false;
    ws();
    if (eat('}')) return false;  // no "text": the slow path words the error
    std::string key, value;
    value.reserve(s_.size());  // the text is most of the line: no growing by doubling
    for (;;) {
      if (!string(key)) return false;
      ws();
      if (!eat(':')) return false;
      ws();
      if (!string(value)) return false;
      // Later duplicates win, as in nlohmann::json.
      if (key == "id") r.id = value;
      else if (key == "text") r.text = std::move(value), has_text_ = true;
      else if (key == "date") r.date = value;
      ws();
      if (eat('}')) break;
      if (!eat(',')) return false;
      ws();
    }
    return tail() && has_text_;
  }

 private:
  bool tail() {
    ws();
    return i_ == s_.size();
  }
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool eat(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool hex4(std::uint32_t& v) {
    if (s_.size() - i_ < 4) return false;
    v = 0;
    for (int k = 0; k < 4; ++k) {
      char c = s_[i_++];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') v |= static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') v |= static_cast<std::uint32_t>(c - 'A' + 10);
      else return false;
    }
    return true;
  }
  bool string(std::string& out) {
    out.clear();
    if (!eat('"')) return false;
    for (;;) {
      std::size_t run = i_;
      i_ = text::skip_plain_json(s_, i_);  // 8 bytes at a time, then byte by byte
      while (i_ < s_.size() && s_[i_] != '"' && s_[i_] != '\\' && static_cast<unsigned char>(s_[i_]) >= 0x20) ++i_;
      out.append(s_.data() + run, i_ - run);
      if (i_ == s_.size() || static_cast<unsigned char>(s_[i_]) < 0x20) return false;
      if (s_[i_++] == '"') return true;
      if (i_ == s_.size()) return false;
      char c = s_[i_++];
      switch (c) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          std::uint32_t cp;
          if (!hex4(cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t lo;
            if (!eat('\\') || !eat('u') || !hex4(lo) || lo < 0xDC00 || lo > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          utf8::append(out, static_cast<char32_t>(cp));
          break;
        }
        default: return false;
      }
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
  bool has_text_ = false;
};

}  // namespace

Record parse_record_tree(const std::string& line, const std::string& where) {
  Record r;
  r.id = where;
  r.status = check_utf8(line);
  if (!r.status.ok()) {
    r.status.message += " of " + where;
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

Record parse_record(const std::string& line, const std::string& where) {
  if (utf8::valid(line)) {
    Record r;
    r.id = where;
    if (FastRecord(line).parse(r)) return r;
  }
  return parse_record_tree(line, where);
}

}  // namespace belgi::cli
