// model.h: the embedded entity model loads, refuses other versions, and tags clear cases.
#include <doctest/doctest.h>

#include <cstring>
#include <sstream>

#include "entities/features.h"
#include "entities/model.h"
#include "entities/model_format.h"
#include "resources.h"
#include "text/hash.h"
#include "support.h"

using namespace belgi::entities;
using belgi::SpanType;

namespace {

std::shared_ptr<const Model> embedded() { return belgi::test::ner_model(); }

std::vector<std::string> words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::vector<TokenEntity> run(const std::vector<std::string>& w) {
  std::vector<std::string_view> v(w.begin(), w.end());
  std::vector<TokenEntity> out;
  tag(*embedded(), v, out);
  return out;
}

bool has(const std::vector<TokenEntity>& es, SpanType t, std::size_t first, std::size_t last) {
  for (const auto& e : es)
    if (e.type == t && e.first == first && e.last == last) return true;
  return false;
}

}  // namespace

TEST_CASE("the embedded model loads and names itself") {
  auto m = embedded();
  REQUIRE(m);
  CHECK(model_format_version() == kModelFormatVersion);
  std::string id = model_id(*m);
  CHECK(id.rfind(std::string(kFeatureSetId) + "/", 0) == 0);
  CHECK(id.size() == std::string(kFeatureSetId).size() + 1 + 16);  // "<fs>/<16 hex digits>"
}

TEST_CASE("a model of another format version is refused, naming both versions") {
  std::string bytes(belgi::resources::ner_model());
  REQUIRE(bytes.size() > 12);
  bytes[8] = 99;  // format version field (u32 little-endian after the 8-byte magic)
  bytes[9] = bytes[10] = bytes[11] = 0;
  std::shared_ptr<const Model> m;
  belgi::Status st = load_model(bytes, m);
  CHECK(st.code == belgi::StatusCode::invalid_model);
  CHECK(st.message.find("version 99") != std::string::npos);
  CHECK(st.message.find("version " + std::to_string(kModelFormatVersion)) != std::string::npos);
  CHECK_FALSE(m);
}

TEST_CASE("corrupt or foreign bytes are refused") {
  std::shared_ptr<const Model> m;
  CHECK(load_model("", m).code == belgi::StatusCode::invalid_model);
  CHECK(load_model("not a model at all", m).code == belgi::StatusCode::invalid_model);
  std::string bytes(belgi::resources::ner_model());
  bytes[bytes.size() / 2] ^= 0x55;  // checksum catches a flipped byte
  CHECK(load_model(bytes, m).code == belgi::StatusCode::invalid_model);
  bytes = std::string(belgi::resources::ner_model()).substr(0, 100);  // truncated
  CHECK(load_model(bytes, m).code == belgi::StatusCode::invalid_model);
}

TEST_CASE("the checksum catches a changed byte anywhere, the tail included") {
  const std::string good(belgi::resources::ner_model());
  std::shared_ptr<const Model> m;
  const std::size_t body = good.size() - 8;  // the u64 checksum closes the file
  for (std::size_t at : {std::size_t{12}, body / 3, body / 2 + 5, body - 9, body - 3, body - 1}) {
    for (unsigned char flip : {0x01, 0x80}) {
      std::string bytes = good;
      bytes[at] = static_cast<char>(bytes[at] ^ flip);
      belgi::Status st = load_model(bytes, m);
      CHECK_MESSAGE(st.code == belgi::StatusCode::invalid_model, "byte ", at);
      CHECK(st.message.find("checksum") != std::string::npos);
    }
  }
}

TEST_CASE("a weight's label out of range is refused even under a valid checksum") {
  std::string bytes(belgi::resources::ner_model());
  const std::size_t body = bytes.size() - 8;
  bytes[body - 3] = static_cast<char>(200);  // the last (label, weight) pair's label
  std::uint64_t sum = belgi::text::fnv1a64_words(std::string_view(bytes).substr(0, body));
  std::memcpy(&bytes[body], &sum, 8);
  std::shared_ptr<const Model> m;
  belgi::Status st = load_model(bytes, m);
  CHECK(st.code == belgi::StatusCode::invalid_model);
  CHECK(st.message.find("label out of range") != std::string::npos);
  ModelData d;
  CHECK(parse_model(bytes, d).message.find("label out of range") != std::string::npos);
}

