// Data compiled into the library (data/ files turned into byte arrays by scripts/embed.py at
// build time, see core/CMakeLists.txt). No file is read at run time.
#pragma once
#include <string_view>

namespace belgi::resources {

std::string_view ner_model();  // data/model/ner.bin: the entity tagger (entities/model.h)

}  // namespace belgi::resources
