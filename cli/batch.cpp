#include "batch.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cctype>
#include <condition_variable>
#include <cstring>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "belgi/json.h"
#include "common.h"
#include "formats.h"
#include "record.h"
#include "text/hash.h"

namespace fs = std::filesystem;

namespace belgi::cli {

namespace {

// One document to annotate, or an input that already failed (status set).
struct Job {
  std::size_t seq = 0;
  std::string id;      // reported in output and errors
  std::string name;    // output file stem for directory formats
  std::string text;
  std::string date;    // per-record document date (JSONL "date"), overrides the option
  Status status;       // non-ok: report this error instead of annotating
  bool skip = false;   // --skip-existing found its output
  // A JSONL line not parsed yet: the worker parses it (finish_record), so that parsing runs
  // in parallel rather than on the one reader thread.
  std::string record, where;
  bool parse = false;
};

// What a worker made of a job, ready to write.
struct Done {
  std::size_t seq = 0;
  std::string id, name;
  Status status;
  bool skip = false;
  std::size_t bytes = 0;
  std::string main;  // json/jsonl document or error record; .ann / .conll / .html contents
  std::string text;  // brat: the .txt beside the .ann
};

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

// A file name from a record id, reversibly: ASCII letters, digits, '-', '_', '.' and the bytes of
// non-ASCII UTF-8 letters are kept, every other byte (and '%' itself) becomes %XX, so two ids
// never share a name (`a/b` → `a%2Fb`, `a_b` stays). A leading '.' is escaped too (no hidden
// files, no `..`). An empty id gets `doc-N`; an id too long for a file name is cut and a hash of
// the whole id appended. Names that still meet (two text files `x.txt` from two folders) are
// caught when writing (run_batch).
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

// --skip-existing: is a whole result for this document already there? Files are written to a
// temporary name and renamed (write_file), so a killed run leaves no partial result under the
// final name; results from elsewhere are checked too: an HTML page must end with its closing
// tag, a CoNLL file with the blank line after its last sentence, and a brat pair must have both
// files, the .txt holding exactly this document's text (the .ann is renamed in last).
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

// Parses a job's JSONL record: id, output name, date and text, or the record's error in their
// place; --skip-existing is checked here too.
void finish_record(const BatchOptions& opt, Job& j) {
  j.parse = false;
  Record rec = parse_record(j.record, j.where);
  std::string().swap(j.record);
  j.id = std::move(rec.id);
  j.name = safe_name(j.id, j.seq);
  if (!rec.status.ok()) {
    j.status = Status::error(rec.status.code, rec.status.message);
    return;
  }
  j.date = std::move(rec.date);
  if (complete_output(opt, j.name, rec.text)) {
    j.skip = true;
    return;
  }
  j.text = std::move(rec.text);
}

// The *.txt files below dir, recursively, sorted (so output order never depends on the file
// system).
std::vector<fs::path> txt_files(const std::string& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".txt") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Reads lines of any length, keeping at most `limit` bytes of each (the rest is skipped and the
// line marked too long), so one giant line cannot exhaust memory.
class LineReader {
 public:
  LineReader(std::istream& in, std::size_t limit) : in_(in), limit_(limit) {}
  bool next(std::string& line, bool& too_long) {
    line.clear();
    too_long = false;
    if (!in_.good() || in_.peek() == EOF) return false;
    char buf[65536];
    for (;;) {
      in_.getline(buf, sizeof buf);
      std::size_t got = static_cast<std::size_t>(in_.gcount());
      bool ended = !in_.fail();  // a newline was consumed (gcount counts it)
      if (ended && got > 0) --got;
      if (!too_long) {
        if (line.size() + got > limit_) too_long = true;
        else line.append(buf, got);
      }
      if (ended) return true;
      if (in_.eof()) return true;
      in_.clear();  // the buffer filled up: the line goes on
    }
  }

 private:
  std::istream& in_;
  std::size_t limit_;
};

// Produces jobs from the inputs, in order, one at a time (streaming).
class Reader {
 public:
  Reader(const BatchOptions& o) : opt_(o) {}

  // Calls emit(job) for every document; stops early if emit returns false.
  template <typename Emit>
  void run(Emit emit) {
    for (const std::string& in : opt_.inputs) {
      if (in == "-") {
        if (opt_.input == InputFormat::jsonl) read_jsonl(std::cin, "<stdin>", emit);
        else text_job("-", "stdin", emit);
        continue;
      }
      std::error_code ec;
      if (fs::is_directory(in, ec)) {
        for (const fs::path& f : txt_files(in)) {
          fs::path rel = fs::relative(f, in, ec);
          std::string stem = (ec ? f.filename() : rel).replace_extension("").string();
          if (!text_job(f.string(), stem, emit)) return;
        }
        continue;
      }
      bool jsonl = opt_.input == InputFormat::jsonl ||
                   (opt_.input == InputFormat::auto_detect && fs::path(in).extension() == ".jsonl");
      if (jsonl) {
        std::ifstream f(in, std::ios::binary);
        if (!f) {
          if (!emit(failed(in, "cannot read: " + std::string(std::strerror(errno))))) return;
          continue;
        }
        if (!read_jsonl(f, in, emit)) return;
      } else {
        if (!text_job(in, fs::path(in).filename().replace_extension("").string(), emit)) return;
      }
    }
  }

 private:
  Job failed(const std::string& id, const std::string& msg, StatusCode code = StatusCode::invalid_input) {
    Job j;
    j.seq = seq_++;
    j.id = id;
    j.name = safe_name(id, j.seq);
    j.status = Status::error(code, msg);
    return j;
  }


  // One text document from a file, or from stdin for "-" (read_input handles both).
  template <typename Emit>
  bool text_job(const std::string& path, const std::string& stem, Emit& emit) {
    Job j;
    j.seq = seq_++;
    j.id = path == "-" ? "" : path;
    j.name = stem;
    std::error_code ec;
    if (path != "-" && fs::file_size(path, ec) > opt_.annotate.max_bytes && !ec) {
      j.status = Status::error(StatusCode::too_large, "file exceeds the limit of " +
                                                          std::to_string(opt_.annotate.max_bytes) + " bytes");
      return emit(std::move(j));
    }
    std::string err;
    if (!read_input(path, j.text, err)) {
      j.status = Status::error(StatusCode::invalid_input, "cannot read: " + err);
    } else if (complete_output(opt_, stem, j.text)) {
      j.skip = true;
      std::string().swap(j.text);
    }
    return emit(std::move(j));
  }

  template <typename Emit>
  bool read_jsonl(std::istream& in, const std::string& file, Emit& emit) {
    // A record holds the text plus JSON escaping: allow some headroom over the text limit.
    LineReader lines(in, opt_.annotate.max_bytes + opt_.annotate.max_bytes / 2 + 4096);
    std::string line;
    bool too_long = false;
    std::size_t line_no = 0;
    while (lines.next(line, too_long)) {
      ++line_no;
      std::string where = file + ":" + std::to_string(line_no);
      if (!too_long && line.find_first_not_of(" \t\r") == std::string::npos) continue;
      if (!emit(record(line, too_long, where))) return false;
    }
    return true;
  }

  Job record(const std::string& line, bool too_long, const std::string& where) {
    if (too_long) return failed(where, "record exceeds the size limit", StatusCode::too_large);
    Job j;  // parsed by a worker (finish_record)
    j.seq = seq_++;
    j.record = line;
    j.where = where;
    j.parse = true;
    return j;
  }

  const BatchOptions& opt_;
  std::size_t seq_ = 0;
};

Done process(const Annotator& a, const BatchOptions& opt, Job& job) {
  Done d;
  d.seq = job.seq;
  d.id = job.id;
  d.name = job.name;
  d.skip = job.skip;
  d.status = job.status;
  if (d.skip) return d;
  JsonOptions jo;
  jo.offsets = opt.offsets;
  jo.id = job.id;
  jo.indent = opt.format == OutputFormat::json ? 1 : -1;
  if (d.status.ok()) {
    Options o = opt.annotate;
    if (!job.date.empty()) o.document_date = job.date;
    Result r = a.annotate(job.text, o);
    d.status = r.status;
    d.bytes = job.text.size();
    if (r.status.ok()) {
      switch (opt.format) {
        case OutputFormat::json:
        case OutputFormat::jsonl: d.main = to_json(job.text, r, jo); break;
        case OutputFormat::brat: d.main = to_brat(job.text, r); d.text = std::move(job.text); break;
        case OutputFormat::conll: d.main = to_conll(job.text, r); break;
        case OutputFormat::html: d.main = to_html(job.text, r, job.id); break;
      }
    }
  }
  if (!d.status.ok()) d.main = error_json(d.status, jo);
  return d;
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

// Directory output: gives the document its file name, or, when an earlier document of this
// batch has it already (two files `x.txt` from two folders), turns it into an error record
// naming both, so that no result silently overwrites another. Runs in input order.
void claim_name(std::map<std::string, std::string>& names, const BatchOptions& opt, Done& d) {
  auto [it, fresh] = names.emplace(d.name, d.id);
  if (fresh) return;
  d.skip = false;
  d.status = Status::error(StatusCode::invalid_input, "output file " + d.name + extension(opt.format) +
                                                          " is already taken by " + it->second +
                                                          " in this batch");
}

// The progress line on stderr: documents, MB/s, time left (when the total size is known).
class Progress {
 public:
  Progress(bool on, std::size_t total_bytes) : on_(on), total_(total_bytes), start_(clock::now()) {}
  void update(const BatchStats& s, bool force = false) {
    if (!on_) return;
    auto now = clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double mbs = secs > 0 ? s.bytes / 1e6 / secs : 0;
    char line[160];
    int n = std::snprintf(line, sizeof line, "\r%zu documents, %zu failed, %.1f MB, %.1f MB/s",
                          s.documents, s.failed, s.bytes / 1e6, mbs);
    if (total_ > 0 && mbs > 0 && s.bytes <= total_)
      std::snprintf(line + n, sizeof line - n, ", %.0f s left   ", (total_ - s.bytes) / 1e6 / mbs);
    std::cerr << line << std::flush;
  }
  void finish(const BatchStats& s) {
    if (!on_) return;
    update(s, true);
    std::cerr << "\n";
  }

 private:
  using clock = std::chrono::steady_clock;
  bool on_;
  std::size_t total_;
  clock::time_point start_, last_;
};

std::size_t total_size(const BatchOptions& opt) {
  std::size_t total = 0;
  for (const std::string& in : opt.inputs) {
    std::error_code ec;
    if (in == "-") return 0;  // unknown
    if (fs::is_directory(in, ec)) {
      for (const fs::path& f : txt_files(in)) total += fs::file_size(f, ec);
    } else {
      total += fs::file_size(in, ec);
    }
  }
  return total;
}

}  // namespace

int run_batch(const Annotator& annotator, const BatchOptions& opt, BatchStats& stats) {
  auto t0 = std::chrono::steady_clock::now();
  std::ofstream file_out;
  std::ostream* out = &std::cout;
  if (!directory_output(opt.format) && !opt.output.empty()) {
    file_out.open(opt.output, std::ios::binary);
    if (!file_out) {
      report(opt.output, "cannot write");
      return kExitInternal;
    }
    out = &file_out;
  }
  const unsigned jobs = std::max(1u, opt.jobs);
  const std::size_t window = 8 * jobs + 8;  // documents in flight: bounds memory

  std::mutex mu;
  std::condition_variable cv_work, cv_done, cv_space;
  std::deque<Job> queue;
  std::map<std::size_t, Done> done;
  std::size_t next_write = 0, produced = 0;
  bool reading = true, abort = false;

  std::thread reader([&] {
    Reader r(opt);
    r.run([&](Job&& j) {
      std::unique_lock<std::mutex> lock(mu);
      cv_space.wait(lock, [&] { return abort || j.seq < next_write + window; });
      if (abort) return false;
      queue.push_back(std::move(j));
      ++produced;
      cv_work.notify_one();
      return true;
    });
    std::lock_guard<std::mutex> lock(mu);
    reading = false;
    cv_work.notify_all();
    cv_done.notify_all();
  });
  std::vector<std::thread> workers;
  for (unsigned w = 0; w < jobs; ++w) {
    workers.emplace_back([&] {
      for (;;) {
        Job j;
        {
          std::unique_lock<std::mutex> lock(mu);
          cv_work.wait(lock, [&] { return !queue.empty() || !reading || abort; });
          if (queue.empty()) return;
          j = std::move(queue.front());
          queue.pop_front();
        }
        if (j.parse) finish_record(opt, j);
        Done d = process(annotator, opt, j);
        std::lock_guard<std::mutex> lock(mu);
        done.emplace(d.seq, std::move(d));
        cv_done.notify_one();
      }
    });
  }

  std::map<std::string, std::string> names;  // output name -> id of the document that has it
  Progress progress(opt.progress, opt.progress ? total_size(opt) : 0);
  int rc = kExitOk;
  for (;;) {
    Done d;
    {
      std::unique_lock<std::mutex> lock(mu);
      cv_done.wait(lock, [&] { return done.count(next_write) || (!reading && next_write == produced); });
      auto it = done.find(next_write);
      if (it == done.end()) break;
      d = std::move(it->second);
      done.erase(it);
      ++next_write;
      cv_space.notify_all();
    }
    if (directory_output(opt.format) && d.status.ok()) claim_name(names, opt, d);
    if (d.skip) {
      ++stats.skipped;
      continue;
    }
    ++stats.documents;
    stats.bytes += d.bytes;
    if (!d.status.ok()) {
      ++stats.failed;
      report(d.id.empty() ? "-" : d.id, describe(d.status));
      rc = std::max(rc, d.status.code == StatusCode::internal ? kExitInternal : kExitBadInput);
      if (opt.format == OutputFormat::jsonl) *out << d.main << '\n';
    } else if (directory_output(opt.format)) {
      if (!write_result(opt, d)) {
        report((fs::path(opt.output) / d.name).string() + extension(opt.format), "cannot write");
        rc = kExitInternal;
      }
    } else {
      *out << d.main << '\n';
    }
    if (!*out) {
      report(opt.output.empty() ? "<stdout>" : opt.output, "cannot write");
      rc = kExitInternal;
    }
    if (rc == kExitInternal) {
      std::lock_guard<std::mutex> lock(mu);
      abort = true;
      cv_space.notify_all();
      cv_work.notify_all();
      break;
    }
    progress.update(stats);
  }
  reader.join();
  {
    std::lock_guard<std::mutex> lock(mu);
    abort = true;
    cv_work.notify_all();
  }
  for (auto& w : workers) w.join();
  out->flush();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  progress.finish(stats);
  return rc;
}

}  // namespace belgi::cli