namespace {

// The weights of feature f of d, as a row of all labels.
std::vector<std::int32_t> row_of(const ModelData& d, std::size_t f) {
  std::vector<std::int32_t> row(kLabelCount, 0);
  for (std::uint32_t p = d.feat_start[f]; p < d.feat_start[f + 1]; ++p) row[d.pair_label[p]] += d.pair_weight[p];
  return row;
}

std::vector<std::int32_t> looked_up(const Model& m, std::uint32_t key) {
  std::vector<std::int32_t> row(kLabelCount, 0);
  add_feature_weights(m, key, row.data());
  return row;
}

void check_lookups(const ModelData& d, const Model& m) {
  const std::vector<std::int32_t> none(kLabelCount, 0);
  std::size_t wrong = 0, found_absent = 0;
  for (std::size_t f = 0; f < d.feat_keys.size(); ++f) {
    std::uint32_t k = d.feat_keys[f];
    if (looked_up(m, k) != row_of(d, f)) ++wrong;
    bool next_taken = f + 1 < d.feat_keys.size() && d.feat_keys[f + 1] == k + 1;
    if (k != 0xffffffffu && !next_taken && looked_up(m, k + 1) != none) ++found_absent;
  }
  CHECK(wrong == 0);
  CHECK(found_absent == 0);
}

// d with its features replaced: keys[i] gets counts[i] weights, for labels i, i + 1, ... (mod
// kLabelCount).
ModelData with_features(ModelData d, const std::vector<std::uint32_t>& keys,
                        const std::vector<int>& counts) {
  d.feat_keys = keys;
  d.feat_start = {0};
  d.pair_label.clear();
  d.pair_weight.clear();
  for (std::size_t f = 0; f < keys.size(); ++f) {
    for (int j = 0; j < counts[f]; ++j) {
      d.pair_label.push_back(static_cast<std::uint8_t>((f + j) % kLabelCount));
      d.pair_weight.push_back(static_cast<std::int16_t>((f + 1) * 100 - j));
    }
    d.feat_start.push_back(static_cast<std::uint32_t>(d.pair_label.size()));
  }
  return d;
}

}  // namespace

TEST_CASE("every feature of the embedded model is found with its weights, and no other") {
  ModelData d;
  REQUIRE(parse_model(belgi::resources::ner_model(), d).ok());
  REQUIRE(d.feat_keys.size() > 1000);
  check_lookups(d, *embedded());
}

TEST_CASE("lookups at the edges: the largest keys, neighbours, dense features") {
  ModelData base;
  REQUIRE(parse_model(belgi::resources::ner_model(), base).ok());
  // Few features in a 32-slot table (a key's home is its top 5 bits): keys that share a home
  // slot (1, 2, 3 and 7; 0x80000000 and 0x80000001), the top of the range, whose probe wraps
  // around to slot 0's cluster (0xffffffff), neighbouring keys, a feature with weights for every
  // label (stored dense), one just under the dense threshold, one without weights, one-weight ones.
  std::vector<std::uint32_t> keys = {1, 2, 3, 7, 0x7fffffffu, 0x80000000u, 0x80000001u, 0xfffffffeu, 0xffffffffu};
  std::vector<int> counts = {1, kLabelCount, 2, 11, 0, 12, 3, 1, 2};
  ModelData d = with_features(base, keys, counts);
  std::shared_ptr<const Model> m;
  belgi::Status st = load_model(serialize_model(d), m);
  REQUIRE_MESSAGE(st.ok(), st.message);
  check_lookups(d, *m);
  CHECK(looked_up(*m, 4) == std::vector<std::int32_t>(kLabelCount, 0));

  ModelData empty = with_features(base, {}, {});
  REQUIRE(load_model(serialize_model(empty), m).ok());
  CHECK(looked_up(*m, 5) == std::vector<std::int32_t>(kLabelCount, 0));
}

