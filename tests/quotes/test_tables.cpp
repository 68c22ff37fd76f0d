// The quote rule tables (data/rules/quotes/*.tsv): they load, and a malformed line is reported
// with its file and line.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "quotes/marks.h"
#include "quotes/tables.h"

using namespace belgi;
using namespace belgi::quotes;

TEST_CASE("embedded quote tables load") {
  Tables t;
  Status st = load_tables(t);
  REQUIRE_MESSAGE(st.ok(), st.message);
  CHECK(t.marks.size() >= 4);
  CHECK(t.verbs.size() >= 40);
  CHECK(t.titles.size() >= 10);
  CHECK(t.name_nouns.size() >= 50);
  CHECK(t.speaker_words.count("ол") == 1);
  bool found = false;
  for (const Verb& v : t.verbs)
    if (v.id == "dep_atap_otti") found = v.form.words.size() == 3 && v.agent == Verb::Agent::any;
  CHECK(found);
}

TEST_CASE("what a token is as a quotation mark comes from marks.tsv") {
  CHECK(mark_role("«") == MarkRole::opener);
  CHECK(mark_role("„") == MarkRole::opener);
  CHECK(mark_role("“") == MarkRole::opener);  // opens “…”, also closes „…“
  CHECK(mark_role("»") == MarkRole::closer);
  CHECK(mark_role("”") == MarkRole::closer);
  CHECK(mark_role("\"") == MarkRole::straight);
  CHECK(mark_role("-") == MarkRole::none);
  CHECK(mark_role("«»") == MarkRole::none);
  // Another table gives other marks: the code holds none of its own.
  std::vector<MarkPair> marks;
  REQUIRE(parse_marks("angle\t<\t>\t<Иә>\n", "marks.tsv", marks).ok());
  CHECK(mark_role(marks, "<") == MarkRole::opener);
  CHECK(mark_role(marks, ">") == MarkRole::closer);
  CHECK(mark_role(marks, "«") == MarkRole::none);
  Tables t;
  REQUIRE(load_tables(t).ok());
  CHECK(ambiguous_mark(t.marks, "“"));
  CHECK_FALSE(ambiguous_mark(t.marks, "«"));
  CHECK_FALSE(ambiguous_mark(t.marks, "\""));
}

TEST_CASE("malformed tables name the file and line") {
  struct Case {
    const char* what;
    std::string bytes;
    const char* message;  // expected substring
  };
  const Case cases[] = {
      {"too few columns", "# header\ndedi\tдеді\tsay\tany\tx\n\nbad\tдеп\tsay\n", "verbs.tsv line 4"},
      {"unknown class", "dedi\tдеді\tshout\tany\tx\n", "line 1: unknown class"},
      {"upper case form", "dedi\tДеді\tsay\tany\tx\n", "line 1: form"},
      {"double space", "dedi\tдеп  атап\tsay\tany\tx\n", "line 1: form"},
      {"bad agent", "dedi\tдеді\tsay\tsomeone\tx\n", "line 1: agent"},
      {"one-word stem", "dedi\tде*\tsay\tany\tx\n", "line 1: a stem"},
      {"duplicate id", "dedi\tдеді\tsay\tany\tx\ndedi\tдейді\tsay\tany\tx\n", "line 2: duplicate"},
      {"duplicate form", "dedi\tдеді\tsay\tany\tx\ndedi2\tдеді\tsay\tany\tx\n", "line 2: duplicate"},
      {"duplicate stem", "a\tдеп ойла*\tthink\tany\tx\nb\tдеп айт\tsay\tany\tx\nc\tдеп ойла*\tsay\tany\tx\n",
       "line 3: duplicate"},
      {"empty column", "dedi\t\tsay\tany\tx\n", "line 1: empty column"},
      {"empty table", "", "missing or empty"},
  };
  for (const Case& c : cases) {
    std::string what = c.what;
    CAPTURE(what);
    std::vector<Verb> out;
    Status st = parse_verbs(c.bytes, "verbs.tsv", out);
    CHECK_FALSE(st.ok());
    CHECK(st.code == StatusCode::invalid_model);
    CHECK_MESSAGE(st.message.find(c.message) != std::string::npos, st.message);
    CHECK(st.message.find("verbs.tsv") == 0);
  }
}

