// belgi annotate: texts in, belgi/1 JSON out. One bad input never stops the others.
#include <CLI/CLI.hpp>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <system_error>
#include <thread>

#include "batch.h"
#include "batch_output.h"
#include "belgi/adaptation.h"
#include "belgi/json.h"
#include "commands.h"
#include "common.h"
#include "resources.h"

namespace belgi::cli {

namespace {

// The embedded model (2 MB of the executable) is read once through, for its checksum: the
// kernel maps file-backed pages 64 KB a fault, ~32 faults at ~12 us each here. One madvise
// maps them all at once. Only advice: an older kernel's refusal changes nothing.
void map_embedded_model() {
#ifdef MADV_POPULATE_READ
  const std::string_view bytes = resources::ner_model();
  const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
  const auto begin = reinterpret_cast<std::uintptr_t>(bytes.data()) & ~(page - 1);
  const auto end = reinterpret_cast<std::uintptr_t>(bytes.data() + bytes.size());
  madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_READ);
#endif
}

}  // namespace

std::shared_ptr<const Annotator> make_annotator(const std::string& adaptation_file,
                                               const std::string& model_file) {
  Status st;
  std::shared_ptr<const Annotator> annotator;
  if (model_file.empty()) {
    map_embedded_model();
    annotator = Annotator::create(st);
  } else {
    std::string bytes, err;
    if (!read_input(model_file, bytes, err)) {
      report(model_file, err);
      return nullptr;
    }
    annotator = Annotator::create(st, bytes);
  }
  if (!annotator) {
    report(model_file.empty() ? "resources" : model_file, describe(st));
    return nullptr;
  }
  if (adaptation_file.empty()) return annotator;
  Adaptation adaptation(*annotator);
  if (!load_adaptation(adaptation_file, *annotator, adaptation)) return nullptr;
  auto adapted = annotator->adapted(adaptation, st);
  if (!adapted) report(adaptation_file, describe(st));
  return adapted;
}

int print_version() {
  auto a = make_annotator();
  if (!a) return kExitInternal;
  Versions v = a->versions();
  std::cout << "belgi " << v.core << "\nformat " << v.format << "\nmodel " << v.model
            << " (model format " << v.model_format << ")\n";
  return kExitOk;
}

namespace {

bool parse_types(const std::string& list, TypeSet& out, std::string& err) {
  std::string unknown;
  if (!parse_type_list(list, out, &unknown)) {
    err = "unknown type '" + unknown + "'";
    return false;
  }
  if (out.empty()) err = "no types given";
  return !out.empty();
}

}  // namespace

