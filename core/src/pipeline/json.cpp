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
// document of a batch, and building a json tree first cost a tenth of the batch time.
class Writer {
 public:
  explicit Writer(int indent) : indent_(indent) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // Keys are the format's own names (docs/format.md: "start", "speaker", ...), never anything
  // that needs escaping: copied as they are.
  void key(std::string_view k) {
    separate();
    out_ += '"';
    out_ += k;
    out_ += '"';
    out_ += indent_ >= 0 ? ": " : ":";
    after_key_ = true;
  }
  void value(std::string_view v) {
    separate();
    string(v);
  }
  void value(std::size_t v) {  // every span's offsets: digits written as std::to_string's
    separate();
    char buf[20], *end = buf + sizeof buf, *p = end;
    do *--p = static_cast<char>('0' + v % 10); while (v /= 10);
    out_.append(p, static_cast<std::size_t>(end - p));
  }
  void value(double v) {
    separate();
    append_number(v);
  }
  void null() {
    separate();
    out_ += "null";
  }
  std::string take() { return std::move(out_); }
  // Room for the whole output at once: a large document's is megabytes, grown by doubling it
  // took ~1,000 page faults; in huge pages when large (text/huge_pages.h).
  void reserve(std::size_t bytes) {
    text::reserve_huge(out_, bytes);
  }

 private:
  // Before a value or key: a comma after a sibling, and the line break and indentation.
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (depth_.empty()) return;
    if (depth_.back()) out_ += ',';
    depth_.back() = true;
    newline(depth_.size());
  }
  void open(char c) {
    separate();
    out_ += c;
    depth_.push_back(false);
  }
  void close(char c) {
    bool any = depth_.back();
    depth_.pop_back();
    if (any) newline(depth_.size());
    out_ += c;
  }
  // nlohmann's shortest round-trip form ("0.5", "1.0"). Scores are written rounded to
  // thousandths in [0, 1]: those 1,001 values are formatted by nlohmann once and looked up (its
  // formatting costs a thousand instructions a call); any other value is formatted as it comes.
  void append_number(double v) {
    static const std::vector<std::string> thousandths = [] {
      std::vector<std::string> t;
      for (int k = 0; k <= 1000; ++k) t.push_back(Json(k / 1000.0).dump());
      return t;
    }();
    const double k = std::round(v * 1000.0);
    if (k >= 0 && k <= 1000 && !std::signbit(v) && k / 1000.0 == v)
      out_ += thousandths[static_cast<std::size_t>(k)];
    else
      out_ += Json(v).dump();
  }
  void newline(std::size_t level) {
    if (indent_ < 0) return;
    out_ += '\n';
    out_.append(level * static_cast<std::size_t>(indent_), ' ');
  }
  void string(std::string_view s) {
    static const char kHex[] = "0123456789abcdef";
    out_ += '"';
    std::size_t run = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size(); ++i) {
      i = text::skip_plain_json(s, i);  // 8 bytes at a time while none needs escaping
      if (i >= s.size()) break;
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s, run, i - run);
      run = i + 1;
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          out_ += "\\u00";
          out_ += kHex[c >> 4];
          out_ += kHex[c & 15];
      }
    }
    out_.append(s, run, s.size() - run);
    out_ += '"';
  }

  int indent_;
  std::string out_;
  std::vector<bool> depth_;  // per open container: has a member already
  bool after_key_ = false;
};

struct Converter {
  std::string_view text;
  OffsetMap map;
  OffsetUnit unit;
  Converter(std::string_view t, OffsetUnit u) : text(t), map(t), unit(u) {}

  // "start", "end", "text" of a range, into the open object.
  void range(Writer& w, const ByteRange& r) const {
    w.key("start");
    w.value(map.to(unit, r.begin));
    w.key("end");
    w.value(map.to(unit, r.end));
    w.key("text");
    w.value(text.substr(r.begin, r.end - r.begin));
  }
};

std::string span_id(std::size_t i) { return "T" + std::to_string(i + 1); }

void span_json(Writer& w, const Converter& cv, const std::vector<Span>& spans, std::size_t i) {
  const Span& s = spans[i];
  w.begin_object();
  w.key("id");
  w.value(span_id(i));
  w.key("type");
  w.value(type_name(s.type));
  cv.range(w, s.range);
  if (!s.value.empty()) {
    w.key("value");
    w.value(s.value);
  }
  w.key("score");
  w.value(std::round(static_cast<double>(s.score) * 1000.0) / 1000.0);
  w.key("source");
  w.value(s.source);
  if (s.type == SpanType::QUOTE) {
    w.key("kind");
    w.value(quote_kind_name(s.kind));
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
        w.value(span_id(static_cast<std::size_t>(s.speaker.entity)));
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
  Writer w(options.indent);
  // The text (escapes are rare) and a span's members with its text, generously.
  w.reserve(text.size() + text.size() / 8 + 512 + result.spans.size() * (options.indent >= 0 ? 512 : 256));
  w.begin_object();
  w.key("format");
  w.value(kFormat);
  if (!options.id.empty()) {
    w.key("id");
    w.value(options.id);
  }
  w.key("text");
  w.value(text);
  w.key("offsets");
  w.value(offset_unit_name(options.offsets));
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
