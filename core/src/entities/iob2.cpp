#include "entities/iob2.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <tuple>

#include "text/utf8.h"

namespace belgi::iob2 {

namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }
}  // namespace

Status parse_conll(std::string_view content, std::vector<Sentence>& out) {
  if (Status st = check_utf8(content); !st.ok()) return st;
  out.clear();
  Sentence cur;
  std::size_t pos = 0, line_no = 0;
  while (pos < content.size()) {
    std::size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    ++line_no;
    std::vector<std::string_view> cols;
    for (std::size_t i = 0; i < line.size();) {
      while (i < line.size() && is_space(line[i])) ++i;
      std::size_t j = i;
      while (j < line.size() && !is_space(line[j])) ++j;
      if (j > i) cols.push_back(line.substr(i, j - i));
      i = j;
    }
    if (cols.empty()) {
      if (!cur.tokens.empty()) out.push_back(std::move(cur));
      cur = Sentence();
    } else {
      if (cur.tokens.empty()) cur.line = line_no;
      cur.tokens.emplace_back(cols.front());
      cur.tags.emplace_back(cols.size() > 1 ? cols.back() : std::string_view());
    }
    pos = eol + 1;
  }
  if (!cur.tokens.empty()) out.push_back(std::move(cur));
  return Status();
}

bool TokenSpan::operator<(const TokenSpan& o) const {
  return std::tie(begin, end, type) < std::tie(o.begin, o.end, o.type);
}
bool TokenSpan::operator==(const TokenSpan& o) const {
  return begin == o.begin && end == o.end && type == o.type;
}

std::vector<TokenSpan> spans_from_tags(const std::vector<std::string>& tags) {
  std::vector<TokenSpan> out;
  bool open = false;
  TokenSpan cur;
  for (std::size_t i = 0; i <= tags.size(); ++i) {
    std::string_view tag = i < tags.size() ? std::string_view(tags[i]) : "O";
    bool continues = open && tag.size() > 2 && tag.substr(0, 2) == "I-" && tag.substr(2) == cur.type;
    if (continues) continue;
    if (open) {
      cur.end = i;
      out.push_back(cur);
      open = false;
    }
    if (tag.size() > 2 && tag.substr(0, 2) == "B-") {
      cur = TokenSpan{std::string(tag.substr(2)), i, i};
      open = true;
    }
  }
  return out;
}

std::vector<std::string> tags_from_spans(const std::vector<TokenSpan>& spans, std::size_t n) {
  std::vector<std::string> tags(n, "O");
  for (const TokenSpan& s : spans) {
    for (std::size_t i = s.begin; i < s.end && i < n; ++i)
      tags[i] = (i == s.begin ? "B-" : "I-") + s.type;
  }
  return tags;
}

double Counts::precision() const { return tp + fp ? double(tp) / double(tp + fp) : 0.0; }
double Counts::recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0.0; }
double Counts::f1() const {
  double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

void Scores::add(const std::vector<std::string>& gold, const std::vector<std::string>& pred) {
  std::vector<TokenSpan> g = spans_from_tags(gold), p = spans_from_tags(pred);
  std::set<TokenSpan> gs(g.begin(), g.end()), ps(p.begin(), p.end());
  for (const TokenSpan& s : gs) {
    Counts& c = per_class[s.type];
    if (ps.count(s)) { ++c.tp; ++micro.tp; } else { ++c.fn; ++micro.fn; }
  }
  for (const TokenSpan& s : ps) {
    if (!gs.count(s)) { ++per_class[s.type].fp; ++micro.fp; }
  }
}

void Scores::merge(const Scores& other) {
  auto plus = [](Counts& a, const Counts& b) { a.tp += b.tp, a.fp += b.fp, a.fn += b.fn; };
  plus(micro, other.micro);
  for (const auto& [type, c] : other.per_class) plus(per_class[type], c);
}

std::string Scores::table() const {
  std::vector<std::pair<std::string, Counts>> rows(per_class.begin(), per_class.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second.tp + a.second.fn > b.second.tp + b.second.fn;
  });
  std::string out;
  char buf[160];
  for (const auto& [type, c] : rows) {
    std::snprintf(buf, sizeof buf, "%-15s P %.3f R %.3f F1 %.3f gold %ld\n", type.c_str(),
                  c.precision(), c.recall(), c.f1(), c.tp + c.fn);
    out += buf;
  }
  std::snprintf(buf, sizeof buf, "micro P %.4f R %.4f F1 %.4f\n", micro.precision(), micro.recall(),
                micro.f1());
  out += buf;
  return out;
}

bool label_span(std::vector<int>& labels, std::size_t first, std::size_t last, int b_label) {
  if (first >= last || std::any_of(labels.begin() + first, labels.begin() + last, [](int y) { return y != 0; }))
    return false;
  for (std::size_t t = first; t < last; ++t) labels[t] = b_label < 0 || t == first ? b_label : b_label + 1;
  return true;
}

}  // namespace belgi::iob2