namespace {

// The command line of `belgi annotate`, as typed, and the batch options made of it.
struct AnnotateArgs {
  std::vector<std::string> files;
  std::string offsets = "codepoint", format = "json", input = "auto", date, types, disable, adaptation, model;
  bool quiet = false;
  BatchOptions batch;
};

void add_options(CLI::App& app, AnnotateArgs& a) {
  BatchOptions& bo = a.batch;
  app.add_option("files", a.files, "text files, directories, *.jsonl files; '-' or none: stdin");
  app.add_option("--input", a.input, "input kind: auto (*.jsonl is JSONL, the rest text), text, jsonl")
      ->check(CLI::IsMember({"auto", "text", "jsonl"}));
  app.add_option("--format", a.format,
                 "json (pretty, one document per input), jsonl, or per document into --output DIR:\n"
                 "brat (.txt + .ann), conll, html")
      ->check(CLI::IsMember({"json", "jsonl", "brat", "conll", "html"}));
  app.add_option("--output,-o", bo.output, "output file (json, jsonl; default stdout) or directory");
  app.add_option("--offsets", a.offsets, "offset unit: codepoint (default), utf16 or byte")
      ->check(CLI::IsMember({"codepoint", "utf16", "byte"}));
  app.add_option("--date", a.date, "document date YYYY-MM-DD (else read from the dateline)");
  app.add_option("--types", a.types, "comma-separated span types to output (default: all)");
  app.add_option("--max-bytes", bo.annotate.max_bytes, "refuse texts larger than this many bytes");
  app.add_option("--disable", a.disable, "comma-separated recognizers to skip (model, dateline, dates, quotes)");
  app.add_option("--jobs,-j", bo.jobs, "worker threads (default: the number of cores)")
      ->check(CLI::Range(1u, 256u));
  app.add_flag("--skip-existing", bo.skip_existing, "directory output: skip documents already written");
  app.add_flag("--quiet,-q", a.quiet, "no progress bar or summary");
  app.add_option("--adaptation", a.adaptation, "annotate with what `belgi adapt` learned (its output file)");
  app.add_option("--model", a.model, "another entity model file (`belgi train --out`) instead of the built-in one");
}

// Turns the parsed arguments into batch options; false (after a report) on a usage error.
bool make_batch_options(AnnotateArgs& a) {
  BatchOptions& bo = a.batch;
  bo.annotate.document_date = a.date;
  bo.annotate.disable = split_list(a.disable);
  std::string err;
  if (!a.types.empty() && !parse_types(a.types, bo.annotate.types, err)) {
    report("--types", err);
    return false;
  }
  parse_offset_unit(a.offsets, bo.offsets);
  bo.format = a.format == "jsonl" ? OutputFormat::jsonl : a.format == "brat" ? OutputFormat::brat
            : a.format == "conll" ? OutputFormat::conll : a.format == "html" ? OutputFormat::html
            : OutputFormat::json;
  bo.input = a.input == "text" ? InputFormat::text : a.input == "jsonl" ? InputFormat::jsonl
           : InputFormat::auto_detect;
  if (directory_output(bo.format) && bo.output.empty()) {
    report("--output", "--format " + a.format + " writes one file per document: give --output DIR");
    return false;
  }
  bo.inputs = a.files.empty() ? std::vector<std::string>{"-"} : a.files;
  bo.progress = !a.quiet && isatty(2);
  return true;
}

// With more than one job, the rule tables of dates and quotes (process-wide, built once) are built
// on a second thread while this one loads the entity model: the serial start-up before the pool
// is then the longer of the two, not their sum. With one job the user asked for one core.
std::shared_ptr<const Annotator> make_annotator_for(const AnnotateArgs& a) {
  std::thread tables;
  if (a.batch.jobs > 1) {
    try {
      tables = std::thread([] { Annotator::prepare_shared(); });  // its status: create() reports it
    } catch (const std::system_error&) {
      // no thread to be had: the tables are built in create() as with one job
    }
  }
  auto annotator = make_annotator(a.adaptation, a.model);
  if (tables.joinable()) tables.join();
  return annotator;
}

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || __has_feature(thread_sanitizer)
#define BELGI_EXIT_NORMALLY 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define BELGI_EXIT_NORMALLY 1
#endif

// The end of a batch: every output written and closed (run_batch's output file, directory
// outputs file by file; std::cerr unbuffered, std::cout unused but flushed all the same). What
// is left before the exit frees memory the end of the process frees anyway: the model, the
// calling thread's caches, the rule tables (~0.4 M instructions and a few munmap calls). Under
// the sanitizers the process ends normally, for the leak check.
int end_process(int rc) {
#ifdef BELGI_EXIT_NORMALLY
  return rc;
#else
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);  // any C stream too: _Exit flushes nothing
  std::_Exit(rc);
#endif
}

}  // namespace

int run_annotate(int argc, char** argv) {
  CLI::App app{"Annotate Kazakh texts: files, directories (*.txt, recursive), JSONL records\n"
               "({\"id\", \"text\", \"date\"?} per line) or standard input; output in input order",
               "belgi annotate"};
  AnnotateArgs args;
  args.batch.jobs = std::max(1u, std::thread::hardware_concurrency());
  add_options(app, args);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  if (!make_batch_options(args)) return kExitUsage;
  auto annotator = make_annotator_for(args);
  if (!annotator) return args.adaptation.empty() && args.model.empty() ? kExitInternal : kExitUsage;
  // A malformed --date is a usage error, found before any input is read.
  Result probe = annotator->annotate("", args.batch.annotate);
  if (probe.status.code == StatusCode::invalid_argument) {
    report("--date", probe.status.message);
    return kExitUsage;
  }
  BatchStats stats;
  return end_process(run_batch(*annotator, args.batch, stats));
}

}  // namespace belgi::cli
