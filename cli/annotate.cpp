// belgi annotate: texts in, belgi/1 JSON out. One bad input never stops the others.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

#include "belgi/json.h"
#include "commands.h"
#include "common.h"

namespace belgi::cli {

std::shared_ptr<const Annotator> make_annotator() {
  Status st;
  auto annotator = Annotator::create(st);
  if (!annotator) report("resources", describe(st));
  return annotator;
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
  out = TypeSet::none();
  std::size_t pos = 0;
  while (pos <= list.size()) {
    std::size_t comma = list.find(',', pos);
    if (comma == std::string::npos) comma = list.size();
    std::string name = list.substr(pos, comma - pos);
    SpanType t;
    if (!name.empty()) {
      if (!parse_type(name, t)) {
        err = "unknown type '" + name + "'";
        return false;
      }
      out.add(t);
    }
    pos = comma + 1;
  }
  if (out.empty()) err = "no types given";
  return !out.empty();
}

}  // namespace

int run_annotate(int argc, char** argv) {
  CLI::App app{"Annotate Kazakh texts and print one JSON document per input (format belgi/1)",
               "belgi annotate"};
  std::vector<std::string> files;
  std::string offsets = "codepoint", format = "json", date, types;
  std::size_t max_bytes = Options().max_bytes;
  app.add_option("files", files, "text files (UTF-8); '-' or none reads standard input");
  app.add_option("--offsets", offsets, "offset unit: codepoint (default), utf16 or byte")
      ->check(CLI::IsMember({"codepoint", "utf16", "byte"}));
  app.add_option("--format", format, "json (pretty, one document per input) or jsonl")
      ->check(CLI::IsMember({"json", "jsonl"}));
  app.add_option("--date", date, "document date YYYY-MM-DD (else read from the dateline)");
  app.add_option("--types", types, "comma-separated span types to output (default: all)");
  app.add_option("--max-bytes", max_bytes, "refuse texts larger than this many bytes");
  std::vector<std::string> disable;
  app.add_option("--disable", disable, "recognizers to skip (model, dateline, dates, quotes...)")
      ->delimiter(',');
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  Options opt;
  opt.document_date = date;
  opt.max_bytes = max_bytes;
  opt.disable = disable;
  std::string err;
  if (!types.empty() && !parse_types(types, opt.types, err)) {
    report("--types", err);
    return kExitUsage;
  }
  JsonOptions jo;
  parse_offset_unit(offsets, jo.offsets);
  jo.indent = format == "json" ? 1 : -1;
  if (files.empty()) files.push_back("-");

  auto annotator = make_annotator();
  if (!annotator) return kExitInternal;
  // A malformed --date is a usage error, found before any input is read.
  Result probe = annotator->annotate("", opt);
  if (probe.status.code == StatusCode::invalid_argument) {
    report("--date", probe.status.message);
    return kExitUsage;
  }
  int rc = kExitOk;
  for (const std::string& file : files) {
    jo.id = file == "-" ? "" : file;
    std::string text;
    if (!read_input(file, text, err)) {
      report(file, "cannot read: " + err);
      if (format == "jsonl")
        std::cout << error_json(Status::error(StatusCode::invalid_input, "cannot read: " + err), jo)
                  << "\n";
      rc = std::max(rc, kExitBadInput);
      continue;
    }
    Result res = annotator->annotate(text, opt);
    if (!res.status.ok()) {
      report(file, describe(res.status));
      if (format == "jsonl") std::cout << error_json(res.status, jo) << "\n";
      rc = std::max(rc, res.status.code == StatusCode::internal ? kExitInternal : kExitBadInput);
      continue;
    }
    std::cout << to_json(text, res, jo) << "\n";
  }
  std::cout.flush();
  return rc;
}

}  // namespace belgi::cli
