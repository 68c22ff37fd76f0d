// Written-news articles for the trainer (../shared/data/news-train: the examples' JSON, entity
// offsets in code points): tokenized and split into sentences by the core's own tokenizer, so
// the model trains on the tokens it will tag, and scored document by document as
// ../shared/tools/score_docs.py scores them.
#include <algorithm>
#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "belgi/offsets.h"
#include "entities/features.h"
#include "entities/model.h"
#include "entities/recognizer.h"
#include "entities/rules.h"
#include "entities/trainer.h"
#include "text/utf8.h"

namespace belgi::entities {

namespace {

// The tokens of `doc` labelled from its gold spans: a token overlapping a span gets its label
// (B- on the first). Counts spans whose ends fall inside a token, and spans overlapping another.
Status label_tokens(NewsDoc& doc, const std::string& path, std::vector<int>& labels, int& cut, int& nested) {
  labels.assign(doc.tokens.size(), 0);
  const OffsetMap map(doc.text);
  const std::size_t length = map.to(OffsetUnit::codepoint, doc.text.size());
  for (std::size_t k = 0; k < doc.gold.size(); ++k) {
    const NewsSpan& g = doc.gold[k];
    if (g.start >= g.end || g.end > length)
      return Status::error(StatusCode::invalid_input,
                           path + ": entity " + std::to_string(k) + " has bad offsets " +
                               std::to_string(g.start) + ".." + std::to_string(g.end));
    int b = parse_label("B-" + g.type);
    if (b < 0)
      return Status::error(StatusCode::invalid_input,
                           path + ": entity " + std::to_string(k) + " has unknown type '" + g.type + "'");
    const std::size_t bs = map.from(OffsetUnit::codepoint, g.start), be = map.from(OffsetUnit::codepoint, g.end);
    const auto [first, last] = iob2::covered(doc.tokens, bs, be);
    if (first == last) continue;
    if (doc.tokens[first].begin != bs || doc.tokens[last - 1].end != be) ++cut;
    if (!iob2::label_span(labels, first, last, b)) ++nested;
  }
  return Status();
}

Status read_doc(const std::string& path, NewsDoc& doc, std::uint64_t& hash) {
  std::string content;
  if (Status st = read_file(path, content); !st.ok()) return st;
  hash = fnv1a64(content, hash);
  nlohmann::json j = nlohmann::json::parse(content, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string() ||
      !j.contains("entities") || !j["entities"].is_array())
    return Status::error(StatusCode::invalid_input, path + ": not a JSON object with \"text\" and \"entities\"");
  doc.text = j["text"].get<std::string>();
  if (Status st = check_utf8(doc.text); !st.ok())
    return Status::error(st.code, path + ": \"text\": " + st.message, st.offset);
  std::size_t k = 0;
  for (const auto& e : j["entities"]) {
    if (!e.is_object() || !e.contains("type") || !e["type"].is_string() || !e.contains("start") ||
        !e["start"].is_number_unsigned() || !e.contains("end") || !e["end"].is_number_unsigned())
      return Status::error(StatusCode::invalid_input,
                           path + ": entity " + std::to_string(k) + " needs \"type\", \"start\" and \"end\"");
    doc.gold.push_back(NewsSpan{e["type"].get<std::string>(), e["start"].get<std::size_t>(), e["end"].get<std::size_t>()});
    ++k;
  }
  return Status();
}

}  // namespace

Status read_news(const std::string& dir, std::vector<NewsDoc>& out, std::uint64_t& hash, std::ostream& log) {
  std::vector<std::string> files;
  if (Status st = list_files(dir, ".json", "news articles", files); !st.ok()) return st;
  if (files.empty()) return Status::error(StatusCode::invalid_argument, "no *.json articles in " + dir);
  int cut = 0, nested = 0, spans = 0;
  std::size_t sentences = 0;
  for (const auto& f : files) {
    NewsDoc doc;
    doc.name = std::filesystem::path(f).filename().string();
    Status st = read_doc(f, doc, hash);
    if (!st.ok()) return st;
    doc.tokens = text::tokenize(doc.text);
    doc.sentences = text::split_sentences(doc.text, doc.tokens);
    std::vector<int> labels;
    st = label_tokens(doc, f, labels, cut, nested);
    if (!st.ok()) return st;
    spans += static_cast<int>(doc.gold.size());
    for (const text::Sentence& s : doc.sentences) {
      LabeledSentence ls;
      for (std::size_t t = s.first; t < s.last; ++t) {
        ls.tokens.emplace_back(doc.tokens[t].text(doc.text));
        // An entity cut by a sentence end starts again after it (strict IOB2).
        int y = labels[t];
        ls.labels.push_back(valid_transition(t > s.first ? ls.labels.back() : -1, y) ? y : y - 1);
      }
      doc.labeled.push_back(std::move(ls));
    }
    sentences += doc.labeled.size();
    out.push_back(std::move(doc));
  }
  log << "news articles: " << out.size() << " (" << sentences << " sentences, " << spans << " entities; "
      << cut << " with an end inside a token, " << nested << " overlapping another, skipped)\n";
  return Status();
}

int news_fold(const NewsDoc& doc, int folds) {
  return static_cast<int>(fnv1a64(doc.name) % static_cast<std::uint64_t>(std::max(1, folds)));
}

// As the annotator runs the model (tag_sentences, recognizer.cpp); spans compared exactly in
// code points over the 9 name classes, as score_docs.py does.
void score_news(const Model& model, const NewsDoc& doc, iob2::Scores& scores, bool rules,
                std::ostream* errors) {
  static const char* kNames[] = {"PERSON", "ORGANISATION", "GPE", "LOCATION", "FACILITY",
                                 "EVENT", "POSITION", "LAW", "NORP"};
  auto scored = [](const std::string& t) {
    return std::any_of(std::begin(kNames), std::end(kNames), [&](const char* n) { return t == n; });
  };
  const OffsetMap map(doc.text);
  std::vector<NewsSpan> pred;
  tag_sentences(model, doc.text, doc.tokens, doc.sentences, rules, [&](const TokenEntity& e, ByteRange r) {
    std::string type = class_name(static_cast<int>(e.type));
    if (scored(type))
      pred.push_back(NewsSpan{type, map.to(OffsetUnit::codepoint, r.begin), map.to(OffsetUnit::codepoint, r.end)});
  });
  auto key = [](const NewsSpan& s) { return std::make_tuple(s.type, s.start, s.end); };
  std::vector<std::tuple<std::string, std::size_t, std::size_t>> g, p;
  for (const NewsSpan& s : doc.gold)
    if (scored(s.type)) g.push_back(key(s));
  for (const NewsSpan& s : pred) p.push_back(key(s));
  std::sort(g.begin(), g.end());
  g.erase(std::unique(g.begin(), g.end()), g.end());
  std::sort(p.begin(), p.end());
  p.erase(std::unique(p.begin(), p.end()), p.end());
  auto list = [&](const char* what, const auto& x) {
    if (!errors) return;
    auto piece = [&](std::size_t cp) { return map.from(OffsetUnit::codepoint, cp); };
    std::size_t b = piece(std::get<1>(x)), e = piece(std::get<2>(x));
    *errors << doc.name << ' ' << what << ' ' << std::get<0>(x) << ' ' << doc.text.substr(b, e - b) << '\n';
  };
  for (const auto& x : g) {
    bool hit = std::binary_search(p.begin(), p.end(), x);
    if (!hit) list("FN", x);
    auto& c = scores.per_class[std::get<0>(x)];
    (hit ? c.tp : c.fn) += 1;
    (hit ? scores.micro.tp : scores.micro.fn) += 1;
  }
  for (const auto& x : p)
    if (!std::binary_search(g.begin(), g.end(), x)) {
      list("FP", x);
      scores.per_class[std::get<0>(x)].fp += 1;
      scores.micro.fp += 1;
    }
}

}  // namespace belgi::entities
