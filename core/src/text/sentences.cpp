#include "text/sentences.h"

#include <algorithm>
#include <array>

#include "text/chars.h"
#include "text/utf8.h"

namespace belgi::text {

namespace {

// Abbreviations that take a full stop in Kazakh and Russian news, lower case, sorted.
// Examples: `т.б.` (тағы басқа), `т.с.с.`, `2023 ж.` (жыл), `XXI ғ.` (ғасыр), `5 млн.`,
// `проф. Сәтбаев`, `көш.` (көшесі), `обл.`, `г.` (Russian город), `им.`, `руб.`, `тг.`.
constexpr std::array<std::string_view, 40> kAbbrev = {
    "акад", "б",   "бб",  "г",   "гг",  "доц", "др",  "ж",   "жж",  "им",
    "кв",   "км",  "көш", "қ",   "м",   "мин", "млн", "млрд", "мыс", "обл",
    "пр",   "проф", "р",  "руб", "с",   "сағ", "см",  "ст",  "т",   "тг",
    "трлн", "тт",  "ул",  "ф",   "х",   "ғ",   "ғғ",  "etc", "mr",  "dr",
};
// After these a capitalised word is a name, not a new sentence: `проф. Сәтбаев`.
constexpr std::array<std::string_view, 8> kTitle = {"акад", "доц", "др", "им", "проф", "dr",
                                                     "mr", "көш"};

bool contains(const std::string_view* b, const std::string_view* e, std::string_view s) {
  return std::find(b, e, s) != e;
}

char32_t first_cp(std::string_view s) {
  std::size_t p = 0;
  return s.empty() ? 0 : utf8::next(s, p);
}

// Asked of every token: the first byte decides, but for a token that starts with E2 (U+2026 is
// E2 80 A6).
bool is_terminator(std::string_view tok) {
  if (tok.empty()) return false;
  const unsigned char b = static_cast<unsigned char>(tok[0]);
  if (b < 0x80) return b == '.' || b == '!' || b == '?';
  return b == 0xE2 && first_cp(tok) == 0x2026;
}

bool is_closer(std::string_view tok) {
  char32_t c = first_cp(tok);
  return c == 0xBB || c == 0x201C || c == 0x201D || c == '"' || c == ')' || c == ']' ||
         c == 0x2019 || c == '\'';
}

// Counts code points in a token (bounded: we only need "one" vs "more").
std::size_t short_len(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t p = 0; p < s.size() && n < 3;) {
    utf8::next(s, p);
    ++n;
  }
  return n;
}

// Asked of the gap before every token, most often one space or none: short gaps are read here
// (a library search costs more than the gap).
bool newline_between(std::string_view text, std::size_t a, std::size_t b) {
  if (b - a <= 4) {
    for (; a < b; ++a)
      if (text[a] == '\n') return true;
    return false;
  }
  return text.substr(a, b - a).find('\n') != std::string_view::npos;
}

// A line break between tokens i-1 and i that only wraps a long line (text copied from PDFs or
// e-mail): one newline, a long line before it without a final stop, a lower-case word after.
// Short lines (headlines, datelines, `фото: …` captions) always end their sentence.
bool hard_wrap(std::string_view text, const std::vector<Token>& t, std::size_t i) {
  constexpr std::size_t kMinWrappedLine = 60;  // bytes; about 35 Cyrillic letters
  std::string_view gap = text.substr(t[i - 1].end, t[i].begin - t[i - 1].end);
  if (gap.find('\n') != gap.rfind('\n')) return false;  // a blank line: a paragraph
  if (!is_lower(first_cp(t[i].text(text)))) return false;
  std::string_view prev = t[i - 1].text(text);
  if (is_terminator(prev) || prev == ":" || prev == ";") return false;
  std::size_t line_start = text.rfind('\n', t[i - 1].begin);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  return t[i - 1].end - line_start >= kMinWrappedLine;
}

// Does the full stop at token i end the sentence?
bool full_stop_ends(std::string_view text, const std::vector<Token>& t, std::size_t i) {
  if (i == 0 || t[i].text(text) != ".") return true;
  const Token& prev = t[i - 1];
  if (prev.end != t[i].begin) return true;  // "word ." with a space: a plain stop
  std::string_view pw = prev.text(text);
  std::size_t next = i + 1;
  while (next < t.size() && is_closer(t[next].text(text))) ++next;
  if (next >= t.size()) return true;
  char32_t nc = first_cp(t[next].text(text));
  bool next_upper = is_upper(nc);
  if (!next_upper && (is_lower(nc) || t[next].kind == TokenKind::number)) return false;
  char32_t pc = first_cp(pw);
  if (prev.kind == TokenKind::word && short_len(pw) == 1 && is_upper(pc))
    return !next_upper;  // initial: `А. Жұмағали` stays; `... А.` at an end breaks
  std::string lw = utf8::lower(pw);
  if (contains(kTitle.begin(), kTitle.end(), lw)) return false;
  return true;  // `т.б.`, `ж.` before a capital: most often the sentence did end
}

}  // namespace

bool is_abbreviation(std::string_view lower_token) {
  return contains(kAbbrev.begin(), kAbbrev.end(), lower_token);
}

std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Token>& t) {
  std::vector<Sentence> out;
  // News runs 15-25 tokens a sentence: one allocation for most texts (grown by doubling, the
  // copies cost 0.5 M instructions on the head's 1 MB).
  out.reserve(t.size() / 8 + 1);
  std::size_t first = 0;
  auto close = [&](std::size_t last) {
    if (last > first) out.push_back(Sentence{first, last, t[first].begin, t[last - 1].end});
    first = last;
  };
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (i > first && newline_between(text, t[i - 1].end, t[i].begin)) {
      if (!hard_wrap(text, t, i)) close(i);
    }
    if (!is_terminator(t[i].text(text)) || !full_stop_ends(text, t, i)) continue;
    std::size_t j = i + 1;
    while (j < t.size() && is_closer(t[j].text(text)) && t[j].begin == t[j - 1].end) ++j;
    // `«…?» – деп сұрады`, `«…!» деді ол`: the attribution continues the sentence.
    if (j < t.size() && !newline_between(text, t[j - 1].end, t[j].begin)) {
      char32_t nc = first_cp(t[j].text(text));
      if (is_lower(nc) || is_dash(nc) || nc == ',') continue;
    }
    close(j);
    i = j - 1;
  }
  close(t.size());
  return out;
}

}  // namespace belgi::text
