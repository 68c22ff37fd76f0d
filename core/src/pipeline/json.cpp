// The "belgi/1" document format (docs/format.md). Offsets are converted here, through OffsetMap,
// and nowhere else.
#include "belgi/json.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>

#include "text/huge_pages.h"
#include "text/json_run.h"
#include "text/utf8.h"

namespace belgi {

namespace {

using Json = nlohmann::ordered_json;
constexpr const char* kFormat = "belgi/1";

// Writes JSON straight into a string, in exactly the layout nlohmann::json::dump() gives (one
// line, or `indent` spaces per level, "key": value): annotate() output is written for every
// document of a batch, and building a json tree first cost a tenth of the batch time. The bytes
// go through a pointer into the string's own buffer, with one room check per piece (appending
// to the std::string cost a library call per key, value and comma: ~3,800 instructions a span).
class Writer {
 public:
  // `bytes`: the expected output, reserved at once: a large document's is megabytes, grown by
  // doubling it took ~1,000 page faults; in huge pages when large (text/huge_pages.h).
  Writer(int indent, std::size_t bytes) : indent_(indent) {
    text::reserve_huge(out_, bytes);
    p_ = end_ = out_.data();
  }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // Keys are the format's own names (docs/format.md: "start", "speaker", ...), never anything
  // that needs escaping: copied as they are.
  void key(std::string_view k) {
    separate();
    room(k.size() + 4);
    *p_++ = '"';
    put(k);
    *p_++ = '"';
    *p_++ = ':';
    if (indent_ >= 0) *p_++ = ' ';
    after_key_ = true;
  }
  void value(std::string_view v) {
    separate();
    string(v);
  }
  // The format's own names as values ("PERSON", "direct", "codepoint"): nothing to escape.
  void name(std::string_view v) {
    separate();
    room(v.size() + 2);
    *p_++ = '"';
    put(v);
    *p_++ = '"';
  }
  void value(std::size_t v) {  // every span's offsets: digits written as std::to_string's
    separate();
    digits(v);
  }
  void id_value(std::size_t i) {  // a span's id: "T" and its 1-based index
    separate();
    room(2);
    *p_++ = '"';
    *p_++ = 'T';
    digits(i + 1);
    room(1);
    *p_++ = '"';
  }
  void value(double v) {
    separate();
    append_number(v);
  }
  // A span's score rounded to thousandths: the bytes of value(round(s * 1000) / 1000), with
  // one rounding (a whole k in [0, 1000] comes back from k / 1000 * 1000 as itself).
  void score(float s) {
    separate();
    const double k = std::round(static_cast<double>(s) * 1000.0);
    if (k >= 0 && k <= 1000 && !std::signbit(k)) return thousandth(static_cast<int>(k));
    append_number(k / 1000.0);
  }
  void null() {
    separate();
    put_room("null");
  }
  std::string take() {
    out_.resize(static_cast<std::size_t>(p_ - out_.data()));
    return std::move(out_);
  }

