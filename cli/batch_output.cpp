#include "batch_output.h"

#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "common.h"
#include "text/hash.h"

namespace fs = std::filesystem;

namespace belgi::cli {

const char* extension(OutputFormat f) {
  switch (f) {
    case OutputFormat::brat: return ".ann";
    case OutputFormat::conll: return ".conll";
    case OutputFormat::html: return ".html";
    default: return "";
  }
}

bool directory_output(OutputFormat f) {
  return f == OutputFormat::brat || f == OutputFormat::conll || f == OutputFormat::html;
}

std::string safe_name(const std::string& id, std::size_t seq) {
  if (id.empty()) return "doc-" + std::to_string(seq);
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < id.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(id[i]);
    bool keep = std::isalnum(c) || c == '-' || c == '_' || (c == '.' && i > 0) || c >= 0x80;
    if (keep) out += char(c);
    else out += {'%', hex[c >> 4], hex[c & 15]};
  }
  constexpr std::size_t kMaxName = 200;  // file systems allow 255 bytes; room for extensions
  if (out.size() > kMaxName) {
    std::size_t cut = kMaxName - 17;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8
    char tail[18];
    std::snprintf(tail, sizeof tail, "~%016llx", static_cast<unsigned long long>(text::fnv1a64(id)));
    out = out.substr(0, cut) + tail;
  }
  return out;
}

namespace {

// Whether a file ends with `tail`, reading only its last bytes (a resumed batch checks every
// result it skips).
bool file_ends_with(const std::string& path, std::string_view tail) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return false;
  const std::streamoff size = in.tellg();
  if (size < static_cast<std::streamoff>(tail.size())) return false;
  std::string last(tail.size(), '\0');
  in.seekg(size - static_cast<std::streamoff>(tail.size()));
  return static_cast<bool>(in.read(&last[0], static_cast<std::streamsize>(last.size()))) && last == tail;
}

// Writes a file whole or not at all: into a hidden temporary name beside it, then renamed over
// the final name, so a run killed mid-write never leaves a partial result that a resumed run
// (--skip-existing) would trust.
bool write_file(const fs::path& path, const std::string& data) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  fs::path tmp = path.parent_path() / ("." + path.filename().string() + ".part");
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << data;
    out.flush();
    if (!out) return false;
  }
  fs::rename(tmp, path, ec);
  return !ec;
}

// A document's results in DIR: for brat the .txt first and the .ann last, so the .ann (what a
// reader of the folder looks for) exists only beside a whole .txt.
bool write_result(const BatchOptions& opt, const Done& d) {
  fs::path base = fs::path(opt.output) / d.name;
  if (opt.format == OutputFormat::brat && !write_file(base.string() + ".txt", d.text)) return false;
  return write_file(base.string() + extension(opt.format), d.main);
}

}  // namespace

OutputFile::~OutputFile() {
  if (own_) ::close(fd_);
}

bool OutputFile::open(const std::string& path) {
  if (path.empty()) {
    fd_ = STDOUT_FILENO;
    return true;
  }
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  own_ = fd_ >= 0;
  return own_;
}

void OutputFile::add(std::string&& line) { lines_.push_back(std::move(line)); }

bool OutputFile::flush() {
  static char newline = '\n';
  constexpr std::size_t kMaxIov = 1024;  // Linux's UIO_MAXIOV: the most one writev takes
  std::vector<iovec> iov;
  iov.reserve(2 * lines_.size());
  for (std::string& s : lines_) {
    if (!s.empty()) iov.push_back(iovec{&s[0], s.size()});
    iov.push_back(iovec{&newline, 1});
  }
  for (std::size_t i = 0; ok_ && i < iov.size();) {
    const ssize_t n = ::writev(fd_, iov.data() + i, static_cast<int>(std::min(iov.size() - i, kMaxIov)));
    if (n < 0) {
      if (errno != EINTR) ok_ = false;
      continue;
    }
    for (auto left = static_cast<std::size_t>(n); left > 0;) {  // a partial write: on from where it stopped
      const std::size_t k = std::min(left, iov[i].iov_len);
      iov[i].iov_base = static_cast<char*>(iov[i].iov_base) + k;
      iov[i].iov_len -= k;
      left -= k;
      if (iov[i].iov_len == 0) ++i;
    }
  }
  lines_.clear();
  return ok_;
}

bool complete_output(const BatchOptions& opt, const std::string& name, const std::string& text) {
  if (!opt.skip_existing || !directory_output(opt.format)) return false;
  const std::string base = (fs::path(opt.output) / name).string();
  std::error_code ec;
  switch (opt.format) {
    case OutputFormat::html: return file_ends_with(base + extension(opt.format), "</html>\n");
    case OutputFormat::conll: return file_ends_with(base + extension(opt.format), "\n\n");
    case OutputFormat::brat: {
      std::string data, err;
      return fs::is_regular_file(base + ".ann", ec) && read_input(base + ".txt", data, err) && data == text;
    }
    default: return false;
  }
}

// Directory output: gives the document its file name, or, when an earlier document of this
// batch has it already (two files `x.txt` from two folders), turns it into an error record
// naming both, so that no result silently overwrites another. Runs in input order.
void ResultWriter::claim_name(Done& d) {
  auto [it, fresh] = names_.emplace(d.name, d.id);
  if (fresh) return;
  d.skip = false;
  d.status = Status::error(StatusCode::invalid_input, "output file " + d.name + extension(opt_.format) +
                                                          " is already taken by " + it->second +
                                                          " in this batch");
}

void ResultWriter::fail(Done& d) {
  ++stats_.failed;
  report(d.id.empty() ? "-" : d.id, describe(d.status));
  rc_ = std::max(rc_, d.status.code == StatusCode::internal ? kExitInternal : kExitBadInput);
  if (opt_.format == OutputFormat::jsonl) out_.add(std::move(d.main));
}

bool ResultWriter::open() {
  if (directory_output(opt_.format) || out_.open(opt_.output)) return true;
  report(opt_.output, "cannot write");
  return false;
}

bool ResultWriter::flush() {
  if (!out_.flush() && rc_ != kExitInternal) {
    report(opt_.output.empty() ? "<stdout>" : opt_.output, "cannot write");
    rc_ = kExitInternal;
  }
  return rc_ != kExitInternal;
}

bool ResultWriter::write(Done&& d) {
  if (directory_output(opt_.format) && d.status.ok()) claim_name(d);
  if (d.skip) {
    ++stats_.skipped;
    return true;
  }
  ++stats_.documents;
  stats_.bytes += d.bytes;
  if (!d.status.ok()) {
    fail(d);
  } else if (directory_output(opt_.format)) {
    if (!write_result(opt_, d)) {
      report((fs::path(opt_.output) / d.name).string() + extension(opt_.format), "cannot write");
      rc_ = kExitInternal;
    }
  } else {
    out_.add(std::move(d.main));
  }
  if (rc_ != kExitInternal) return true;
  flush();  // the batch stops here: what it wrote before still goes out
  return false;
}

}  // namespace belgi::cli
