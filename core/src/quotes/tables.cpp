#include "quotes/tables.h"

#include <algorithm>
#include <functional>
#include <string_view>
#include <unordered_set>

#include "resources.h"
#include "text/utf8.h"

namespace belgi::quotes {

namespace {

using Fields = std::vector<std::string_view>;
// Calls `row` for each data line with its tab-separated fields and 1-based line number.
using RowFn = std::function<Status(const Fields&, std::size_t)>;

Status fail(std::string_view file, std::size_t line, const std::string& what) {
  return Status::error(StatusCode::invalid_model,
                       std::string(file) + " line " + std::to_string(line) + ": " + what);
}

// Into f (cleared): each_row reuses one vector for every line, not an allocation a line.
void split_tabs(std::string_view line, Fields& f) {
  f.clear();
  std::size_t start = 0;
  for (std::size_t p = 0; p <= line.size(); ++p) {
    if (p == line.size() || line[p] == '\t') {
      f.push_back(line.substr(start, p - start));
      start = p + 1;
    }
  }
}

Status each_row(std::string_view bytes, std::string_view file, std::size_t columns,
                const RowFn& row) {
  if (bytes.empty()) return fail(file, 0, "missing or empty table");
  if (Status st = check_utf8(bytes); !st.ok()) return fail(file, 0, st.message);
  std::size_t n = 0;
  Fields f;
  f.reserve(columns + 1);
  for (std::size_t pos = 0; pos < bytes.size();) {
    std::size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) nl = bytes.size();
    std::string_view line = bytes.substr(pos, nl - pos);
    pos = nl + 1;
    ++n;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    split_tabs(line, f);
    if (f.size() != columns)
      return fail(file, n, "expected " + std::to_string(columns) + " tab-separated columns, got " +
                               std::to_string(f.size()));
    for (std::string_view v : f)
      if (v.empty()) return fail(file, n, "empty column");
    Status st = row(f, n);
    if (!st.ok()) return st;
  }
  return Status();
}

// "деп атал*" -> {деп, атал}, prefix_last. Words must be lower case and non-empty.
bool parse_form(std::string_view s, Form& out) {
  out = Form();
  // The words' vector sized once (it grew 1, 2, 4, moving the strings at each step).
  out.words.reserve(static_cast<std::size_t>(std::count(s.begin(), s.end(), ' ')) + 1);
  std::size_t start = 0;
  for (std::size_t p = 0; p <= s.size(); ++p) {
    if (p < s.size() && s[p] != ' ') continue;
    std::string_view w = s.substr(start, p - start);
    start = p + 1;
    if (w.empty()) return false;
    out.words.emplace_back(w);
  }
  std::string& last = out.words.back();
  if (last.size() > 1 && last.back() == '*') {
    last.pop_back();
    out.prefix_last = true;
  }
  for (const std::string& w : out.words)
    if (w.find('*') != std::string::npos || utf8::lower(w) != w) return false;
  return true;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t p = 0; p < s.size(); ++n) utf8::next(s, p);
  return n;
}

}  // namespace

Status parse_marks(std::string_view bytes, std::string_view file, std::vector<MarkPair>& out) {
  return each_row(bytes, file, 4, [&](const Fields& f, std::size_t n) {
    if (code_points(f[1]) != 1 || code_points(f[2]) != 1)
      return fail(file, n, "a mark must be one character");
    out.push_back(MarkPair{std::string(f[0]), std::string(f[1]), std::string(f[2])});
    return Status();
  });
}

