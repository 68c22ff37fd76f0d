#include "text/tokenizer.h"

#include <string>

#include "text/chars.h"
#include "text/huge_pages.h"
#include "text/utf8.h"

namespace belgi::text {

namespace {

// The text decoded once: code points, their classes and byte offsets (off[n] = text size), in
// arrays with kPad entries past the end that read as spaces (code point 0): the scanners look at
// most two characters ahead, so no access needs a bounds check. A large document's arrays are
// megabytes: huge pages (text/huge_pages.h).
struct Decoded {
  static constexpr std::size_t kPad = 4;
  template <class T>
  struct Array {  // uninitialized: every entry used is written in the decoding pass
    std::size_t size = 0;
    T* data = nullptr;
    Array() = default;
    Array(const Array&) = delete;
    Array& operator=(const Array&) = delete;
    ~Array() { release(); }
    void fit(std::size_t n) {
      if (n <= size) return;
      release();
      data = HugePageAllocator<T>().allocate(n);
      size = n;
    }
    void release() {
      if (data) HugePageAllocator<T>().deallocate(data, size);
      data = nullptr, size = 0;
    }
  };
  struct Arrays {
    Array<char32_t> cp;
    Array<CharClass> cls;
    Array<std::size_t> off;
  };
  // A batch's records are small and many: their arrays are kept per thread and reused (were
  // allocated and freed for each), up to this size; a larger text's are its own.
  static constexpr std::size_t kKeep = 64 * 1024;
  static Arrays& kept() {
    thread_local Arrays arrays;
    return arrays;
  }
  Arrays own;
  Arrays& a;
  std::size_t n = 0;

