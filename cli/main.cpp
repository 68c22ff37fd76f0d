// belgi: command-line front end to the core. Subcommands: annotate, tag, eval, latin, adapt, train.
#include <cstring>
#include <iostream>
#include <string>

#include "belgi/annotator.h"
#include "commands.h"
#include "common.h"
#include "memory_policy.h"

namespace {

const char* kUsage =
    "belgi - marks up Kazakh news text: named entities, dates and times, quotes\n"
    "\n"
    "usage: belgi <command> [options] [args]\n"
    "\n"
    "commands:\n"
    "  annotate [FILE...|-]   annotate texts, print JSON (format belgi/1, docs/format.md)\n"
    "  tag [FILE|-]           tag CoNLL tokens (one per line, blank line between sentences)\n"
    "                         and print `token TAG` in IOB2\n"
    "  eval GOLD.iob2         tag a gold CoNLL file and print strict span P/R/F1 per class\n"
    "  latin [FILE|-]         print a Latin-script Kazakh text in Cyrillic, as annotate reads it\n"
    "  adapt DOC... -o FILE   learn from corrected documents (belgi/1 JSON or JSONL) for\n"
    "                         `annotate --adaptation FILE`\n"
#ifdef BELGI_HAVE_TRAIN
    "  train                  train the entity model (see `belgi train --help`)\n"
#endif
    "\n"
    "`belgi <command> --help` shows a command's options.\n"
    "\n"
    "exit codes: 0 success, 1 some input was rejected (the rest was processed),\n"
    "            2 usage error, 3 internal error\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace belgi::cli;
  use_memory_policy();  // the process's own: page faults cost more than the work (memory_policy.h)
  // Nothing here writes through C stdio, so iostreams may buffer on their own: without this,
  // std::cin reads a piped JSONL stream one getc() at a time (an eighth of a batch's time).
  // Untied, because the batch reads std::cin on one thread while another writes std::cout: a
  // tied std::cin would flush std::cout from the reading thread.
  std::ios::sync_with_stdio(false);
  std::cin.tie(nullptr);
  std::cerr.tie(nullptr);
  if (argc < 2) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  std::string cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::cout << kUsage;
    return kExitOk;
  }
  if (cmd == "--version" || cmd == "-V") return print_version();
  if (cmd == "annotate") return run_annotate(argc - 1, argv + 1);
  if (cmd == "tag") return run_tag(argc - 1, argv + 1);
  if (cmd == "eval") return run_eval(argc - 1, argv + 1);
  if (cmd == "latin") return run_latin(argc - 1, argv + 1);
  if (cmd == "adapt") return run_adapt(argc - 1, argv + 1);
#ifdef BELGI_HAVE_TRAIN
  if (cmd == "train") return run_train(argc - 1, argv + 1);
#endif
  std::cerr << "belgi: unknown command '" << cmd << "'\n\n" << kUsage;
  return kExitUsage;
}
