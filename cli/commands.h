// Subcommand entry points. Each gets argv starting at its own name.
#pragma once
#include <memory>
#include <string>

#include "belgi/annotator.h"

namespace belgi::cli {

int run_annotate(int argc, char** argv);
int run_tag(int argc, char** argv);
int run_eval(int argc, char** argv);
int run_latin(int argc, char** argv);  // cli/latin.cpp
int run_adapt(int argc, char** argv);  // cli/adapt.cpp
int print_version();

// The annotator built from the embedded resources (or the entity model in `model_file`), with
// the adaptation in `adaptation_file` (`belgi adapt`'s output) if one is given, or nullptr after
// printing why.
std::shared_ptr<const Annotator> make_annotator(const std::string& adaptation_file = "",
                                               const std::string& model_file = "");
// Reads an adaptation file for `base` into out; false after printing why (naming the file).
bool load_adaptation(const std::string& file, const Annotator& base, class Adaptation& out);

}  // namespace belgi::cli

#ifdef BELGI_HAVE_TRAIN
int run_train(int argc, char** argv);  // cli/train.cpp: belgi train (native only)
#endif
