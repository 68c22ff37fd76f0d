// Placeholder until the trained model lands (issue 3): an empty model that finds nothing.
#include "entities/model.h"

namespace belgi::entities {

class Model {};

Status load_model(std::string_view bytes, std::shared_ptr<const Model>& out) {
  if (!bytes.empty())
    return Status::error(StatusCode::invalid_model, "entity model: unknown format");
  out = std::make_shared<Model>();
  return Status();
}

std::string model_id(const Model&) { return "none"; }
int model_format_version() { return 0; }

void tag(const Model&, const std::vector<std::string_view>&, std::vector<TokenEntity>&) {}

}  // namespace belgi::entities
