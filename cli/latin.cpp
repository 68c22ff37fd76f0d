// belgi latin: prints the Cyrillic form the annotator reads for a Latin-script Kazakh text
// (core/src/text/latin.h), or, with --words 2018|2021|2017, converts one word per line in that
// alphabet (scripts/latin-accuracy.sh measures the converter with it).
#include <iostream>
#include <string>

#include "commands.h"
#include "common.h"
#include "text/latin.h"
#include "text/utf8.h"

namespace belgi::cli {

namespace {
const char* kLatinUsage =
    "usage: belgi latin [--words 2018|2021|2017 [--table WORDS.tsv]] [FILE|-]\n"
    "  prints the text with its Latin-script Kazakh words in Cyrillic (the form the annotator\n"
    "  reads); with --words, converts each line as one word in the given alphabet, with the\n"
    "  embedded word table or the one given by --table\n";
}  // namespace

int run_latin(int argc, char** argv) {
  std::string path = "-", alphabet, table_path;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      std::cout << kLatinUsage;
      return kExitOk;
    }
    if (a == "--words" && i + 1 < argc) {
      alphabet = argv[++i];
    } else if (a == "--table" && i + 1 < argc) {
      table_path = argv[++i];
    } else if (a.size() > 1 && a[0] == '-') {
      std::cerr << "belgi latin: unknown option '" << a << "'\n" << kLatinUsage;
      return kExitUsage;
    } else {
      path = a;
    }
  }
  text::LatinAlphabet alph = text::LatinAlphabet::acute2018;
  if (alphabet == "2021") alph = text::LatinAlphabet::diaeresis2021;
  else if (alphabet == "2017") alph = text::LatinAlphabet::apostrophe2017;
  else if (!alphabet.empty() && alphabet != "2018") {
    std::cerr << "belgi latin: --words takes 2018, 2021 or 2017\n";
    return kExitUsage;
  }
  std::string text, err;
  if (!read_input(path, text, err)) {
    report(path, err);
    return kExitBadInput;
  }
  if (Status st = check_utf8(text); !st.ok()) {
    report(path, st.message);
    return kExitBadInput;
  }
  if (alphabet.empty()) {
    text::Transliteration tr = text::latin_to_cyrillic(text);
    std::cout << (tr.changed() ? tr.text() : text);
    return kExitOk;
  }
  std::shared_ptr<const text::LatinWords> table;
  if (!table_path.empty()) {
    std::string tsv;
    if (!read_input(table_path, tsv, err)) {
      report(table_path, err);
      return kExitBadInput;
    }
    table = text::parse_latin_words(tsv);
  }
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    std::cout << text::latin_word_to_cyrillic(std::string_view(text).substr(pos, eol - pos), alph,
                                              table.get())
              << '\n';
    pos = eol + 1;
  }
  return kExitOk;
}

}  // namespace belgi::cli
