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

std::string describe(const Status& status) {
  return std::string(status_code_name(status.code)) + ": " + status.message;
}

}  // namespace belgi::cli
