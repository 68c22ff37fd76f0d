#include "batch.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "batch_input.h"
#include "batch_output.h"
#include "belgi/json.h"
#include "common.h"
#include "formats.h"
#include "ordered_pool.h"
#include "pipeline/annotator_impl.h"

namespace belgi::cli {

namespace {

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
    Result r = job.utf8_known ? annotate_known_utf8(a, job.text, o) : a.annotate(job.text, o);
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

// Documents travel through the pool in batches, so that the threads hand work to each other
// (a futex wait and wake whenever one sleeps) per batch, not per document: on the 856 records
// of the benchmark corpus ~4,400 futex calls with one job became ~900 with batches of 16 KB
// (~330 with 64 KB, but then ~200 more page faults: more memory in flight, freed and touched
// again). 16 KB is ~2 ms of work, so the last batch keeps the other workers idle only briefly.
// A document larger than that goes alone.
using Batch = std::vector<Job>;
constexpr std::size_t kBatchBytes = 16 * 1024, kBatchJobs = 256;

// The pool's tail: with the input's size known (files, not stdin or directories), the batches of
// its last 4 x jobs x 16 KB shrink with what is left, to a quarter of it per job, down to 2 KB (a
// document or so), so that the workers finish together: with 16 KB batches one of them could be
// idle for most of a batch's ~2 ms at the end while the other finished its last.
std::size_t known_input_size(const BatchOptions& opt) {
  if (opt.jobs < 2) return 0;
  for (const std::string& in : opt.inputs) {
    std::error_code ec;
    if (in == "-" || std::filesystem::is_directory(in, ec)) return 0;
  }
  return total_size(opt);
}

void read_batches(const BatchOptions& opt, const std::function<bool(Batch&&)>& push) {
  constexpr std::size_t kTailBatchBytes = 2 * 1024;
  Batcher<Job> batcher(push, kBatchBytes, kBatchJobs);
  const std::size_t total = known_input_size(opt), per_tail = 4 * std::max(1u, opt.jobs);
  std::size_t seen = 0;
  bool go_on = true;
  read_inputs(opt, [&](Job&& j) {
    const std::size_t bytes = j.text.size() + j.record.size();
    seen += bytes + 1;  // a record's newline
    if (total > seen && total - seen < per_tail * kBatchBytes)
      batcher.set_max_bytes(std::max(kTailBatchBytes, (total - seen) / per_tail));
    return go_on = batcher.add(std::move(j), bytes);
  });
  if (go_on) batcher.flush();
}

std::vector<Done> process_batch(const Annotator& a, const BatchOptions& opt, Batch& batch) {
  std::vector<Done> done;
  done.reserve(batch.size());
  for (Job& j : batch) {
    if (j.parse) finish_record(opt, j);
    done.push_back(process(a, opt, j));
    std::string().swap(j.text);  // a batch's texts freed as it goes
  }
  return done;
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

// When the process began, near enough: static initialization runs before main(), microseconds
// after exec in the static executable. The start-up's wall time is measured from here.
const std::chrono::steady_clock::time_point kProcessStart = std::chrono::steady_clock::now();

// Where a batch's time went, per thread (CPU seconds, and the end in seconds after the pool
// started); the start-up before the pool is the process's CPU time less the threads', and its
// wall time the pool's start after the process's.
void print_thread_times(const std::vector<ThreadTime>& times, std::chrono::steady_clock::time_point pool_start) {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  double process = static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9, threads = 0;
  for (const ThreadTime& x : times) {
    std::fprintf(stderr, "thread %-6s cpu %.4f s, ended at %.4f s\n", x.role.c_str(), x.cpu, x.end);
    threads += x.cpu;
  }
  const double wall = std::chrono::duration<double>(pool_start - kProcessStart).count();
  std::fprintf(stderr, "before the pool: cpu %.4f s, the pool started at %.4f s\n", process - threads, wall);
}

}  // namespace

int run_batch(const Annotator& annotator, const BatchOptions& opt, BatchStats& stats) {
  auto t0 = std::chrono::steady_clock::now();
  ResultWriter writer(opt, stats);
  if (!writer.open()) return kExitInternal;
  Progress progress(opt.progress, opt.progress ? total_size(opt) : 0);
  const unsigned jobs = std::max(1u, opt.jobs);
  OrderedPool<Batch, std::vector<Done>> pool(jobs, 4 * jobs + 4);  // batches in flight: bounds memory
  const auto pool_start = std::chrono::steady_clock::now();
  pool.run([&](const OrderedPool<Batch, std::vector<Done>>::Push& push) { read_batches(opt, push); },
           [&](Batch& batch) { return process_batch(annotator, opt, batch); },
           [&](std::vector<Done>&& done) {
             for (Done& d : done) {
               if (!writer.write(std::move(d))) return false;
               progress.update(stats);
             }
             return writer.flush();  // the batch's documents in one write
           });
  writer.flush();
  if (std::getenv("BELGI_THREAD_TIMES")) print_thread_times(pool.times(), pool_start);
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  progress.finish(stats);
  return writer.exit_code();
}

}  // namespace belgi::cli
