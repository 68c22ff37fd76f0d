// Batch output: where a document's results go (file names from ids, resumable folders) and
// writing them in input order, whole or not at all.
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "batch.h"

namespace belgi::cli {

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

// ".ann", ".conll", ".html" for the directory formats, "" for the others.
const char* extension(OutputFormat f);
// brat, conll and html write one file (or two) per document into a directory.
bool directory_output(OutputFormat f);
// A file name from a record id, reversibly: ASCII letters, digits, '-', '_', '.' and the bytes of
// non-ASCII UTF-8 letters are kept, every other byte (and '%' itself) becomes %XX, so two ids
// never share a name (`a/b` → `a%2Fb`, `a_b` stays). A leading '.' is escaped too (no hidden
// files, no `..`). An empty id gets `doc-N`; an id too long for a file name is cut and a hash of
// the whole id appended. Names that still meet (two text files `x.txt` from two folders) are
// caught when writing (run_batch).
std::string safe_name(const std::string& id, std::size_t seq);
// --skip-existing: is a whole result for this document already there? Files are written to a
// temporary name and renamed (write_file), so a killed run leaves no partial result under the
// final name; results from elsewhere are checked too: an HTML page must end with its closing
// tag, a CoNLL file with the blank line after its last sentence, and a brat pair must have both
// files, the .txt holding exactly this document's text (the .ann is renamed in last).
bool complete_output(const BatchOptions& opt, const std::string& name, const std::string& text);

// The json/jsonl output, a file or standard output, written with writev: the documents of a
// batch and their newlines in one call. Through std::ofstream each document was a writev of its
// own (libstdc++'s buffer passes a string of 1 KB or more straight through): 856 calls on the
// benchmark corpus, ~160 now (one per batch of 16 KB of input), with no copy of the documents.
class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();
  // Creates (truncates) the file, or takes standard output for ""; false if it cannot.
  bool open(const std::string& path);
  // Queues `line` and a newline for the next flush().
  void add(std::string&& line);
  // Writes what is queued, in order. False once a write has failed (what is queued then, and
  // later, is dropped).
  bool flush();

 private:
  int fd_ = -1;
  bool own_ = false, ok_ = true;
  std::vector<std::string> lines_;
};

// Takes the results in input order: writes them (to the output stream, or into the folder),
// reports failures on stderr and counts them in the stats.
class ResultWriter {
 public:
  ResultWriter(const BatchOptions& opt, BatchStats& stats) : opt_(opt), stats_(stats) {}
  // Opens the output file (json, jsonl; stdout when none is given); false after a report if it
  // cannot be written.
  bool open();
  // Returns false when the output cannot be written (the batch stops). The documents go out at
  // the next flush() (the end of their batch), or at once when the batch stops.
  bool write(Done&& d);
  // Writes the documents written since the last flush; false (after a report) on an error.
  bool flush();
  // 0 ok, 1 some inputs failed, 3 output not writable.
  int exit_code() const { return rc_; }

 private:
  void claim_name(Done& d);
  void fail(Done& d);

  const BatchOptions& opt_;
  OutputFile out_;
  BatchStats& stats_;
  std::map<std::string, std::string> names_;  // output name -> id of the document that has it
  int rc_ = 0;
};

}  // namespace belgi::cli