TEST_CASE("other tables reject malformed lines") {
  std::vector<MarkPair> marks;
  CHECK(parse_marks("a\t«»\t»\tx\n", "marks.tsv", marks).message == "marks.tsv line 1: a mark must be one character");
  std::vector<TitleWord> titles;
  CHECK_FALSE(parse_titles("t\tатты\tname\tx\n", "titles.tsv", titles).ok());
  std::vector<Form> nouns;
  CHECK_FALSE(parse_name_nouns("жоба жобасы\torg\tx\n", "nouns.tsv", nouns).ok());
  std::unordered_map<std::string, WordClass> words;
  CHECK_FALSE(parse_speakers("ол\tpronoun\tx\nол\trole\tx\n", "speakers.tsv", words).ok());
  CHECK_FALSE(parse_speakers("ол\tboss\tx\n", "speakers.tsv", words).ok());
  // Which pronoun points to one person, and which verbs are the bare quoting particle and the
  // participle, is the tables' word (no `ол`, `деп` or `деген` in the code).
  words.clear();
  REQUIRE(parse_speakers("ол\tpronoun_one\tx\nолар\tpronoun\tx\n", "speakers.tsv", words).ok());
  CHECK(words.at("ол") == WordClass::pronoun_one);
  CHECK(words.at("олар") == WordClass::pronoun);
  std::vector<Verb> particles;
  REQUIRE(parse_verbs("dep\tдеп\tparticle\tany\tx\ndegen\tдеген\tparticiple\tany\tx\n",
                      "speech_verbs.tsv", particles).ok());
  CHECK(particles[0].cls == "particle");
  CHECK(particles[1].cls == "participle");
  // A stem and the same words as a whole form are two forms, not a duplicate; a duplicate of a verb
  // already in `out` (from an earlier call) is found too.
  REQUIRE(parse_verbs("a\tдеп ойла*\tthink\tany\tx\nb\tдеп ойла\tthink\tany\tx\n", "v.tsv", particles).ok());
  CHECK(particles.size() == 4);
  CHECK_FALSE(parse_verbs("z\tдеген\tsay\tany\tx\n", "v.tsv", particles).ok());
  std::vector<Form> openers;
  std::vector<ReportVerb> verbs, leads;
  Status st = parse_report_sentences("a\topener\tбұл туралы\tx\nb\tend\tайтты\tx\n", "report.tsv",
                                     openers, verbs, leads);
  CHECK(st.message ==
        "report.tsv line 2: part must be opener, verb, verb_alone, lead or lead_announcing");
  // Which verbs point back alone and which leads announce the words is the table's word only.
  verbs.clear();
  leads.clear();
  REQUIRE(parse_report_sentences("a\tverb\tайтты\tx\nb\tverb_alone\tсолай деді\tx\n"
                                 "c\tlead\tбылай деді\tx\nd\tlead_announcing\tтөмендегіше айтты\tx\n",
                                 "report.tsv", openers, verbs, leads)
              .ok());
  REQUIRE(verbs.size() == 2);
  CHECK_FALSE(verbs[0].alone);
  CHECK(verbs[1].alone);
  REQUIRE(leads.size() == 2);
  CHECK_FALSE(leads[0].announces);
  CHECK(leads[1].announces);
}

TEST_CASE("stems and prefixes parse") {
  std::vector<TitleWord> titles;
  REQUIRE(parse_titles("dep_atal\tдеп атал*\ttitle\t«гидрокостюм» деп аталады\n", "t.tsv", titles).ok());
  REQUIRE(titles.size() == 1);
  CHECK(titles[0].form.prefix_last);
  CHECK(titles[0].form.words[1] == "атал");
  std::vector<Verb> verbs;
  REQUIRE(parse_verbs("dep_oila\tдеп ойла*\tthink\tany\t«…» деп ойлады ол.\r\n", "v.tsv", verbs).ok());
  CHECK(verbs[0].form.prefix_last);
}

