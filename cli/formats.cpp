#include "formats.h"

#include <algorithm>
#include <set>

#include "belgi/offsets.h"
#include "entities/iob2.h"

namespace belgi::cli {

namespace {

// "start end" fragments of [b, e) split at line breaks, in code points, joined by ';'.
std::string brat_fragments(std::string_view text, const OffsetMap& map, ByteRange r) {
  std::string out;
  std::size_t b = r.begin;
  while (b < r.end) {
    std::size_t nl = text.find('\n', b);
    std::size_t e = nl == std::string_view::npos || nl >= r.end ? r.end : nl;
    if (e > b) {
      if (!out.empty()) out += ';';
      out += std::to_string(map.to(OffsetUnit::codepoint, b)) + ' ' +
             std::to_string(map.to(OffsetUnit::codepoint, e));
    }
    b = e + 1;
  }
  return out;
}

// brat's text field: the covered text with line breaks as spaces.
std::string brat_text(std::string_view text, ByteRange r) {
  std::string s(text.substr(r.begin, r.end - r.begin));
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::replace(s.begin(), s.end(), '\t', ' ');
  return s;
}

}  // namespace

std::string to_brat(std::string_view text, const Result& result) {
  OffsetMap map(text);
  std::string out;
  int t = 0, rel = 0, note = 0;
  std::vector<int> ids(result.spans.size());
  auto add_t = [&](const char* type, ByteRange r) {
    std::string frags = brat_fragments(text, map, r);
    if (frags.empty()) return 0;
    ++t;
    out += "T" + std::to_string(t) + '\t' + type + ' ' + frags + '\t' + brat_text(text, r) + '\n';
    return t;
  };
  for (std::size_t i = 0; i < result.spans.size(); ++i) {
    const Span& s = result.spans[i];
    ids[i] = add_t(type_name(s.type), s.range);
    if (ids[i] && !s.value.empty())
      out += "#" + std::to_string(++note) + "\tAnnotatorNotes T" + std::to_string(ids[i]) +
             "\tvalue=" + s.value + '\n';
  }
  for (std::size_t i = 0; i < result.spans.size(); ++i) {
    const Span& s = result.spans[i];
    if (s.type != SpanType::QUOTE || !ids[i]) continue;
    std::string q = "T" + std::to_string(ids[i]);
    if (s.has_cue) {
      if (int c = add_t("Cue", s.cue))
        out += "R" + std::to_string(++rel) + "\tCue Arg1:" + q + " Arg2:T" + std::to_string(c) + '\n';
    }
    if (s.has_speaker) {
      if (int sp = add_t("Speaker", s.speaker.range)) {
        out += "R" + std::to_string(++rel) + "\tSpeaker Arg1:" + q + " Arg2:T" + std::to_string(sp) + '\n';
        int e = s.speaker.entity;
        if (e >= 0 && static_cast<std::size_t>(e) < ids.size() && ids[e])
          out += "R" + std::to_string(++rel) + "\tRefers Arg1:T" + std::to_string(sp) + " Arg2:T" +
                 std::to_string(ids[e]) + '\n';
      }
    }
  }
  return out;
}

std::string to_conll(std::string_view text, const Result& result) {
  Tokenization tok = tokenize(text);
  const std::vector<ByteRange>& tokens = tok.tokens;
  std::vector<iob2::TokenSpan> spans;
  for (const Span& s : result.spans) {
    if (s.type == SpanType::QUOTE) continue;
    auto first = std::partition_point(tokens.begin(), tokens.end(),
                                      [&](const ByteRange& r) { return r.end <= s.range.begin; });
    auto last = std::partition_point(first, tokens.end(),
                                     [&](const ByteRange& r) { return r.begin < s.range.end; });
    if (first < last)
      spans.push_back({type_name(s.type), std::size_t(first - tokens.begin()), std::size_t(last - tokens.begin())});
  }
  std::vector<std::string> tags = iob2::tags_from_spans(spans, tokens.size());
  std::string out;
  std::size_t sent = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    out.append(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
    out += ' ';
    out += tags[i];
    out += '\n';
    if (sent < tok.sentence_ends.size() && i + 1 == tok.sentence_ends[sent]) {
      out += '\n';
      ++sent;
    }
  }
  return out;
}

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string to_html(std::string_view text, const Result& result, std::string_view title) {
  // Cut the text at every span boundary; wrap each piece in its quote and its entity.
  std::set<std::size_t> cuts = {0, text.size()};
  for (const Span& s : result.spans) {
    cuts.insert(s.range.begin);
    cuts.insert(s.range.end);
  }
  // Entities never overlap each other, nor quotes each other: walk both lists with the cuts.
  std::vector<const Span*> layer[2];
  for (const Span& s : result.spans) layer[s.type == SpanType::QUOTE].push_back(&s);
  std::size_t next[2] = {0, 0};
  auto covering = [&](int l, std::size_t a, std::size_t b) -> const Span* {
    std::vector<const Span*>& v = layer[l];
    while (next[l] < v.size() && v[next[l]]->range.end <= a) ++next[l];
    if (next[l] < v.size() && v[next[l]]->range.begin <= a && b <= v[next[l]]->range.end)
      return v[next[l]];
    return nullptr;
  };
  std::string body;
  for (auto it = cuts.begin(); std::next(it) != cuts.end(); ++it) {
    std::size_t a = *it, b = *std::next(it);
    const Span* entity = covering(0, a, b);
    const Span* quote = covering(1, a, b);
    std::string piece = html_escape(text.substr(a, b - a));
    if (entity) {
      std::string tip = type_name(entity->type);
      if (!entity->value.empty()) tip += " " + entity->value;
      piece = "<mark data-type=\"" + std::string(type_name(entity->type)) + "\" title=\"" +
              html_escape(tip) + "\">" + piece + "</mark>";
    }
    if (quote) piece = "<span class=\"quote\">" + piece + "</span>";
    body += piece;
  }
  return "<!doctype html>\n<html><head><meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
         "<title>" + html_escape(title) + "</title>\n<style>\n"
         "body{font:16px/1.6 sans-serif;max-width:50em;margin:2em auto;white-space:pre-wrap}\n"
         "mark{background:#eee;border-radius:3px;padding:0 1px}\n"
         "mark[data-type=PERSON]{background:#ffd6a5}mark[data-type=ORGANISATION]{background:#caffbf}\n"
         "mark[data-type=GPE]{background:#9bf6ff}mark[data-type=LOCATION]{background:#a0c4ff}\n"
         "mark[data-type=POSITION]{background:#ffc6ff}mark[data-type=DATE],mark[data-type=TIME]{background:#fdffb6}\n"
         ".quote{border-bottom:2px solid #c33}\n"
         "</style></head><body>" + body + "</body></html>\n";
}

}  // namespace belgi::cli
