// Subcommand entry points. Each gets argv starting at its own name.
#pragma once
#include <memory>

#include "belgi/annotator.h"

namespace belgi::cli {

int run_annotate(int argc, char** argv);
int run_tag(int argc, char** argv);
int run_eval(int argc, char** argv);
int run_latin(int argc, char** argv);  // cli/latin.cpp
int print_version();

// The annotator built from the embedded resources, or nullptr after printing why.
std::shared_ptr<const Annotator> make_annotator();

}  // namespace belgi::cli

#ifdef BELGI_HAVE_TRAIN
int run_train(int argc, char** argv);  // cli/train.cpp: belgi train (native only)
#endif
