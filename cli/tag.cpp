// belgi tag / belgi eval: the entity layer on pre-tokenized CoNLL input (KazNERD files).
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>

#include "commands.h"
#include "common.h"
#include "entities/iob2.h"

namespace belgi::cli {

namespace {

// Reads and parses a CoNLL file; prints the error with its line on failure.
bool load_conll(const std::string& path, std::vector<iob2::Sentence>& out) {
  std::string content, err;
  if (!read_input(path, content, err)) {
    report(path, "cannot read: " + err);
    return false;
  }
  Status st = iob2::parse_conll(content, out);
  if (!st.ok()) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < st.offset && i < content.size(); ++i) line += content[i] == '\n';
    report(path + ":" + std::to_string(line), describe(st) + " (byte " + std::to_string(st.offset) + ")");
    return false;
  }
  return true;
}

// Tags every sentence; a sentence the core refuses gets all-O tags and an error on stderr.
int tag_all(const Annotator& a, const Options& opt, const std::string& path,
            const std::vector<iob2::Sentence>& sents, std::vector<std::vector<std::string>>& tags) {
  int rc = kExitOk;
  tags.clear();
  for (const iob2::Sentence& s : sents) {
    TagResult r = a.tag(s.tokens, opt);
    if (!r.status.ok()) {
      report(path + ":" + std::to_string(s.line), describe(r.status));
      r.tags.assign(s.tokens.size(), "O");
      rc = kExitBadInput;
    }
    tags.push_back(std::move(r.tags));
  }
  return rc;
}

void write_tagged(std::ostream& out, const std::vector<iob2::Sentence>& sents,
                  const std::vector<std::vector<std::string>>& tags) {
  for (std::size_t i = 0; i < sents.size(); ++i) {
    for (std::size_t j = 0; j < sents[i].tokens.size(); ++j)
      out << sents[i].tokens[j] << ' ' << tags[i][j] << '\n';
    out << '\n';
  }
}

int parse_or_exit(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  return -1;
}

// What `tag` and `eval` share: the --disable option, parsing the command line, then loading the
// CoNLL file and tagging all its sentences.
struct Tagging {
  std::string disable, adaptation, model;
  std::vector<iob2::Sentence> sents;
  std::vector<std::vector<std::string>> tags;
  int rc = kExitOk;  // tag_all's code

  explicit Tagging(CLI::App& app) {
    app.add_option("--disable", disable, "comma-separated recognizers to skip (model, dateline, dates)");
    app.add_option("--adaptation", adaptation, "tag with what `belgi adapt` learned (its output file)");
    app.add_option("--model", model, "another entity model file (`belgi train --out`) instead of the built-in one");
  }
  // Returns an exit code when it cannot go on (help, usage error, no annotator, unreadable file),
  // else -1.
  int run(CLI::App& app, int argc, char** argv, const std::string& file) {
    if (int stop = parse_or_exit(app, argc, argv); stop >= 0) return stop;
    Options opt;
    opt.disable = split_list(disable);
    auto a = make_annotator(adaptation, model);
    if (!a) return adaptation.empty() && model.empty() ? kExitInternal : kExitUsage;
    if (!load_conll(file, sents)) return kExitBadInput;
    rc = tag_all(*a, opt, file, sents, tags);
    return -1;
  }
};

}  // namespace

int run_tag(int argc, char** argv) {
  CLI::App app{"Tag CoNLL tokens (first column; one per line, blank line between sentences)\n"
               "and print `token TAG` with predicted IOB2 tags",
               "belgi tag"};
  std::string file = "-";
  app.add_option("file", file, "CoNLL file; '-' or none reads standard input");
  Tagging t(app);
  if (int stop = t.run(app, argc, argv, file); stop >= 0) return stop;
  write_tagged(std::cout, t.sents, t.tags);
  return t.rc;
}

int run_eval(int argc, char** argv) {
  CLI::App app{"Tag the tokens of a gold CoNLL file and print strict IOB2 span precision,\n"
               "recall and F1 per class and micro-averaged (as seqeval's strict mode)",
               "belgi eval"};
  std::string gold, pred_out;
  app.add_option("gold", gold, "gold file: `token TAG` per line")->required();
  app.add_option("--pred", pred_out, "also write the predictions to this file");
  Tagging t(app);
  if (int stop = t.run(app, argc, argv, gold); stop >= 0) return stop;
  iob2::Scores scores;
  for (std::size_t i = 0; i < t.sents.size(); ++i) scores.add(t.sents[i].tags, t.tags[i]);
  std::cout << scores.table();
  if (!pred_out.empty()) {
    std::ofstream out(pred_out);
    write_tagged(out, t.sents, t.tags);
    if (!out) {
      report(pred_out, "cannot write");
      return kExitBadInput;
    }
  }
  return t.rc;
}

}  // namespace belgi::cli
