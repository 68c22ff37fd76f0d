#include "common.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <system_error>

#include "text/huge_pages.h"

namespace belgi::cli {

bool read_input(const std::string& path, std::string& out, std::string& err) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    out = ss.str();
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    err = std::strerror(errno);
    return false;
  }
  // A file's size known: one buffer, in huge pages when large (a document of megabytes took
  // ~1,000 page faults growing one character at a time); the read stops at the true end anyway.
  out.clear();
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec) {
    out.reserve(size);
    text::advise_huge_pages(out.data(), out.capacity());
  }
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk), in.gcount() > 0) out.append(chunk, static_cast<std::size_t>(in.gcount()));
  if (in.bad()) {
    err = "read error";
    return false;
  }
  return true;
}

void report(const std::string& where, const std::string& message) {
  std::cerr << "belgi: " << (where == "-" ? "<stdin>" : where) << ": " << message << "\n";
}

std::vector<std::string> split_list(const std::string& list) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= list.size()) {
    std::size_t comma = list.find(',', pos);
    if (comma == std::string::npos) comma = list.size();
    if (comma > pos) out.push_back(list.substr(pos, comma - pos));
    pos = comma + 1;
  }
  return out;
}

std::string describe(const Status& status) {
  return std::string(status_code_name(status.code)) + ": " + status.message;
}

}  // namespace belgi::cli