namespace {

// Whether one of the one-word forms matches `w`, tried in turn as Matcher::form_at does.
bool any_form(const std::vector<const Form*>& forms, std::size_t word, const std::string& w) {
  for (const Form* f : forms) {
    const std::string& x = f->words[word];
    if (f->prefix_last ? w.compare(0, x.size(), x) == 0 : w == x) return true;
  }
  return false;
}

// The words the indexes are asked about: every listed word, with an ending, cut short by a
// letter, and some words no table lists.
std::vector<std::string> probes(const std::vector<const Form*>& forms, std::size_t word) {
  std::vector<std::string> out = {"", "а", "және", "министр", "бұл", "айтты", "деді."};
  for (const Form* f : forms) {
    const std::string& x = f->words[word];
    out.push_back(x);
    out.push_back(x + "ы");
    out.push_back(x + "ларының");
    if (x.size() > 2) out.push_back(x.substr(0, x.size() - 2));  // one Cyrillic letter less
  }
  return out;
}

}  // namespace

TEST_CASE("the word indexes answer as trying every form in turn: no listed word is missed") {
  Tables t;
  REQUIRE(load_tables(t).ok());
  struct Index {
    const char* what;
    const WordIndex& index;
    std::vector<const Form*> forms;
    bool last;  // indexed by the last word (else the only one)
  };
  std::vector<const Form*> nouns, reports, leads;
  for (const Form& f : t.name_nouns) nouns.push_back(&f);
  for (const ReportVerb& v : t.report_verbs) reports.push_back(&v.form);
  for (const ReportVerb& v : t.lead_verbs) leads.push_back(&v.form);
  REQUIRE(nouns.size() >= 50);
  REQUIRE(reports.size() >= 5);
  REQUIRE(leads.size() >= 5);
  for (const Index& ix : {Index{"name nouns", t.name_noun_words, nouns, false},
                          Index{"report verbs' last words", t.report_verb_ends, reports, true},
                          Index{"lead verbs' last words", t.lead_verb_ends, leads, true}}) {
    INFO(ix.what);
    for (const Form* f : ix.forms) {
      const std::size_t word = ix.last ? f->words.size() - 1 : 0;
      if (!ix.last) REQUIRE(f->words.size() == 1);
      CHECK(ix.index.has(f->words[word]));  // every listed word is found
      for (const std::string& w : probes({f}, word)) {
        bool want = false;
        for (const Form* g : ix.forms) want = want || any_form({g}, ix.last ? g->words.size() - 1 : 0, w);
        INFO(w);
        CHECK(ix.index.has(w) == want);
      }
    }
  }
}

TEST_CASE("every mark of marks.tsv passes the first-byte filter; other punctuation does not") {
  Tables t;
  REQUIRE(load_tables(t).ok());
  REQUIRE(t.marks.size() >= 4);
  for (const MarkPair& m : t.marks) {
    INFO(m.id);
    CHECK(t.may_be_mark(m.open));
    CHECK(t.may_be_mark(m.close));
    CHECK(mark_role(m.open) != MarkRole::none);
    CHECK(mark_role(m.close) != MarkRole::none);
    CHECK(mark_role(m.open) == mark_role(t.marks, m.open));
    CHECK(mark_role(m.close) == mark_role(t.marks, m.close));
  }
  for (const char* p : {",", ".", "-", ":", "(", "!"}) CHECK_FALSE(t.may_be_mark(p));
  for (const char* p : {",", ".", "-", "–", "—", ":", "(", "!"}) CHECK(mark_role(p) == MarkRole::none);
}

TEST_CASE("each title is listed once, under its first word's lead key (Matcher::title_at tries only those)") {
  Tables t;
  REQUIRE(load_tables(t).ok());
  REQUIRE(t.titles_by_lead.size() == Tables::kShortLead + 1);
  std::size_t listed = 0;
  for (const std::vector<std::uint32_t>& rows : t.titles_by_lead) listed += rows.size();
  CHECK(listed == t.titles.size());
  for (std::size_t i = 0; i < t.titles.size(); ++i) {
    const std::vector<std::string>& w = t.titles[i].form.words;
    const std::vector<std::uint32_t>& rows = t.titles_by_lead[w.empty() ? Tables::kShortLead : Tables::lead_key(w[0])];
    CHECK_MESSAGE(std::find(rows.begin(), rows.end(), i) != rows.end(), t.titles[i].id);
  }
  // A stem's words share its key: `депутат` and `депутаттың` start alike.
  CHECK(Tables::lead_key("депутат") == Tables::lead_key("депутаттың"));
  CHECK(Tables::lead_key("a") == Tables::kShortLead);
}
