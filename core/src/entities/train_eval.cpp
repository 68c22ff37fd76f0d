// Measuring a model in training (train_eval.h).
#include "entities/train_eval.h"

#include <algorithm>
#include <cmath>

#include "entities/features.h"
#include "entities/rules.h"

namespace belgi::entities {

std::vector<std::string_view> views(const std::vector<std::string>& tokens) {
  return std::vector<std::string_view>(tokens.begin(), tokens.end());
}

iob2::Scores evaluate(const Model& model, const std::vector<LabeledSentence>& dev,
                      std::ostream* dump) {
  iob2::Scores scores;
  std::vector<TokenEntity> found;
  for (const auto& s : dev) {
    found.clear();
    const std::vector<std::string_view> words = views(s.tokens);
    tag(model, words, found);
    apply_rules(words, lexicons(model), found);
    std::vector<std::string> gold, pred(s.tokens.size(), "O");
    for (int l : s.labels) gold.push_back(label_name(l));
    for (const TokenEntity& e : found)
      for (std::size_t i = e.first; i < e.last; ++i)
        pred[i] = (i == e.first ? "B-" : "I-") + std::string(class_name(static_cast<int>(e.type)));
    scores.add(gold, pred);
    if (dump) {
      for (std::size_t i = 0; i < pred.size(); ++i) *dump << s.tokens[i] << ' ' << gold[i] << ' ' << pred[i] << '\n';
      *dump << '\n';
    }
  }
  return scores;
}

std::shared_ptr<const Model> load(const ModelData& d) {
  std::shared_ptr<const Model> m;
  Status st = load_model(serialize_model(d), m);
  return st.ok() ? m : nullptr;
}

double calibrate(const ModelData& d, const std::vector<LabeledSentence>& dev, std::ostream& log) {
  constexpr double kProbe = 1000.0;  // score = sigmoid(margin / 1000) stays far from saturation
  ModelData probe = d;
  probe.scale = static_cast<float>(d.scale / kProbe);
  auto model = load(probe);
  if (!model || dev.empty()) return 1.0;
  std::vector<std::pair<double, bool>> points;  // margin in units, correct
  std::vector<TokenEntity> found;
  for (const auto& s : dev) {
    found.clear();
    tag(*model, views(s.tokens), found);
    std::vector<std::string> gold;
    for (int l : s.labels) gold.push_back(label_name(l));
    auto gs = iob2::spans_from_tags(gold);
    for (const TokenEntity& e : found) {
      double p = std::min(std::max(static_cast<double>(e.score), 1e-7), 1 - 1e-7);
      bool ok = std::find(gs.begin(), gs.end(),
                          iob2::TokenSpan{class_name(static_cast<int>(e.type)), e.first, e.last}) != gs.end();
      points.emplace_back(std::log(p / (1 - p)) * kProbe, ok);
    }
  }
  double best_t = 1.0, best_loss = 1e300;
  for (double t = 0.125; t <= 512; t *= 1.189207115) {  // 2^(1/4) steps
    double loss = 0;
    for (const auto& [m, ok] : points) {
      double p = 1.0 / (1.0 + std::exp(-m / t));
      p = std::min(std::max(p, 1e-9), 1 - 1e-9);
      loss -= ok ? std::log(p) : std::log(1 - p);
    }
    if (loss < best_loss) best_loss = loss, best_t = t;
  }
  log << "confidence temperature " << best_t << " (dev log loss " << best_loss / std::max<std::size_t>(1, points.size())
      << " over " << points.size() << " entities)\n";
  return best_t;
}

}  // namespace belgi::entities
