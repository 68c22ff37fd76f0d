// Reading data/lexicons/*.tsv for the trainer, which packs them into the model.
#include <algorithm>
#include <sstream>

#include "entities/features.h"
#include "entities/trainer.h"
#include "text/utf8.h"

namespace belgi::entities {

namespace {

// Lower-cases and joins the words of an entry with single spaces.
std::string normalize(std::string_view s) {
  std::string out;
  std::istringstream words(utf8::lower(s));
  std::string w;
  while (words >> w) out += (out.empty() ? "" : " ") + w;
  return out;
}

Status read_one(const std::string& path, LexiconLists& out) {
  std::string content;
  if (Status st = read_file(path, content); !st.ok()) return st;
  out.hash = fnv1a64(content, out.hash);
  if (Status st = check_utf8(content); !st.ok())
    return Status::error(st.code, path + ": " + st.message, st.offset);
  std::istringstream lines(content);
  std::string line;
  int no = 0;
  while (std::getline(lines, line)) {
    ++no;
    if (line.empty() || line[0] == '#') continue;
    std::size_t tab = line.find('\t');
    std::size_t tab2 = tab == std::string::npos ? tab : line.find('\t', tab + 1);
    std::uint32_t bit = 0;
    std::string cls = tab == std::string::npos ? "" : line.substr(tab + 1, tab2 == std::string::npos ? tab2 : tab2 - tab - 1);
    if (!parse_lex_class(cls, bit))
      return Status::error(StatusCode::invalid_input, path + ":" + std::to_string(no) + ": unknown class '" + cls + "'");
    std::string entry = normalize(std::string_view(line).substr(0, tab));
    if (entry.empty()) continue;
    (bit == kLexNameEnding ? out.endings : out.entries).emplace_back(entry, bit);
  }
  return Status();
}

}  // namespace

Status read_lexicons(const std::string& dir, LexiconLists& out) {
  std::vector<std::string> files;
  if (Status st = list_files(dir, ".tsv", "lexicons", files); !st.ok()) return st;
  out.hash = 0xcbf29ce484222325ull;
  for (const auto& f : files) {
    Status st = read_one(f, out);
    if (!st.ok()) return st;
  }
  return Status();
}

}  // namespace belgi::entities
