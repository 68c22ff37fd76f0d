#include "pipeline/resolve.h"

#include <algorithm>
#include <map>

#include "text/huge_pages.h"

namespace belgi {

std::vector<Span> resolve(std::vector<Candidate> cands) {
  std::stable_sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    if (a.priority != b.priority) return a.priority > b.priority;
    std::size_t la = a.span.range.end - a.span.range.begin;
    std::size_t lb = b.span.range.end - b.span.range.begin;
    if (la != lb) return la > lb;
    if (a.span.range.begin != b.span.range.begin) return a.span.range.begin < b.span.range.begin;
    return a.span.type < b.span.type;
  });
  std::map<std::size_t, std::size_t> taken;  // begin -> end of accepted spans
  std::vector<Span> out;
  text::reserve_huge(out, cands.size());  // a large document's spans are megabytes: no growing by doubling
  for (Candidate& c : cands) {
    const ByteRange& r = c.span.range;
    if (r.empty()) continue;
    auto it = taken.lower_bound(r.end);  // first accepted span starting at or after r.end
    if (it != taken.begin() && std::prev(it)->second > r.begin) continue;  // overlaps
    taken.emplace(r.begin, r.end);
    out.push_back(std::move(c.span));
  }
  std::sort(out.begin(), out.end(), [](const Span& a, const Span& b) {
    return a.range.begin < b.range.begin;
  });
  return out;
}

}  // namespace belgi
