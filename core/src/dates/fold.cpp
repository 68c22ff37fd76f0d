// fold() and fold_into() (tables.h): the date tables' and the words' one comparison form.
#include <string>
#include <string_view>

#include "dates/tables.h"
#include "text/utf8.h"

namespace belgi::dates {

namespace {

// One letter's fold, lower case and the foldings below: the folded code point.
char32_t fold_cp(char32_t c) {
  c = utf8::to_lower(c);
  if (c == U'\u0131' || c == U'\u0456') return U'i';  // Latin ı, Cyrillic і
  if (c == U'\u0451') return U'\u0435';              // ё -> е
  return c;
}

}  // namespace

char* fold_into(char* w, std::string_view word) {
  // Each new word of a text is folded (a sixth of the date word analysis): by utf8::TwoByteMap's
  // table, a load and a store a letter.
  static const utf8::TwoByteMap folded(&fold_cp);
  return folded.apply(w, word);
}

std::string fold(std::string_view word) {
  // A word into a buffer on the stack, a longer text into room made in the string.
  char buf[128];
  if (2 * word.size() <= sizeof buf) return std::string(buf, static_cast<std::size_t>(fold_into(buf, word) - buf));
  std::string out(2 * word.size(), '\0');
  out.resize(static_cast<std::size_t>(fold_into(out.data(), word) - out.data()));
  return out;
}

}  // namespace belgi::dates
