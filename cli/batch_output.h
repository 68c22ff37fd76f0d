// Batch output: where a document's results go (file names from ids, resumable folders) and
// writing them in input order, whole or not at all.
#pragma once
#include <cstddef>
#include <map>
#include <ostream>
#include <string>

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

// Takes the results in input order: writes them (to the output stream, or into the folder),
// reports failures on stderr and counts them in the stats.
class ResultWriter {
 public:
  ResultWriter(const BatchOptions& opt, std::ostream& out, BatchStats& stats)
      : opt_(opt), out_(out), stats_(stats) {}
  // Returns false when the output cannot be written (the batch stops).
  bool write(Done&& d);
  // 0 ok, 1 some inputs failed, 3 output not writable.
  int exit_code() const { return rc_; }

 private:
  void claim_name(Done& d);
  void fail(const Done& d);

  const BatchOptions& opt_;
  std::ostream& out_;
  BatchStats& stats_;
  std::map<std::string, std::string> names_;  // output name -> id of the document that has it
  int rc_ = 0;
};

}  // namespace belgi::cli
