#include "common.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

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
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
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