  explicit Decoded(std::string_view text) : a(text.size() <= kKeep ? kept() : own) {
    a.cp.fit(text.size() + kPad);
    a.cls.fit(text.size() + kPad);
    a.off.fit(text.size() + 1);
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    const CharClass* table = detail::char_class_table();  // char_class() without its guard
    // Locals: a store through the offsets may alias the member n (both std::size_t).
    std::size_t* o = a.off.data;
    char32_t* cps = a.cp.data;
    CharClass* cl = a.cls.data;
    std::size_t i = 0, pos = 0;
    // Two bytes can be read at every pos before the last byte: ASCII and two-byte sequences
    // (Cyrillic) need no bound check there, and a two-byte code point (< 0x800) is always in
    // the class table. The rest (and the last byte) are decoded by ICU.
    static_assert(detail::kTableEnd >= 0x800, "two-byte code points are looked up unchecked");
    const std::size_t two = size > 0 ? size - 1 : 0;
    while (pos < two) {
      // The common characters in a loop of their own, with no call in it (the call to ICU made
      // the compiler keep the table and the bound on the stack, reloaded for every character).
      for (;;) {
        const char32_t b = p[pos];
        if (b >= 0xE0) break;
        o[i] = pos;
        const bool ascii = b < 0x80;
        const char32_t c = ascii ? b : (b & 0x1F) << 6 | (p[pos + 1] & 0x3F);
        cps[i] = c;
        cl[i] = table[c];
        pos += ascii ? 1 : 2;
        ++i;
        if (pos >= two) break;
      }
      if (pos >= two) break;
      o[i] = pos;
      const char32_t c = utf8::next(text, pos);
      cps[i] = c;
      cl[i] = c < detail::kTableEnd ? table[c] : detail::classify(c);
      ++i;
    }
    for (; pos < size; ++i) {
      o[i] = pos;
      const char32_t c = utf8::next(text, pos);
      cps[i] = c;
      cl[i] = c < detail::kTableEnd ? table[c] : detail::classify(c);  // no zero-filled array first
    }
    n = i;
    o[n] = size;
    for (; i < n + kPad; ++i) cps[i] = 0, cl[i] = CharClass::space;
  }
  CharClass k(std::size_t i) const { return a.cls.data[i]; }
  char32_t c(std::size_t i) const { return a.cp.data[i]; }
  bool wordish(std::size_t i) const {
    CharClass x = k(i);
    return x == CharClass::letter || x == CharClass::digit;
  }
};

bool ascii_ci_prefix(const Decoded& d, std::size_t i, const char* p) {
  for (; *p; ++p, ++i) {
    char32_t c = d.c(i);
    if (c >= 'A' && c <= 'Z') c |= 0x20;
    if (c != static_cast<char32_t>(*p)) return false;
  }
  return true;
}

std::size_t skip_marks(const Decoded& d, std::size_t j) {
  while (d.k(j) == CharClass::mark) ++j;
  return j;
}

// Trailing characters that end a sentence or enclose a URL rather than belong to it.
bool url_trailer(char32_t c) {
  switch (c) {
    case '.': case ',': case ';': case ':': case '!': case '?': case ')': case '"': case '\'':
    case 0xBB: case 0x201C: case 0x201D:
      return true;
    default:
      return false;
  }
}

bool email_char(char32_t c) {
  return (c < 0x80 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) || (c >= '0' && c <= '9') ||
         c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

// URL (`https://…`, `www.…`) or e-mail address starting at i; returns its end or i.
std::size_t scan_url(const Decoded& d, std::size_t i) {
  if (d.c(i) >= 0x80) return i;  // both kinds start with ASCII (most words here do not)
  std::size_t j = i;
  if (ascii_ci_prefix(d, i, "http://") || ascii_ci_prefix(d, i, "https://") ||
      ascii_ci_prefix(d, i, "www.")) {
    while (j < d.n && d.k(j) != CharClass::space) ++j;
  } else {
    while (j < d.n && email_char(d.c(j))) ++j;
    if (j == i || d.c(j) != '@' || !d.wordish(j + 1)) return i;
    std::size_t at = j++;
    bool dot = false;
    while (j < d.n && email_char(d.c(j))) dot |= d.c(j++) == '.';
    if (!dot || j == at + 1) return i;
  }
  while (j > i && url_trailer(d.c(j - 1))) --j;
  return j;
}

// True if the ASCII letters from i form a common top-level domain that ends there (`KZ` in
// `BAQ.KZ`, `kz` in `Zakon.kz`), case-insensitively.
bool tld_at(const Decoded& d, std::size_t i) {
  static const char* const kTlds[] = {"kz", "ru", "com", "org", "net", "info", "uz", "kg",
                                      "kaz", "news", "tv", "io", "gov", "edu", "su", "me"};
  std::string run;
  for (std::size_t j = i; j < d.n && run.size() < 8; ++j) {
    char32_t c = d.c(j);
    if (c < 0x80 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
      run += static_cast<char>(c | 0x20);
    } else {
      if (d.wordish(j)) return false;
      break;
    }
  }
  for (const char* t : kTlds)
    if (run == t) return true;
  return false;
}

// A word or number run with its inner joiners; *domain is set if a domain dot joined it.
std::size_t scan_word(const Decoded& d, std::size_t i, bool* domain = nullptr) {
  std::size_t j = i;
  for (;;) {
    while (d.wordish(j) || d.k(j) == CharClass::mark) ++j;
    if (j >= d.n || !d.wordish(j + 1) || j == i) break;
    CharClass prev = d.k(j - 1), next = d.k(j + 1);
    char32_t c = d.c(j);
    bool join = false;
    if (d.k(j) == CharClass::hyphen) {
      join = true;  // Нұр-Сұлтан, БҰҰ-ның, 2020-сыншы, 5-і
    } else if (d.k(j) == CharClass::apostrophe) {
      join = prev == CharClass::letter && next == CharClass::letter;  // Latin-script o'zi
    } else if (c == '.' || c == ',' || c == ':' || c == '/') {
      join = prev == CharClass::digit && next == CharClass::digit;  // 05.12.2023, 2,5, 17:20
      // Domains: qazaquni.kz, Tengrinews.kz, BAQ.KZ (Latin on both sides, lower case or a
      // top-level domain after the dot; `A.Zhumagali` stays three tokens).
      if (c == '.' && is_latin(d.c(j - 1)) && is_latin(d.c(j + 1)) &&
          (is_lower(d.c(j + 1)) || tld_at(d, j + 1))) {
        join = true;
        if (domain) *domain = true;
      }
    }
    if (!join) break;
    ++j;
  }
  return j;
}

std::size_t scan_emoji(const Decoded& d, std::size_t i) {
  std::size_t j = i + 1;
  if (d.c(i) >= 0x1F1E6 && d.c(i) <= 0x1F1FF && d.c(j) >= 0x1F1E6 && d.c(j) <= 0x1F1FF)
    return skip_marks(d, j + 1);  // a flag: two regional indicators
  for (;;) {
    j = skip_marks(d, j);
    if (d.c(j - 1) == 0x200D && d.k(j) == CharClass::emoji) {  // ZWJ sequence
      ++j;
      continue;
    }
    return j;
  }
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  Decoded d(text);
  std::vector<Token> out;
  reserve_huge(out, d.n / 5 + 1);
  auto emit = [&](std::size_t a, std::size_t b, TokenKind kind) {
    out.push_back(Token{d.a.off.data[a], d.a.off.data[b], kind});
  };
  for (std::size_t i = 0; i < d.n;) {
    CharClass k = d.k(i);
    if (k == CharClass::space) {
      ++i;
      continue;
    }
    bool chunk_start = i == 0 || d.k(i - 1) == CharClass::space || d.k(i - 1) == CharClass::punct;
    std::size_t j = chunk_start ? scan_url(d, i) : i;
    if (j > i) {
      emit(i, j, TokenKind::url);
    } else if (k == CharClass::letter || k == CharClass::digit) {
      bool domain = false;
      j = scan_word(d, i, &domain);
      emit(i, j, domain ? TokenKind::url : k == CharClass::digit ? TokenKind::number : TokenKind::word);
    } else if (k == CharClass::emoji) {
      j = scan_emoji(d, i);
      emit(i, j, TokenKind::emoji);
    } else if ((d.c(i) == '@' || d.c(i) == '#') && chunk_start && d.wordish(i + 1)) {
      j = i + 1;  // @handle, #hashtag
      while (d.wordish(j) || d.k(j) == CharClass::mark || d.c(j) == '_') ++j;
      emit(i, j, TokenKind::url);
    } else if (d.c(i) == '%' && d.k(i + 1) == CharClass::hyphen && d.k(i + 2) == CharClass::letter) {
      j = scan_word(d, i + 2);  // %-ке, %-ы
      emit(i, j, TokenKind::word);
    } else {
      j = i + 1;
      if (k == CharClass::punct || k == CharClass::hyphen || k == CharClass::apostrophe) {
        while (d.c(j) == d.c(i)) ++j;  // "...", "!!", "--"
      }
      j = skip_marks(d, j);
      emit(i, j, k == CharClass::symbol || k == CharClass::mark ? TokenKind::symbol : TokenKind::punct);
    }
    i = j;
  }
  return out;
}

}  // namespace belgi::text
