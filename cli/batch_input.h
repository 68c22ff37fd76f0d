// Batch input: the documents of a batch, in order, from files, folders (*.txt) and JSONL records,
// streamed one at a time.
#pragma once
#include <cstddef>
#include <functional>
#include <string>

#include "batch.h"

namespace belgi::cli {

// One document to annotate, or an input that already failed (status set).
struct Job {
  std::size_t seq = 0;
  std::string id;      // reported in output and errors
  std::string name;    // output file stem for directory formats
  std::string text;
  std::string date;    // per-record document date (JSONL "date"), overrides the option
  Status status;       // non-ok: report this error instead of annotating
  bool skip = false;   // --skip-existing found its output
  bool utf8_known = false;  // text from a JSONL line validated when parsed: not scanned again
  // A JSONL line not parsed yet: the worker parses it (finish_record), so that parsing runs
  // in parallel rather than on the one reader thread.
  std::string record, where;
  bool parse = false;
};

// Calls emit(job) for every document of the inputs, in order; stops early if emit returns false.
void read_inputs(const BatchOptions& opt, const std::function<bool(Job&&)>& emit);

// Parses a job's JSONL record: id, output name, date and text, or the record's error in their
// place; --skip-existing is checked here too.
void finish_record(const BatchOptions& opt, Job& j);

// The total size of the inputs in bytes, or 0 when unknown (standard input).
std::size_t total_size(const BatchOptions& opt);

}  // namespace belgi::cli