Status parse_verbs(std::string_view bytes, std::string_view file, std::vector<Verb>& out) {
  std::unordered_set<std::string_view> ids, forms;
  const std::size_t before = out.size();  // verbs already in `out` (none from load_tables)
  return each_row(bytes, file, 5, [&](const Fields& f, std::size_t n) {
    Verb v;
    v.id = std::string(f[0]);
    if (!parse_form(f[1], v.form))
      return fail(file, n, "form must be lower-case words separated by single spaces");
    if (v.form.prefix_last && v.form.words.size() < 2)
      return fail(file, n, "a stem (`*`) may end a form of two or more words only");
    v.cls = std::string(f[2]);
    if (v.cls != "say" && v.cls != "think" && v.cls != "report" && v.cls != "write" &&
        v.cls != "passive" && v.cls != "as_said" && v.cls != "particle" &&
        v.cls != "participle")
      return fail(file, n, "unknown class '" + v.cls + "'");
    if (f[3] != "any" && f[3] != "none" && f[3] != "before")
      return fail(file, n, "agent must be any, none or before");
    v.agent = f[3] == "any" ? Verb::Agent::any : f[3] == "none" ? Verb::Agent::none : Verb::Agent::before;
    // The ids and forms seen, as views of `bytes` (it outlives the parse): a form's text is its
    // words and `*` (parse_form's inverse), so equal texts are equal forms. Each verb was compared
    // with every one before it (O(n^2): a fifth of the quotes tables' start-up).
    bool dup = ids.count(f[0]) || forms.count(f[1]);
    for (std::size_t i = 0; i < before && !dup; ++i)
      dup = out[i].id == v.id || (out[i].form.words == v.form.words && out[i].form.prefix_last == v.form.prefix_last);
    if (dup) return fail(file, n, "duplicate id or form '" + v.id + "'");
    ids.insert(f[0]), forms.insert(f[1]);
    out.push_back(std::move(v));
    return Status();
  });
}

Status parse_titles(std::string_view bytes, std::string_view file, std::vector<TitleWord>& out) {
  return each_row(bytes, file, 4, [&](const Fields& f, std::size_t n) {
    TitleWord t;
    t.id = std::string(f[0]);
    if (!parse_form(f[1], t.form))
      return fail(file, n, "form must be lower-case words separated by single spaces");
    t.reason = std::string(f[2]);
    if (t.reason != "title" && t.reason != "saying" && t.reason != "negated")
      return fail(file, n, "reason must be title, saying or negated");
    out.push_back(std::move(t));
    return Status();
  });
}

Status parse_name_nouns(std::string_view bytes, std::string_view file, std::vector<Form>& out) {
  return each_row(bytes, file, 3, [&](const Fields& f, std::size_t n) {
    Form form;
    if (!parse_form(f[0], form) || form.words.size() != 1)
      return fail(file, n, "stem must be one lower-case word");
    out.push_back(std::move(form));
    return Status();
  });
}

Status parse_report_sentences(std::string_view bytes, std::string_view file,
                              std::vector<Form>& openers, std::vector<ReportVerb>& verbs,
                              std::vector<ReportVerb>& leads) {
  return each_row(bytes, file, 4, [&](const Fields& f, std::size_t n) {
    Form form;
    if (!parse_form(f[2], form) || form.prefix_last)
      return fail(file, n, "form must be lower-case words separated by single spaces");
    std::string_view part = f[1];
    if (part == "opener") openers.push_back(std::move(form));
    else if (part == "verb" || part == "verb_alone") verbs.push_back(ReportVerb{std::move(form), part == "verb_alone", false});
    else if (part == "lead" || part == "lead_announcing") leads.push_back(ReportVerb{std::move(form), false, part == "lead_announcing"});
    else return fail(file, n, "part must be opener, verb, verb_alone, lead or lead_announcing");
    return Status();
  });
}

