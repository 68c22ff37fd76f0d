#include "quotes/marks.h"

#include <string_view>

#include "resources.h"

namespace belgi::quotes {

namespace {

struct Open {
  std::size_t token;
  const MarkPair* pair;
};

// Is the straight or ambiguous mark at token i placed like an opener: after a space, a line
// start or an opening bracket, and before a non-space?
bool opener_position(const Doc& doc, std::size_t i) {
  const text::Token& t = doc.tok[i];
  bool space_before = t.begin == 0 || (i > 0 && doc.tok[i - 1].end < t.begin) ||
                      (i > 0 && (doc.word(i - 1) == "(" || doc.word(i - 1) == "["));
  bool word_after = i + 1 < doc.size() && doc.tok[i + 1].begin == t.end;
  return space_before && word_after;
}

class Pairer {
 public:
  Pairer(const Doc& d, const Tables& t) : doc_(d), tables_(t) {}

  std::vector<Pair> run() {
    for (std::size_t i = 0; i < doc_.size(); ++i) {
      // With no pair open (most tokens), only a mark matters: the paragraph and distance checks
      // are for an open one.
      if (!stack_.empty()) {
        if (i > 0 && doc_.para[i] != doc_.para[i - 1]) new_paragraph(i);
        if (!stack_.empty() && doc_.tok[i].begin - doc_.tok[stack_.front().token].begin > kMaxPairBytes)
          stack_.clear();
      }
      // A token no mark starts like opens and closes nothing.
      if (doc_.is_punct(i) && tables_.may_be_mark(doc_.word(i))) mark(i);
    }
    if (!stack_.empty() && open_ + 1 < doc_.size())
      out_.push_back(Pair{open_, doc_.size() - 1, paragraphs_, true});
    return std::move(out_);
  }

 private:
  // An unclosed quote goes on only if the new paragraph opens with the same mark at depth 1
  // (not for straight marks), or if the quote opened its own paragraph (`“Алайда, …\nСол
  // себепті … жабық болады” деп атап өтті …`) or right after a colon (`Ол былай деді: «…\n…»`),
  // for up to kMaxQuoteParagraphs and not into a dash paragraph.
  void new_paragraph(std::size_t i) {
    const MarkPair& p = *stack_.front().pair;
    if (stack_.size() == 1) {
      if (doc_.word(i) == p.open && p.open != p.close) {
        skip_ = i;
        ++paragraphs_;
        return;
      }
      std::size_t first = doc_.para_first[doc_.para[open_]];
      bool announced = open_ > first && doc_.is_colon(open_ - 1);  // `Ол былай деді: «…\n…»`
      if ((first == open_ || announced || closed_ahead(i, p)) && paragraphs_ < kMaxQuoteParagraphs &&
          !doc_.is_dash(i) && doc_.word(i) != p.open) {
        ++paragraphs_;
        return;
      }
    }
    stack_.clear();
  }

  // `Әкім жиында «Біз жол саламыз.\n\nБұл жол …», – деді.`: a guillemet opened inside a
  // paragraph goes on when the first mark of the next paragraph (from i) is its closer.
  bool closed_ahead(std::size_t i, const MarkPair& p) const {
    if (p.open == p.close) return false;
    for (std::size_t k = i, end = doc_.para_end(i); k < end; ++k) {
      if (!doc_.is_punct(k)) continue;
      std::string_view w = doc_.word(k);
      if (w == p.close) return true;
      if (mark_role(tables_.marks, w) != MarkRole::none) return false;
    }
    return false;
  }

  void mark(std::size_t i) {
    if (i == skip_) return;
    std::string_view w = doc_.word(i);
    // A closer of an open pair, innermost first (a mismatched inner mark is dropped).
    for (std::size_t k = stack_.size(); k-- > 0;) {
      if (!closes(*stack_[k].pair, w)) continue;
      if (stack_[k].pair->open == stack_[k].pair->close && k + 1 != stack_.size()) break;
      // A straight mark placed like an opener (a space before it, a word after) opens a pair
      // inside an open one rather than closing it: `"Біз "Жасыл ел" жобасына қатысамыз", –
      // деді ол`, also in a quote continued over paragraphs (`"…\n… "Самұрық" қоры …"`).
      if (stack_[k].pair->open == stack_[k].pair->close && k == 0 && opener_position(doc_, i))
        break;
      stack_.resize(k);
      if (k == 0) out_.push_back(Pair{open_, i, paragraphs_});
      return;
    }
    const MarkPair* p = opener(w);
    if (!p) return;
    if (p->open == p->close && !opener_position(doc_, i)) return;
    if (ambiguous_mark(tables_.marks, w) && !opener_position(doc_, i)) return;
    if (stack_.size() >= kMaxDepth) return;
    if (stack_.empty()) {
      open_ = i;
      paragraphs_ = 1;
    }
    stack_.push_back(Open{i, p});
  }

  // „ is closed by “ or ”: any pair with the same opener counts.
  bool closes(const MarkPair& open, std::string_view w) const {
    for (const MarkPair& p : tables_.marks)
      if (p.open == open.open && p.close == w) return true;
    return false;
  }

  const MarkPair* opener(std::string_view w) const {
    for (const MarkPair& p : tables_.marks)
      if (w == p.open) return &p;
    return nullptr;
  }

  const Doc& doc_;
  const Tables& tables_;
  std::vector<Open> stack_;
  std::vector<Pair> out_;
  std::size_t open_ = 0, paragraphs_ = 1, skip_ = static_cast<std::size_t>(-1);
};

bool opens(const std::vector<MarkPair>& marks, std::string_view w) {
  for (const MarkPair& p : marks)
    if (p.open == w) return true;
  return false;
}

bool closes(const std::vector<MarkPair>& marks, std::string_view w) {
  for (const MarkPair& p : marks)
    if (p.close == w) return true;
  return false;
}

}  // namespace

MarkRole mark_role(const std::vector<MarkPair>& marks, std::string_view w) {
  if (w.empty() || w.size() > 4) return MarkRole::none;  // a mark is one code point
  bool o = opens(marks, w), c = closes(marks, w);
  if (o && c) {
    for (const MarkPair& p : marks)
      if (p.open == w && p.close == w) return MarkRole::straight;
  }
  return o ? MarkRole::opener : c ? MarkRole::closer : MarkRole::none;
}

MarkRole mark_role(std::string_view w) {
  // The tables' marks alone (the entity features ask for every punctuation token), with their
  // first bytes (Tables::may_be_mark).
  static const Tables marks = [] {
    Tables t;
    Status st = parse_marks(resources::file("rules/quotes/marks.tsv"), "data/rules/quotes/marks.tsv", t.marks);
    if (!st.ok()) t.marks.clear();
    t.index();
    return t;
  }();
  return marks.may_be_mark(w) ? mark_role(marks.marks, w) : MarkRole::none;
}

bool ambiguous_mark(const std::vector<MarkPair>& marks, std::string_view w) {
  return mark_role(marks, w) == MarkRole::opener && closes(marks, w);
}

std::vector<Pair> find_pairs(const Doc& doc, const Tables& tables) {
  return Pairer(doc, tables).run();
}

}  // namespace belgi::quotes
