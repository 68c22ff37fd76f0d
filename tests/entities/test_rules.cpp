// rules.h: the written-news rules applied after the model, as tables of sentence, model
// entities and expected entities.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "entities/model.h"
#include "entities/rules.h"
#include "support.h"

using belgi::SpanType;
using belgi::entities::TokenEntity;

namespace {

struct Case {
  const char* sentence;  // tokens separated by spaces
  std::vector<TokenEntity> model;
  std::vector<TokenEntity> expected;
};

TokenEntity ent(SpanType t, std::size_t first, std::size_t last) {
  TokenEntity e;
  e.type = t;
  e.first = first;
  e.last = last;
  return e;
}

std::vector<std::string> split(const char* s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string show(const std::vector<TokenEntity>& es) {
  std::string out;
  for (const auto& e : es)
    out += std::to_string(static_cast<int>(e.type)) + ":" + std::to_string(e.first) + "-" + std::to_string(e.last) + " ";
  return out;
}

void check_table(const std::vector<Case>& table) {
  for (const Case& c : table) {
    std::vector<std::string> words = split(c.sentence);
    std::vector<std::string_view> tokens(words.begin(), words.end());
    std::vector<TokenEntity> found = c.model;
    belgi::entities::apply_rules(tokens, belgi::entities::lexicons(*belgi::test::ner_model()), found);
    INFO(c.sentence);
    CHECK(show(found) == show(c.expected));
  }
}

constexpr SpanType ORG = SpanType::ORGANISATION, FAC = SpanType::FACILITY, GPE = SpanType::GPE,
                   PER = SpanType::PERSON, NORP = SpanType::NORP;

}  // namespace

TEST_CASE("R1: an unquoted name takes the type noun after it, which decides the class") {
  check_table({
      // organisation + facility noun -> one FACILITY, the noun with a case ending too
      {"Алматы Мемлекеттік қуыршақ театры үшін", {ent(ORG, 0, 3)}, {ent(FAC, 0, 4)}},
      {"Мемлекеттік қуыршақ театрының тынысы", {ent(ORG, 0, 2)}, {ent(FAC, 0, 3)}},
      // a place without a case ending + organisation noun -> one ORGANISATION
      {"Бұған дейін Маңғыстау полициясын тексерді", {ent(GPE, 2, 3)}, {ent(ORG, 2, 4)}},
      {"Өзіндік қауіпсіздік департаментінің басшылығы", {ent(ORG, 0, 2)}, {ent(ORG, 0, 3)}},
  });
}

TEST_CASE("R1: what stays as the model said") {
  check_table({
      // a quoted name keeps its type noun outside (`«Қазақпарат» агенттігі`)
      {"« Қазақпарат » агенттігі", {ent(ORG, 1, 2)}, {ent(ORG, 1, 2)}},
      {"« Қазақпарат агенттігі", {ent(ORG, 1, 2)}, {ent(ORG, 1, 2)}},  // after an opening mark
      {"« Астана Балет театры", {ent(ORG, 1, 3)}, {ent(ORG, 1, 3)}},
      // a place with a case ending is not part of the organisation after it
      {"Оралда полициясы", {ent(GPE, 0, 1)}, {ent(GPE, 0, 1)}},
      {"Қазақстанның полициясы", {ent(GPE, 0, 1)}, {ent(GPE, 0, 1)}},
      // a person or a place before a facility noun, a noun the next entity covers, no noun
      {"Абай театры", {ent(PER, 0, 1)}, {ent(PER, 0, 1)}},
      {"Алматы театры", {ent(GPE, 0, 1)}, {ent(GPE, 0, 1)}},
      {"Ұлттық Банк Банк театры", {ent(ORG, 0, 2), ent(FAC, 2, 4)}, {ent(ORG, 0, 2), ent(FAC, 2, 4)}},
      {"Ұлттық Банк базалық ставканы", {ent(ORG, 0, 2)}, {ent(ORG, 0, 2)}},
      {"Ұлттық Банк театрлар", {ent(ORG, 0, 2)}, {ent(ORG, 0, 2)}},  // not a possessive form
      {"Ұлттық Банк", {ent(ORG, 0, 2)}, {ent(ORG, 0, 2)}},          // at the end of the sentence
  });
}

TEST_CASE("R2: a one-token entity in lower-case Latin letters is dropped") {
  check_table({
      {"date 2025-09-28 Астанада", {ent(NORP, 0, 1), ent(GPE, 2, 3)}, {ent(GPE, 2, 3)}},
      {"Zakon.kz хабарлайды", {ent(ORG, 0, 1)}, {ent(ORG, 0, 1)}},
      {"zakon.kz хабарлайды", {ent(ORG, 0, 1)}, {ent(ORG, 0, 1)}},
      {"Kazinform хабарлайды", {ent(ORG, 0, 1)}, {ent(ORG, 0, 1)}},
      {"toyota camry", {ent(ORG, 0, 2)}, {ent(ORG, 0, 2)}},
  });
}

TEST_CASE("R3: an entity ends before a closing quotation mark it did not open") {
  check_table({
      {"\" Қазгидромет \" РМК-ның баспасөз", {ent(ORG, 1, 4)}, {ent(ORG, 1, 2)}},
      {"Хабар жиырма төрт » арнасы", {ent(ORG, 0, 4)}, {ent(ORG, 0, 3)}},
      {"» Хабар", {ent(ORG, 0, 2)}, {}},  // nothing left before the mark: dropped
      // balanced marks inside a span stay (`« Буратино » театрының мерейтойы` EVENT)
      {"« Буратино » театрының мерейтойы", {ent(SpanType::EVENT, 0, 5)}, {ent(SpanType::EVENT, 0, 5)}},
      {"\" Алтын адам \" фестивалі", {ent(SpanType::EVENT, 0, 5)}, {ent(SpanType::EVENT, 0, 5)}},
  });
}

TEST_CASE("R4: a place name ends at an inner token with a place case ending") {
  check_table({
      {"Алматыдан астанаға көшіп келдім", {ent(GPE, 0, 2)}, {ent(GPE, 0, 1)}},
      {"Қазақстанның 13 облысында", {ent(GPE, 0, 3)}, {ent(GPE, 0, 1)}},
      // the place's own letters are not an ending: `Қызылорда` is a lexicon entry
      {"Қызылорда облысы", {ent(GPE, 0, 2)}, {ent(GPE, 0, 2)}},
      {"Солтүстік Қазақстан облысының әкімі", {ent(GPE, 0, 3)}, {ent(GPE, 0, 3)}},
      // the last token may carry one, and other classes keep their inner endings
      {"Алматыдағы", {ent(GPE, 0, 1)}, {ent(GPE, 0, 1)}},
      {"Көкшетаудағы Абай атындағы мектепте", {ent(FAC, 0, 4)}, {ent(FAC, 0, 4)}},
  });
}

TEST_CASE("R5: a numbered school or hospital is one facility, with its place") {
  constexpr SpanType ORD = SpanType::ORDINAL;
  check_table({
      {"Өткен аптада Көкшетаудағы нөмірі екінші мектеп-лицейде", {ent(GPE, 2, 3)}, {ent(FAC, 2, 6)}},
      {"Нұр-Сұлтан қаласындағы нөмірі 23-інші мектеп", {ent(GPE, 0, 1), ent(ORD, 3, 4)}, {ent(FAC, 0, 5)}},
      {"Нұр-Сұлтан қаласындағы нөмірі жиырма үшінші мектеп", {ent(GPE, 0, 1)}, {ent(FAC, 0, 6)}},
      {"Алматыдағы нөмірі 5-ші ауруханада жатыр", {ent(GPE, 0, 1)}, {ent(FAC, 0, 4)}},
      {"Алматыдағы Нөмірі 5-ші ауруханада жатыр", {ent(GPE, 0, 1)}, {ent(FAC, 0, 4)}},  // any case
      {"Алматыдағы НӨМІРІ 5-ші ауруханада жатыр", {ent(GPE, 0, 1)}, {ent(FAC, 0, 4)}},
      {"Алматыдағы нөмірі 5 емхана", {ent(GPE, 0, 1)}, {ent(GPE, 0, 1)}},  // a cardinal
      {"Алматыдағы нөмірі екінші үй", {ent(GPE, 0, 1)}, {ent(GPE, 0, 1)}},  // not an institution
      // without a place, KazNERD tags the ordinal only
      {"Ол нөмірі 5-ші ауруханада жатыр", {ent(ORD, 2, 3)}, {ent(ORD, 2, 3)}},
      {"Мәселен , қалалық нөмірі бірінші емханаға", {ent(ORD, 4, 5)}, {ent(ORD, 4, 5)}},
  });
}