Status parse_speakers(std::string_view bytes, std::string_view file,
                      std::unordered_map<std::string, WordClass>& out) {
  return each_row(bytes, file, 3, [&](const Fields& f, std::size_t n) {
    Form form;
    if (!parse_form(f[0], form) || form.words.size() != 1 || form.prefix_last)
      return fail(file, n, "word must be one lower-case word");
    WordClass c = f[1] == "pronoun" ? WordClass::pronoun
                  : f[1] == "pronoun_one" ? WordClass::pronoun_one
                  : f[1] == "role"  ? WordClass::role
                  : f[1] == "skip"  ? WordClass::skip
                  : f[1] == "saying" ? WordClass::saying
                  : f[1] == "message" ? WordClass::message
                  : f[1] == "person" ? WordClass::person
                  : f[1] == "label" ? WordClass::label
                                    : WordClass::none;
    if (c == WordClass::none)
      return fail(file, n, "class must be pronoun, pronoun_one, role, skip, saying, message, person or label");
    if (!out.emplace(form.words[0], c).second)
      return fail(file, n, "duplicate word '" + form.words[0] + "'");
    return Status();
  });
}

Status load_tables(Tables& out) {
  const char* dir = "rules/quotes/";
  auto bytes = [&](const char* name) { return resources::file(std::string(dir) + name); };
  Status st = parse_marks(bytes("marks.tsv"), "data/rules/quotes/marks.tsv", out.marks);
  if (st.ok()) st = parse_verbs(bytes("speech_verbs.tsv"), "data/rules/quotes/speech_verbs.tsv", out.verbs);
  if (st.ok()) st = parse_titles(bytes("title_words.tsv"), "data/rules/quotes/title_words.tsv", out.titles);
  if (st.ok())
    st = parse_name_nouns(bytes("name_nouns.tsv"), "data/rules/quotes/name_nouns.tsv", out.name_nouns);
  if (st.ok())
    st = parse_speakers(bytes("speakers.tsv"), "data/rules/quotes/speakers.tsv", out.speaker_words);
  if (st.ok())
    st = parse_report_sentences(bytes("report_sentences.tsv"), "data/rules/quotes/report_sentences.tsv",
                                out.report_openers, out.report_verbs, out.lead_verbs);
  if (st.ok()) out.index();
  return st;
}

void WordIndex::add(const std::string& word, bool stem) {
  if (!stem) {
    words_.insert(word);
    return;
  }
  stems_.insert(word);
  if (std::find(stem_sizes_.begin(), stem_sizes_.end(), word.size()) == stem_sizes_.end())
    stem_sizes_.push_back(word.size());
}

void WordIndex::clear() {
  words_.clear();
  stems_.clear();
  stem_sizes_.clear();
}

bool WordIndex::has(std::string_view w) const {
  if (words_.count(w)) return true;
  for (std::size_t n : stem_sizes_)
    if (n <= w.size() && stems_.count(w.substr(0, n))) return true;
  return false;
}

void Tables::index() {
  mark_first_bytes.reset();
  for (const MarkPair& m : marks)
    for (const std::string* mark : {&m.open, &m.close})
      if (!mark->empty()) mark_first_bytes.set(static_cast<unsigned char>((*mark)[0]));
  name_noun_words.clear();
  for (const Form& f : name_nouns) name_noun_words.add(f.words[0], f.prefix_last);
  report_verb_ends.clear();
  for (const ReportVerb& v : report_verbs) report_verb_ends.add(v.form.words.back(), v.form.prefix_last);
  lead_verb_ends.clear();
  for (const ReportVerb& v : lead_verbs) lead_verb_ends.add(v.form.words.back(), v.form.prefix_last);
  verbs_by_first.clear();
  for (const Verb& v : verbs) verbs_by_first[v.form.words[0]].push_back(&v);
  speaker_class.clear();
  for (const auto& [word, cls] : speaker_words) speaker_class.emplace(word, cls);
  titles_by_lead.assign(kShortLead + 1, {});
  for (std::size_t i = 0; i < titles.size(); ++i) {
    const std::vector<std::string>& w = titles[i].form.words;
    titles_by_lead[w.empty() ? kShortLead : lead_key(w[0])].push_back(static_cast<std::uint32_t>(i));
  }
}

}  // namespace belgi::quotes
