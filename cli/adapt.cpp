// belgi adapt: corrected documents in, an adaptation of the entity model out (belgi/adaptation.h).
// Documents are learned in the order given (a directory's files in name order, a JSONL file's
// lines in order): the same inputs give the same bytes. One bad document is reported and
// skipped; the others are still learned.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "belgi/adaptation.h"
#include "belgi/json.h"
#include "commands.h"
#include "common.h"

namespace belgi::cli {

namespace fs = std::filesystem;

bool load_adaptation(const std::string& file, const Annotator& base, Adaptation& out) {
  std::string bytes, err;
  if (!read_input(file, bytes, err)) {
    report(file, err);
    return false;
  }
  Status st = Adaptation::parse(bytes, base, out);
  if (!st.ok()) report(file, st.message);
  return st.ok();
}

namespace {

struct AdaptRun {
  Adaptation adaptation;
  int learned = 0, rejected = 0;
  std::size_t skipped = 0;
};

// Learns one document (one JSON text); `where` names it in messages.
void learn_one(AdaptRun& run, std::string_view json, const std::string& where) {
  std::string text;
  std::vector<Span> spans;
  Status st = parse_document(json, text, spans);
  std::size_t skipped = 0;
  if (st.ok()) st = run.adaptation.learn(text, spans, &skipped);
  if (!st.ok()) {
    report(where, describe(st));
    ++run.rejected;
    return;
  }
  ++run.learned;
  run.skipped += skipped;
}

// The documents of `path`: a directory's *.json and *.jsonl files (recursively, in name order),
// or the file itself. false after a report if it cannot be read.
bool list_inputs(const std::string& path, std::vector<std::string>& out) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    out.push_back(path);
    return true;
  }
  std::vector<std::string> found;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string ext = it->path().extension().string();
    if (it->is_regular_file() && (ext == ".json" || ext == ".jsonl")) found.push_back(it->path().string());
  }
  if (ec) {
    report(path, ec.message());
    return false;
  }
  std::sort(found.begin(), found.end());
  out.insert(out.end(), found.begin(), found.end());
  return true;
}

// One file: a JSONL file (by its extension) is a document per non-empty line, anything else one document.
void learn_file(AdaptRun& run, const std::string& file) {
  std::string content, err;
  if (!read_input(file, content, err)) {
    report(file, err);
    ++run.rejected;
    return;
  }
  if (fs::path(file).extension() != ".jsonl") {
    learn_one(run, content, file);
    return;
  }
  std::istringstream in(content);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n)
    if (line.find_first_not_of(" \t\r") != std::string::npos) learn_one(run, line, file + ":" + std::to_string(n));
}

}  // namespace

int run_adapt(int argc, char** argv) {
  CLI::App app{"Learn from corrected documents: belgi/1 JSON as `belgi annotate` prints it and the\n"
               "page exports it (the spans taken as the whole truth), one per .json file or a line\n"
               "of a .jsonl file; writes an adaptation for `belgi annotate --adaptation FILE`",
               "belgi adapt"};
  std::vector<std::string> inputs;
  std::string out, from, model;
  app.add_option("documents", inputs, "files (*.json, *.jsonl) or directories of them")->required();
  app.add_option("--output,-o", out, "the adaptation file to write")->required();
  Adaptation::Settings settings;
  app.add_option("--step", settings.step, "perceptron step in model weight units (for measuring; 0 = default)");
  app.add_option("--epochs", settings.epochs, "passes over each document (for measuring; 0 = default)");
  app.add_option("--word-factor", settings.word_factor, "step on a word's own features, in steps (for measuring; 0 = default)");
  app.add_option("--from", from, "go on from this adaptation (default: start empty)");
  app.add_option("--model", model, "adapt this entity model file (`belgi train --out`), not the built-in one");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  auto base = make_annotator("", model);
  if (!base) return model.empty() ? kExitInternal : kExitUsage;
  AdaptRun run{Adaptation(*base)};
  if (!from.empty() && !load_adaptation(from, *base, run.adaptation)) return kExitUsage;
  run.adaptation.configure(settings);
  std::vector<std::string> files;
  for (const std::string& p : inputs)
    if (!list_inputs(p, files)) ++run.rejected;
  for (const std::string& f : files) learn_file(run, f);
  std::ofstream os(out, std::ios::binary);
  const std::string bytes = run.adaptation.serialize();
  os.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!os.flush()) {
    report(out, "cannot write");
    return kExitInternal;
  }
  std::cerr << "belgi adapt: learned from " << run.learned << " document(s)"
            << (run.rejected ? ", " + std::to_string(run.rejected) + " rejected" : "") << "; "
            << run.skipped << " span(s) skipped (overlapping or empty); " << run.adaptation.documents()
            << " document(s) in all, " << run.adaptation.weights() << " weights, " << bytes.size()
            << " bytes -> " << out << "\n";
  return run.rejected ? kExitBadInput : kExitOk;
}

}  // namespace belgi::cli