TEST_CASE("a label out of range is refused whichever table its feature goes to") {
  // One weight (kept in the slot), a few (the pairs), many (a dense row): load_model checks the
  // labels in each of its three paths; the bad pair first, last or alone in its feature.
  ModelData base;
  REQUIRE(parse_model(belgi::resources::ner_model(), base).ok());
  for (int count : {1, 3, 11, 12, kLabelCount}) {
    for (int at : {0, count - 1}) {
      ModelData d = with_features(base, {5, 9, 700}, {2, count, 1});
      d.pair_label[d.feat_start[1] + static_cast<std::uint32_t>(at)] = 200;
      std::shared_ptr<const Model> m;
      belgi::Status st = load_model(serialize_model(d), m);
      CHECK_MESSAGE(st.code == belgi::StatusCode::invalid_model, "count ", count, " at ", at);
      CHECK(st.message.find("label out of range") != std::string::npos);
      CHECK_FALSE(m);
    }
  }
}

TEST_CASE("a feature given twice is refused") {
  ModelData base;
  REQUIRE(parse_model(belgi::resources::ner_model(), base).ok());
  std::shared_ptr<const Model> m;
  belgi::Status st = load_model(serialize_model(with_features(base, {5, 9, 9}, {1, 1, 1})), m);
  CHECK(st.code == belgi::StatusCode::invalid_model);
  CHECK(st.message.find("duplicate feature") != std::string::npos);
}

TEST_CASE("serialize_model and parse_model agree") {
  ModelData d;
  REQUIRE(parse_model(belgi::resources::ner_model(), d).ok());
  CHECK(serialize_model(d) == belgi::resources::ner_model());
}

TEST_CASE("clear cases: a person, a city with a case ending, an abbreviation with a suffix") {
  auto w = words("Алматыда Асхат Жұмағали кездесу өткізді .");
  auto es = run(w);
  CHECK(has(es, SpanType::PERSON, 1, 3));
  CHECK(has(es, SpanType::GPE, 0, 1));

  es = run(words("Астанада жаңа мектеп ашылды ."));
  CHECK(has(es, SpanType::GPE, 0, 1));

  // With its verb. The verbless fragment `Қазақстан БҰҰ-ның мүшесі .` is tagged as one
  // ORGANISATION by fs12 (read as a body with its parent, as v2 spans `ҚР ІІМ ...`): a known
  // regression of the model trained on news, listed in docs/entities.md.
  es = run(words("Қазақстан БҰҰ-ның мүшесі болды ."));
  CHECK(has(es, SpanType::ORGANISATION, 1, 2));
  CHECK(has(es, SpanType::GPE, 0, 1));
}

TEST_CASE("entities are well-formed: valid ranges, scores in [0, 1], sorted, disjoint") {
  auto w = words("Қазақстан Президенті Қасым-Жомарт Тоқаев 2023 жылы 5 желтоқсанда Германияға барды .");
  auto es = run(w);
  REQUIRE_FALSE(es.empty());
  std::size_t prev_end = 0;
  for (const auto& e : es) {
    CHECK(e.first < e.last);
    CHECK(e.last <= w.size());
    CHECK(e.first >= prev_end);
    CHECK(e.score >= 0.0f);
    CHECK(e.score <= 1.0f);
    CHECK(static_cast<int>(e.type) < belgi::kEntityClassCount);
    prev_end = e.last;
  }
}

TEST_CASE("tagging is deterministic and appends") {
  auto w = words("Бұл туралы Төтенше жағдайлар министрлігінің баспасөз қызметі бүгін мәлімдеді .");
  auto a = run(w), b = run(w);
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].type == b[i].type);
    CHECK(a[i].first == b[i].first);
    CHECK(a[i].last == b[i].last);
    CHECK(a[i].score == b[i].score);
  }
  std::vector<std::string_view> v(w.begin(), w.end());
  std::vector<TokenEntity> out(1);  // existing content is kept
  tag(*embedded(), v, out);
  CHECK(out.size() == a.size() + 1);
}

TEST_CASE("edge cases: empty sentence, one punctuation token, a very long token, a long sentence") {
  CHECK(run({}).empty());
  CHECK(run({"."}).empty());
  std::string big;
  for (int i = 0; i < 5000; ++i) big += "Қ";  // 10,000 bytes, one token
  auto es = run({big, "қаласы"});
  for (const auto& e : es) CHECK(e.last <= 2);
  std::vector<std::string> many;
  for (int i = 0; i < 3000; ++i) many.push_back(i % 7 == 0 ? "Астанада" : "және");
  es = run(many);
  for (const auto& e : es) CHECK(e.last <= many.size());
  std::vector<std::string> odd = {"\xF0\x9F\x98\x80", "́", "-", "«", "»", "1-ші", "a-b-c-"};
  for (const auto& e : run(odd)) CHECK(e.last <= odd.size());
}

