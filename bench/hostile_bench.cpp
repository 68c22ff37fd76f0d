// Hostile inputs (issue 9): time annotate() on pathological texts and compare with ordinary
// news text of the same size. Prints a Markdown table (ns per byte and the ratio to news);
// every ratio should stay at or below 2. usage: hostile_bench [MB]   (default 1)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "belgi/annotator.h"
#include "resources.h"

namespace {

const char* kNews =
    "Бүгін Астанада «Қазақстанның сыбайлас жемқорлыққа қарсы саясаты» халықаралық форумы өтті. "
    "Сыбайлас жемқорлыққа қарсы қызметтің төрағасы Асхат Жұмағали 2023 жылғы 5 желтоқсанда "
    "баяндама жасады. «Ұдайы алға жылжу мен жүйелі тәсіл маңызды», - деді Асхат Жұмағали.\n\n"
    "— Полиция 17 жастағы жүргізушіні ұстады, — делінген хабарламада. Қазақстан конвенцияны "
    "2008 жылы ратификациялады, - деп атап өтті ол. 05.12.2023 | 17:20\n";

std::string repeat(const std::string& unit, std::size_t bytes) {
  std::string s;
  s.reserve(bytes + unit.size());
  while (s.size() < bytes) s += unit;
  return s;
}

double seconds(const belgi::Annotator& a, const std::string& text, bool& ok) {
  std::vector<double> runs;
  for (int i = 0; i < 3; ++i) {
    auto t = std::chrono::steady_clock::now();
    belgi::Result r = a.annotate(text);
    runs.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count());
    ok = r.status.ok() || r.status.code == belgi::StatusCode::invalid_utf8;
  }
  std::sort(runs.begin(), runs.end());
  return runs[1];
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t mb = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 1;
  std::size_t n = mb << 20;
  belgi::Status st;
  auto a = belgi::Annotator::create(st);
  if (!a) {
    std::fprintf(stderr, "%s\n", st.message.c_str());
    return 1;
  }
  struct Case {
    const char* name;
    std::string text;
  };
  std::string nested = std::string() + repeat("«", n / 4) + "сөз" + repeat("»", n / 4);
  std::vector<Case> cases = {
      {"news text (baseline)", repeat(kNews, n)},
      {"one token of n bytes", repeat("а", n)},
      {"quotation marks only («)", repeat("«", n)},
      {"100,000 quotation marks in news", repeat(std::string(kNews) + "«", n)},
      {"deeply nested quotes", nested},
      {"punctuation only", repeat(".,;:!?-—«»()", n)},
      {"digits only", repeat("0123456789", n)},
      {"newlines only", repeat("\n", n)},
      {"dates in a row", repeat("05.12.2023 ", n)},
      {"dashes and speech verbs", repeat("— сөз, — деді ол.\n", n)},
      {"NUL bytes", std::string(n, '\0')},
      {"invalid UTF-8 everywhere", repeat("\xff\xfe", n)},
      {"emoji and combining marks", repeat("😀👍🏽е\u0301 ", n)},
  };
  double base = 0;
  std::printf("| input | bytes | ms | ns/byte | ratio to news |\n|---|---:|---:|---:|---:|\n");
  for (const Case& c : cases) {
    bool ok = false;
    double s = seconds(*a, c.text, ok);
    double per = s * 1e9 / c.text.size();
    if (base == 0) base = per;
    std::printf("| %s | %zu | %.1f | %.1f | %.2f |%s\n", c.name, c.text.size(), s * 1e3, per,
                per / base, ok ? "" : " (error status)");
    std::fflush(stdout);
  }
  return 0;
}
