// The quote rules as data: the TSV tables under data/rules/quotes/, parsed once at start-up.
// Every form is lower-case words separated by one space and is compared with lower-cased tokens.
#pragma once
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "belgi/status.h"

namespace belgi::quotes {

// A sequence of lower-case words; `prefix_last` lets the last word match any word starting with it
// (a stem with case endings: `деп атал*` matches `деп аталады`, `деп аталатын`).
struct Form {
  std::vector<std::string> words;
  bool prefix_last = false;
};

// One-word forms, whole words and stems (a Form's prefix_last), asked at once whether a word is
// one of them: the same answer as trying each form in turn (Matcher::form_at) without the turns.
class WordIndex {
 public:
  void add(const std::string& word, bool stem);  // viewed: the string must outlive the index
  void clear();
  bool has(std::string_view lower) const;

 private:
  std::unordered_set<std::string_view> words_, stems_;
  std::vector<std::size_t> stem_sizes_;  // the stems' lengths, each once
};

// speech_verbs.tsv: one cue (`деп атап өтті`).
struct Verb {
  std::string id;
  Form form;
  std::string cls;   // say | think | report | write | passive | as_said | particle (bare `деп`) |
                     // participle (`деген`)
  // Where the speaker is named: any (after the cue, else before the quote), none (passive
  // `делінген`: no speaker), before (`олар «…» деген қорытындыға келген`: only before the
  // opening mark, and the quote needs one).
  enum class Agent { any, none, before } agent = Agent::any;
};

// title_words.tsv: words after a closing mark that make the quoted words a title or saying.
struct TitleWord {
  std::string id;
  Form form;
  std::string reason;  // title | saying | negated
};

// marks.tsv: a quotation-mark pair.
struct MarkPair {
  std::string id;
  std::string open, close;  // one code point each, UTF-8
};

// report_sentences.tsv: a verb closing a report sentence after a quote (parts verb,
// verb_alone), or a lead verb closing the paragraph before one (parts lead, lead_announcing).
struct ReportVerb {
  Form form;
  bool alone = false;      // verb_alone: needs no opener, it points back (`Министр осылай деді.`)
  bool announces = false;  // lead_announcing: announces the words, it is their cue (`былай деді`)
};

// speakers.tsv classes. pronoun_one (`ол`) is a pronoun that points to one person: a pronoun
// everywhere (Matcher::word_class), and linked to the nearest PERSON before.
// label: a noun that before a colon makes a label, not a speaker (`Ұраны: «…»`, `Кітаптың аты:`).
enum class WordClass { none, pronoun, role, skip, saying, message, person, pronoun_one, label };

struct Tables {
  Tables() = default;
  Tables(Tables&&) = default;  // the indexes' keys stay valid: moving keeps the strings where they are
  Tables& operator=(Tables&&) = default;
  Tables(const Tables&) = delete;  // a copy's indexes would view the original's strings
  Tables& operator=(const Tables&) = delete;

  std::vector<MarkPair> marks;
  std::vector<Verb> verbs;
  std::vector<TitleWord> titles;
  std::vector<Form> name_nouns;  // one word each, maybe a stem (prefix_last)
  std::unordered_map<std::string, WordClass> speaker_words;
  std::vector<Form> report_openers;  // report_sentences.tsv
  std::vector<ReportVerb> report_verbs;
  std::vector<ReportVerb> lead_verbs;  // report_sentences.tsv, part `lead`: `… атап өтті.` before a quote

  // Indexes over the rows above, made once by index() (load_tables) rather than per document;
  // their keys view the rows' strings. The verbs starting with a word, in table order:
  std::unordered_map<std::string_view, std::vector<const Verb*>> verbs_by_first;
  WordIndex name_noun_words;  // name_nouns, one word each
  // The last words of report_verbs and lead_verbs: no form ends at a word that is none of them.
  WordIndex report_verb_ends, lead_verb_ends;
  // speaker_words by a view: a look-up builds no string.
  std::unordered_map<std::string_view, WordClass> speaker_class;
  // The first bytes of the marks: a token starting with another byte is no mark (most
  // punctuation: `,` `.`), told without comparing it with every pair.
  std::bitset<256> mark_first_bytes;
  bool may_be_mark(std::string_view token) const {
    return !token.empty() && mark_first_bytes.test(static_cast<unsigned char>(token[0]));
  }
  // The titles by the first two bytes of their first word (titles_by_lead[lead_key(w)], their
  // numbers in `titles`); those whose first word is shorter, in titles_by_lead[kShortLead]. A
  // title can start only at a word of its first word's key (a stem's too: it is a prefix), so
  // Matcher::title_at tries those, not every row at every word.
  static constexpr std::size_t kShortLead = 256;
  static std::size_t lead_key(std::string_view w) {
    return w.size() < 2 ? kShortLead
                        : (static_cast<unsigned char>(w[0]) * 31u + static_cast<unsigned char>(w[1])) & 255u;
  }
  std::vector<std::vector<std::uint32_t>> titles_by_lead = std::vector<std::vector<std::uint32_t>>(kShortLead + 1);
  // Rebuilds the indexes from the rows (after the rows change).
  void index();
  // The class of a lower-case word in speakers.tsv, none if it is not listed.
  WordClass speaker_word(std::string_view lower) const {
    auto it = speaker_class.find(lower);
    return it == speaker_class.end() ? WordClass::none : it->second;
  }
};

// Parsers of one table's bytes; `file` names it in error messages ("speech_verbs.tsv").
// Lines starting with `#` and blank lines are skipped. A malformed line gives
// StatusCode::invalid_model with "<file> line <n>: <what>".
Status parse_marks(std::string_view bytes, std::string_view file, std::vector<MarkPair>& out);
Status parse_verbs(std::string_view bytes, std::string_view file, std::vector<Verb>& out);
Status parse_titles(std::string_view bytes, std::string_view file, std::vector<TitleWord>& out);
Status parse_name_nouns(std::string_view bytes, std::string_view file, std::vector<Form>& out);
Status parse_report_sentences(std::string_view bytes, std::string_view file,
                              std::vector<Form>& openers, std::vector<ReportVerb>& verbs,
                              std::vector<ReportVerb>& leads);
Status parse_speakers(std::string_view bytes, std::string_view file,
                      std::unordered_map<std::string, WordClass>& out);

// Loads all tables from the embedded data/rules/quotes/ files. Fails naming a missing file or
// the file and line of a malformed entry.
Status load_tables(Tables& out);

}  // namespace belgi::quotes