TEST_CASE("labels and transitions") {
  CHECK(kLabelCount == 51);
  for (int l = 0; l < kLabelCount; ++l) CHECK(parse_label(label_name(l)) == l);
  CHECK(label_name(0) == "O");
  CHECK(parse_label("B-PERSON") == 1 + 2 * static_cast<int>(SpanType::PERSON));
  CHECK(parse_label("I-NOPE") == -1);
  int b_gpe = parse_label("B-GPE"), i_gpe = parse_label("I-GPE"), i_per = parse_label("I-PERSON");
  CHECK(valid_transition(b_gpe, i_gpe));
  CHECK(valid_transition(i_gpe, i_gpe));
  CHECK_FALSE(valid_transition(-1, i_gpe));
  CHECK_FALSE(valid_transition(0, i_gpe));
  CHECK_FALSE(valid_transition(b_gpe, i_per));
  CHECK(valid_transition(i_per, b_gpe));
}

TEST_CASE("stem strips case endings only down to a known word") {
  Lexicons lex;
  lex.entries.build({{lexicon_key("астана"), kLexCity}, {lexicon_key("бұұ"), kLexOrg},
                     {lexicon_key("алматы"), kLexCity}});
  lex.known.build({{lexicon_key("министрлігі"), 1}});
  CHECK(stem("астанада", lex) == "астана");
  CHECK(stem("астананың", lex) == "астана");
  CHECK(stem("бұұ-ның", lex) == "бұұ");
  CHECK(stem("алматы", lex) == "алматы");  // an entry itself is never cut ("ты" is an ending)
  CHECK(stem("министрлігінің", lex) == "министрлігі");
  CHECK(stem("белгісіздің", lex) == "белгісіздің");  // nothing known to stop at
  CHECK(stem("", lex) == "");
}

namespace {

// fold32 of Hash(0) over the shape letters, written out here (the template byte 0, then each).
std::uint32_t shape_of(std::string_view letters) {
  Hash h(0);
  for (char c : letters) h.byte(static_cast<std::uint8_t>(c));
  return fold32(h.h);
}

}  // namespace

TEST_CASE("a token's kind, casing and shapes, across scripts, digits, marks and code points past U+0500") {
  // kind_of() reads a table of the code points below U+0500 and ICU above; the shape is the first
  // 8 letters ('X' capital, 'x' other letter, 'd' digit, an ASCII mark itself, '*' any other), the
  // short shape the runs of one letter collapsed.
  struct Case {
    const char* tok;
    Kind kind;
    bool cap, upper;
    const char *shape, *short_shape;
  };
  const Case cases[] = {
      {"Алматы", kCyrillic, true, false, "Xxxxxx", "Xx"},
      {"ҚР", kCyrillic, true, true, "XX", "X"},
      {"қазақстандықтардың", kCyrillic, false, false, "xxxxxxxx", "x"},
      {"COVID-19", kAlnum, true, true, "XXXXX-dd", "X-d"},
      {"iPhone", kLatin, false, false, "xXxxxx", "xXx"},
      {"Qazaqstan", kLatin, true, false, "Xxxxxxxx", "Xx"},
      {"Аlmaty", kMixedScript, true, false, "Xxxxxx", "Xx"},  // a Cyrillic А, then Latin
      {"Αθήνα", kOther, true, false, "Xxxxx", "Xx"},
      {"2024", kDigits, false, false, "dddd", "d"},
      {"«", kPunct, false, false, "*", "*"},
      {"...", kPunct, false, false, "...", "."},
      {"日本", kOther, false, false, "xx", "x"},  // letters without case: not capitals
      {"5G", kAlnum, false, true, "dX", "dX"},
  };
  const Lexicons lex;  // the kind, casing and shapes read no lexicon
  for (const Case& c : cases) {
    CAPTURE(c.tok);
    TokenInfo t;
    analyze_token(c.tok, lex, t);
    CHECK(int{t.kind} == int{c.kind});
    CHECK(t.cap == c.cap);
    CHECK(t.upper == c.upper);
    CHECK(t.shape == shape_of(c.shape));
    CHECK(t.short_shape == shape_of(c.short_shape));
  }
}