 private:
  // Before a value or key: a comma after a sibling, and the line break and indentation.
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (depth_ == 0) return;
    const std::uint64_t bit = std::uint64_t{1} << (depth_ - 1);
    if (any_ & bit) {
      room(1);
      *p_++ = ',';
    }
    any_ |= bit;
    newline(depth_);
  }
  void open(char c) {
    separate();
    room(1);
    *p_++ = c;
    ++depth_;  // the format nests four deep (document, spans, span, speaker): far below 64
    any_ &= ~(std::uint64_t{1} << (depth_ - 1));
  }
  void close(char c) {
    const bool any = any_ & (std::uint64_t{1} << (depth_ - 1));
    --depth_;
    if (any) newline(depth_);
    room(1);
    *p_++ = c;
  }
  // k / 1000 (k a whole number in [0, 1000]) in nlohmann's shortest round-trip form of the
  // double k / 1000.0: "0.0", "0.5", "0.125", "1.0", the decimal with its trailing zeros cut
  // (no shorter decimal lands on the same double). Written here, not formatted by nlohmann
  // (a thousand instructions a call; a table of all 1,001 cost 1.2 M instructions at every
  // start). tests/pipeline/test_json.cpp checks all 1,001 against nlohmann.
  void thousandth(int k) {
    room(5);
    if (k == 1000) return put("1.0");
    const char d[3] = {static_cast<char>('0' + k / 100), static_cast<char>('0' + k / 10 % 10),
                       static_cast<char>('0' + k % 10)};
    int n = 3;
    while (n > 1 && d[n - 1] == '0') --n;
    *p_++ = '0';
    *p_++ = '.';
    for (int i = 0; i < n; ++i) *p_++ = d[i];
  }
  void append_number(double v) {
    const double k = std::round(v * 1000.0);
    if (k >= 0 && k <= 1000 && !std::signbit(v) && k / 1000.0 == v) return thousandth(static_cast<int>(k));
    put_room(Json(v).dump());
  }
  void digits(std::size_t v) {  // two digits a step
    static constexpr char kPairs[] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
        "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";
    char buf[20], *end = buf + sizeof buf, *p = end;
    for (; v >= 100; v /= 100) p -= 2, std::memcpy(p, kPairs + v % 100 * 2, 2);
    if (v >= 10) p -= 2, std::memcpy(p, kPairs + v * 2, 2);
    else *--p = static_cast<char>('0' + v);
    put_room(std::string_view(p, static_cast<std::size_t>(end - p)));
  }
  void newline(unsigned level) {
    if (indent_ < 0) return;
    const std::size_t n = level * static_cast<std::size_t>(indent_);
    room(n + 1);
    *p_++ = '\n';
    std::memset(p_, ' ', n);
    p_ += n;
  }
  void string(std::string_view s) {
    room(1);
    *p_++ = '"';
    std::size_t run = 0;  // start of the bytes not yet copied
    std::size_t i = 0;
    // A long string (a document's text) by blocks: a block none of whose bytes needs escaping
    // (text::plain_json, vectorized) stays in the run; the others are read byte by byte.
    for (; s.size() - i >= kBlock; i += kBlock)
      if (!text::plain_json(s.data() + i, kBlock)) escape_bytes(s, i, i + kBlock, run);
    escape_bytes(s, i, s.size(), run);
    put_room(s.substr(run));
    room(1);
    *p_++ = '"';
  }
  static constexpr std::size_t kBlock = 64;
  // Escapes what needs it among s[i, end), copying the run before each such byte.
  void escape_bytes(std::string_view s, std::size_t i, std::size_t end, std::size_t& run) {
    for (; i < end; ++i) {
      i = text::skip_plain_words(s.substr(0, end), i);  // 8 bytes at a time while none needs escaping
      if (i >= end) break;
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      put_room(s.substr(run, i - run));
      run = i + 1;
      escape(c);
    }
  }
  void escape(unsigned char c) {
    static const char kHex[] = "0123456789abcdef";
    room(6);
    *p_++ = '\\';
    switch (c) {
      case '"': *p_++ = '"'; break;
      case '\\': *p_++ = '\\'; break;
      case '\b': *p_++ = 'b'; break;
      case '\f': *p_++ = 'f'; break;
      case '\n': *p_++ = 'n'; break;
      case '\r': *p_++ = 'r'; break;
      case '\t': *p_++ = 't'; break;
      default:
        put("u00");
        *p_++ = kHex[c >> 4];
        *p_++ = kHex[c & 15];
    }
  }

  // At least n bytes free at p_ (the caller then writes at most n).
  void room(std::size_t n) {
    if (static_cast<std::size_t>(end_ - p_) < n) grow(n);
  }
  // The string's size is the room: grown 2 KB at a time (zero-filled once, just before the
  // bytes are written), doubling its capacity past the reserve.
  void grow(std::size_t n) {
    const std::size_t used = static_cast<std::size_t>(p_ - out_.data());
    out_.resize(used + std::max<std::size_t>(n, 2048));
    p_ = out_.data() + used;
    end_ = out_.data() + out_.size();
  }
  void put(std::string_view s) {  // after room(s.size())
    std::memcpy(p_, s.data(), s.size());
    p_ += s.size();
  }
  // A long piece (a document's text) is appended, not zero-filled first.
  void put_room(std::string_view s) {
    if (s.size() < 2048) {
      room(s.size());
      return put(s);
    }
    out_.resize(static_cast<std::size_t>(p_ - out_.data()));
    out_.append(s);
    p_ = end_ = out_.data() + out_.size();
  }

