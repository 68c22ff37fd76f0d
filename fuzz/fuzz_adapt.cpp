// Learning from corrections on whatever arrives: an imported adaptation file (the page's import,
// `--adaptation FILE`) or a corrected document (`belgi adapt`, the page's learn()). First byte:
// even = adaptation bytes, odd = a document. What is accepted must round-trip exactly.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "belgi/adaptation.h"
#include "belgi/annotator.h"
#include "belgi/json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static std::shared_ptr<const belgi::Annotator> a = [] {
    belgi::Status st;
    return belgi::Annotator::create(st);
  }();
  if (size == 0) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  belgi::Adaptation adaptation(*a);
  if (data[0] % 2 == 0) {
    if (!belgi::Adaptation::parse(rest, *a, adaptation).ok()) return 0;
  } else {
    std::string text;
    std::vector<belgi::Span> spans;
    if (!belgi::parse_document(rest, text, spans).ok()) return 0;
    for (const belgi::Span& s : spans)
      if (s.range.begin >= s.range.end || s.range.end > text.size()) std::abort();  // bytes, in the text
    if (!adaptation.learn(text, spans).ok()) return 0;
  }
  const std::string bytes = adaptation.serialize();
  belgi::Adaptation again(*a);
  if (!belgi::Adaptation::parse(bytes, *a, again).ok() || again.serialize() != bytes) std::abort();
  belgi::Status st;
  auto adapted = a->adapted(adaptation, st);
  if (!adapted) std::abort();
  adapted->annotate("Кеше Ұлытау Медиа жаңа жоба бастады. Tengrinews.kz хабарлады.");
  return 0;
}
