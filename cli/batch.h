// Batch annotation: many inputs (files, directories, JSONL records) through a pool of worker
// threads, results written in input order, memory bounded by a window of documents in flight.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "belgi/annotator.h"
#include "belgi/offsets.h"

namespace belgi::cli {

enum class InputFormat { auto_detect, text, jsonl };
enum class OutputFormat { json, jsonl, brat, conll, html };

struct BatchOptions {
  std::vector<std::string> inputs;  // files, directories (recursive *.txt), "-" for stdin
  InputFormat input = InputFormat::auto_detect;  // auto: *.jsonl files are JSONL, the rest text
  OutputFormat format = OutputFormat::json;
  std::string output;       // json/jsonl: a file ("" = stdout); brat/conll/html: a directory
  OffsetUnit offsets = OffsetUnit::codepoint;
  Options annotate;         // document date, types, size limit, disabled recognizers
  unsigned jobs = 1;        // worker threads
  bool skip_existing = false;  // directory output: skip documents whose output exists
  bool progress = false;    // progress bar and summary on stderr
};

struct BatchStats {
  std::size_t documents = 0, failed = 0, skipped = 0;
  std::size_t bytes = 0;  // text bytes annotated
  double seconds = 0;
};

// Runs the batch. Returns the exit code (0 ok, 1 some inputs failed, 3 output not writable).
int run_batch(const Annotator& annotator, const BatchOptions& options, BatchStats& stats);

}  // namespace belgi::cli
