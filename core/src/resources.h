// Data compiled into the library: the files under data/model/ and data/rules/, turned into byte arrays by scripts/embed.py at build time (see
// core/CMakeLists.txt). No file is read at run time.
#pragma once
#include <string_view>

namespace belgi::resources {

// The bytes of data/<name> (e.g. "rules/months.tsv"), or an empty view if no such file was
// embedded.
std::string_view file(std::string_view name);

// data/model/ner.bin: the entity tagger (entities/model.h).
inline std::string_view ner_model() { return file("model/ner.bin"); }

}  // namespace belgi::resources
