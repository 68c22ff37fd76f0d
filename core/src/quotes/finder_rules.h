// The Finder runs the quote rules of finder.h over one Doc. Its parts, by kind of quote:
//   finder.cpp           the shared steps: a cue after a closing mark or a dash, the
//                        attribution from a cue, emitting and settling the quotes found;
//   finder_marks.cpp     a pair of quotation marks: a cue after it, a colon before it, a lead,
//                        a report or source sentence, a continued paragraph;
//   finder_dash.cpp      paragraphs opened by a dash: a cue inside, a colon before, interviews;
//   finder_unmarked.cpp  speech with no marks: transcript lines, leads, an inline colon,
//                        `…, – деді X`.
#pragma once
#include <cstddef>
#include <utility>
#include <vector>

#include "quotes/finder.h"

namespace belgi::quotes {

constexpr std::size_t kSourceLineMax = 8;       // tokens of a source line after a quote
constexpr std::size_t kNearTurnBytes = 1500;    // an interview's guest named before its turns
constexpr std::size_t kMaxTranscriptLead = 12;  // tokens of a `… Дархан Мыңбай:` line
constexpr std::size_t kMaxParenthetical = 16;   // tokens of `(…)` between a quote and its cue
constexpr std::size_t kMaxRun = 50;             // dash paragraphs of a run, each way
constexpr std::size_t kMaxVerseWords = 8;       // words of a line of verse quoted unmarked
constexpr std::size_t kMaxVerseLines = 12;      // its lines above the attribution

class Finder {
 public:
  Finder(const Doc& d, const Matcher& m, const std::vector<Pair>& p);
  std::vector<Found> run();

 private:
  // ---- shared steps (finder.cpp) ----
  std::size_t words(TokenRange r, std::size_t cap = 4) const;
  bool has_terminator(TokenRange r) const;
  bool one_entity(TokenRange r) const;
  bool nominal_sentence(TokenRange r) const;
  void emit(QuoteKind kind, TokenRange content, const Attribution& a, const char* rule, float score);
  TokenRange speaker_before_quote(std::size_t begin) const;
  Attribution attribute(const Cue& cue, std::size_t limit, std::size_t open) const;
  bool cue_after(std::size_t j, std::size_t limit, Cue& cue, bool& dashed, bool loose = false) const;
  bool inner_attribution(std::size_t b, std::size_t e, std::size_t& dash, Cue& cue) const;
  std::size_t content_end(std::size_t dash) const;
  bool attribution_dash(std::size_t k, std::size_t limit, Cue& cue) const;
  bool listed_cue_at(std::size_t i, std::size_t limit, Cue& cue) const;
  bool saying_after(std::size_t i, std::size_t limit) const;
  std::vector<Found> settle();
  bool dash_opened(std::size_t para) const;
  bool quoted_paragraph(std::size_t f) const;
  bool cut_off(std::size_t f) const;
  bool sentence_shaped(std::size_t p, std::size_t min_words) const;
  bool sentence_shaped_from(std::size_t b, std::size_t end, std::size_t min_words) const;
  // ---- quotation marks (finder_marks.cpp) ----
  void marks(const Pair& p, std::size_t& chain_end, Attribution& chained);
  bool said_by_person(TokenRange content, std::size_t j, std::size_t limit);
  bool fills_paragraph(const Pair& p) const;
  bool continued_paragraph(const Pair& p, TokenRange content);
  void cut_off_pair(const Pair& p);
  bool lead_paragraph(const Pair& p, TokenRange content);
  bool source_before(std::size_t f, TokenRange& speaker) const;
  bool split(const Pair& p, std::size_t& chain_end, Attribution& chained);
  bool chained_quote(const Pair& p, std::size_t chain_end, const Attribution& a);
  bool sentence_pair(const Pair& p) const;
  void dash_after_attribution(const Attribution& a, std::size_t limit);
  bool colon_form(const Pair& p, TokenRange content, bool weak);
  bool name_after_dash(const Pair& p, TokenRange content, std::size_t limit);
  bool as_said(const Pair& p, TokenRange content);
  bool report_after(const Pair& p, TokenRange content);
  void source_line(const Pair& p, TokenRange content, std::size_t limit);
  // ---- paragraphs opened by a dash (finder_dash.cpp) ----
  void dash_paragraphs();
  void glued_question(std::size_t p);
  TokenRange speaker_of_colon_before(std::size_t p) const;
  std::size_t sentences(std::size_t p) const;
  bool question(std::size_t p) const;
  Attribution turn_attribution(std::size_t p) const;
  bool colon_before_paragraph(std::size_t p, Attribution& out);
  bool names_or_capitals(TokenRange r) const;
  bool interview_turn(std::size_t p) const;
  std::pair<std::size_t, std::size_t> run_of(std::size_t p) const;
  TokenRange speaker_later_in_run(std::size_t p) const;
  bool run_reads_as_speech(std::size_t b, std::size_t e) const;
  bool after_heading(std::size_t p) const;
  bool list_run(std::size_t p) const;
  bool run_has_question(std::size_t p) const;
  // ---- speech without marks (finder_unmarked.cpp) ----
  // Speech after an attribution opened by a dash (`…, - деді ол. - Екінші бөлік.`): it runs to
  // the next attribution in the paragraph, or to the paragraph end (flushed then).
  struct Pending {
    bool on = false;
    std::size_t start = 0, para = 0;
    Attribution attr;
  };
  void transcript_lines();
  void colon_inline();
  void lead_dash_inline();
  std::size_t speech_end(std::size_t b, std::size_t end, std::size_t& next) const;
  void inline_headers();
  void header_runs();
  std::size_t header_colon(std::size_t p) const;
  TokenRange inline_header_speaker(std::size_t f, std::size_t colon) const;
  bool opens_with_someone(std::size_t t) const;
  void flush(Pending& p);
  std::size_t verse_start(std::size_t f, std::size_t before, std::size_t floor) const;
  std::size_t after_lead(std::size_t start, std::size_t before, const Attribution& a) const;
  void unmarked();

  const Doc& doc_;
  const Matcher& m_;
  const std::vector<Pair>& pairs_;
  std::vector<bool> in_pair_, closer_;  // a token inside a pair (marks too); a closing mark
  // The colon and dash tokens, ascending, each list made once when first asked for: the loops of
  // colon_inline, inline_headers, lead_dash_inline and unmarked visit only those (next_of), not
  // every token asked whether it is one.
  std::vector<std::size_t> colons_, dashes_;
  bool colons_found_ = false, dashes_found_ = false;
  const std::vector<std::size_t>& colons();
  const std::vector<std::size_t>& dashes();
  std::size_t next_of(const std::vector<std::size_t>& tokens, std::size_t k, std::size_t& c) const;
  std::vector<Found> out_;
};

}  // namespace belgi::quotes
