#include "quotes/doc.h"

#include <algorithm>
#include <cstring>

#include "text/chars.h"
#include "text/huge_pages.h"
#include "text/utf8.h"

namespace belgi::quotes {

namespace {

char32_t first_cp(std::string_view s) {
  std::size_t p = 0;
  return s.empty() ? 0 : utf8::next(s, p);
}

}  // namespace

Doc::Doc(const Context& c) : ctx(c), text(c.text), tok(c.tokens) {
  const std::size_t n = tok.size();
  lower_.resize(n);
  // The loops below read and write through local pointers: through the members, every store
  // (which may alias them, for the compiler) reloaded the vectors' data at each token.
  const text::Token* t = tok.data();
  // Entities: ctx.spans are sorted by begin and do not overlap each other (resolve()). Every
  // token's value written once (resize's zeroes are a memset), not -1 everywhere and then some.
  entity.resize(n);
  int* ent = entity.data();
  const Span* spans = c.spans.data();
  const std::size_t ns = c.spans.size();
  std::size_t s = 0;
  for (std::size_t i = 0; i < n; ++i) {
    while (s < ns && spans[s].range.end <= t[i].begin) ++s;
    const bool in = s < ns && spans[s].type != SpanType::QUOTE && spans[s].range.begin <= t[i].begin &&
                    t[i].end <= spans[s].range.end;
    ent[i] = in ? static_cast<int>(s) : -1;
  }
  // Paragraphs: a new one where a newline lies between two tokens. Newlines are few: the next
  // one after the previous token is found once (memchr) and compared with each token's place,
  // not each gap searched.
  para.resize(n);
  std::size_t* par = para.data();
  const char* bytes = text.data();
  auto newline_from = [&](std::size_t from) {
    const void* q = from < text.size() ? std::memchr(bytes + from, '\n', text.size() - from) : nullptr;
    return q ? static_cast<std::size_t>(static_cast<const char*>(q) - bytes) : text.size();
  };
  std::size_t nl = 0;  // the first newline at or after t[i - 1].end (text.size(): none)
  std::size_t p = 0;
  if (n > 0) {
    para_first.push_back(0);
    nl = newline_from(t[0].end);
  }
  for (std::size_t i = 1; i < n; ++i) {
    if (nl < t[i - 1].end) nl = newline_from(t[i - 1].end);  // a newline inside a token, passed
    if (nl < t[i].begin) {
      para_first.push_back(i);
      p = para_first.size() - 1;
      nl = newline_from(t[i].begin);  // the gap's newline is passed too: the next one after it
    }
    par[i] = p;
  }
  sent.assign(n, 0);
  std::size_t* sen = sent.data();
  for (std::size_t k = 0; k < c.sentences.size(); ++k)
    for (std::size_t i = c.sentences[k].first, e = std::min(c.sentences[k].last, n); i < e; ++i) sen[i] = k;
}

std::string_view Doc::make_lower(std::size_t i) const {
  // One buffer for the forms, sized once for the worst case (a mapping lengthens a word by at
  // most half: utf8::lower_into) and never moved, so the views stay valid; pages not written
  // are never touched.
  if (!lower_text_) {
    lower_text_.reset(new char[2 * text.size() + 1]);
    text::advise_huge_pages(lower_text_.get(), 2 * text.size() + 1);  // a large document's: MBs
    lower_end_ = lower_text_.get();
  }
  std::string_view t = tok[i].text(text);
  char* b = lower_end_;
  if (tok[i].kind == text::TokenKind::punct) lower_end_ = std::copy(t.begin(), t.end(), b);
  else lower_end_ = utf8::lower_into(b, t);
  return lower_[i] = std::string_view(b, static_cast<std::size_t>(lower_end_ - b));
}

std::size_t Doc::para_end(std::size_t i) const {
  std::size_t p = para[i] + 1;
  return p < para_first.size() ? para_first[p] : tok.size();
}

bool Doc::dash_at(std::size_t i) const {
  std::string_view w = word(i);
  std::size_t p = 0;
  char32_t c = utf8::next(w, p);
  return text::is_dash(c) && (p == w.size() || w == "--");
}

bool Doc::is_terminator(std::size_t i) const {
  if (!is_punct(i)) return false;
  char32_t c = first_cp(word(i));
  return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

bool Doc::is_capitalized(std::size_t i) const { return text::is_upper(first_cp(word(i))); }

bool Doc::has_entity(std::size_t i, SpanType t) const {
  return entity[i] >= 0 && ctx.spans[static_cast<std::size_t>(entity[i])].type == t;
}

}  // namespace belgi::quotes