  int indent_;
  std::string out_;
  char* p_ = nullptr;  // the next byte; [p_, end_) is room
  char* end_ = nullptr;
  unsigned depth_ = 0;    // open containers
  std::uint64_t any_ = 0;  // bit d - 1: the container at depth d has a member already
  bool after_key_ = false;
};

struct Converter {
  std::string_view text;
  OffsetMap map;
  OffsetUnit unit;
  Converter(std::string_view t, OffsetUnit u) : text(t), map(t), unit(u) {}

  // "start", "end", "text" of a range, into the open object.
  void range(Writer& w, const ByteRange& r) const {
    const std::size_t start = map.to(unit, r.begin);
    w.key("start");
    w.value(start);
    w.key("end");
    w.value(map.to_after(unit, r.end, r.begin, start));
    w.key("text");
    w.value(text.substr(r.begin, r.end - r.begin));
  }
};

void span_json(Writer& w, const Converter& cv, const std::vector<Span>& spans, std::size_t i) {
  const Span& s = spans[i];
  w.begin_object();
  w.key("id");
  w.id_value(i);
  w.key("type");
  w.name(type_name(s.type));
  cv.range(w, s.range);
  if (!s.value.empty()) {
    w.key("value");
    w.value(s.value);
  }
  w.key("score");
  w.score(s.score);
  w.key("source");
  w.value(s.source);
  if (s.type == SpanType::QUOTE) {
    w.key("kind");
    w.name(quote_kind_name(s.kind));
    if (s.has_cue) {
      w.key("cue");
      w.begin_object();
      cv.range(w, s.cue);
      w.end_object();
    }
    if (s.has_speaker) {
      w.key("speaker");
      w.begin_object();
      cv.range(w, s.speaker.range);
      if (s.speaker.entity >= 0 && static_cast<std::size_t>(s.speaker.entity) < spans.size()) {
        w.key("entity");
        w.id_value(static_cast<std::size_t>(s.speaker.entity));
      }
      w.end_object();
    }
  }
  w.end_object();
}

std::string dump(const Json& j, int indent) {
  // Invalid UTF-8 cannot reach here (annotate() refuses it); replace defensively, never throw.
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

std::string to_json(std::string_view text, const Result& result, const JsonOptions& options) {
  Converter cv(text, options.offsets);
  // The text (escapes are rare) and a span's members with its text, generously.
  Writer w(options.indent,
           text.size() + text.size() / 8 + 512 + result.spans.size() * (options.indent >= 0 ? 512 : 256));
  w.begin_object();
  w.key("format");
  w.name(kFormat);
  if (!options.id.empty()) {
    w.key("id");
    w.value(options.id);
  }
  w.key("text");
  w.value(text);
  w.key("offsets");
  w.name(offset_unit_name(options.offsets));
  w.key("date");
  if (result.has_date) {
    w.begin_object();
    w.key("value");
    w.value(result.date.value);
    w.key("source");
    w.value(result.date.source);
    if (!result.date.range.empty()) cv.range(w, result.date.range);
    w.end_object();
  } else {
    w.null();
  }
  w.key("spans");
  w.begin_array();
  for (std::size_t i = 0; i < result.spans.size(); ++i) span_json(w, cv, result.spans, i);
  w.end_array();
  w.end_object();
  return w.take();
}

std::string error_json(const Status& status, const JsonOptions& options) {
  Json doc;
  doc["format"] = kFormat;
  if (!options.id.empty()) doc["id"] = options.id;
  Json& e = doc["error"];
  e["code"] = status_code_name(status.code);
  e["message"] = status.message;
  e["offset"] = status.offset;
  e["offsets"] = "byte";
  return dump(doc, options.indent);
}

}  // namespace belgi
