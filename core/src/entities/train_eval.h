// Measuring a model in training (train.cpp): the development table and the confidence
// calibration, both through the real loader and tag(), as the annotator runs the model.
#pragma once
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "entities/iob2.h"
#include "entities/model.h"
#include "entities/model_format.h"
#include "entities/trainer.h"

namespace belgi::entities {

std::vector<std::string_view> views(const std::vector<std::string>& tokens);
// The model as the tagger loads it from its bytes; nullptr if it does not load.
std::shared_ptr<const Model> load(const ModelData& d);
// The dev table: the tagger and the written-news rules after it (rules.h), as the annotator
// runs them; `dump` gets `token gold predicted` lines.
iob2::Scores evaluate(const Model& model, const std::vector<LabeledSentence>& dev,
                      std::ostream* dump = nullptr);
// Confidence calibration: the temperature T (perceptron units) that makes sigmoid(margin / T)
// fit whether predicted dev entities are right (log loss over a fixed grid). Returns T.
double calibrate(const ModelData& d, const std::vector<LabeledSentence>& dev, std::ostream& log);

}  // namespace belgi::entities
