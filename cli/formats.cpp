#include "formats.h"

#include <algorithm>
#include <set>

#include "belgi/offsets.h"
#include "entities/iob2.h"

namespace belgi::cli {

namespace {

// brat's fragments of [b, e): the pieces between line breaks (\n and \r; brat wants a span over
// a line break cut in two), or the whole range if nothing is left.
std::vector<ByteRange> brat_fragments(std::string_view text, ByteRange r) {
  std::vector<ByteRange> out;
  std::size_t b = r.begin;
  for (std::size_t i = r.begin; i <= r.end; ++i) {
    if (i < r.end && text[i] != '\n' && text[i] != '\r') continue;
    if (i > b) out.push_back(ByteRange{b, i});
    b = i + 1;
  }
  if (out.empty()) out.push_back(r);
  return out;
}

// A T line: `ID<TAB>TYPE start end[;start end]<TAB>text`, offsets in code points, the text the
// fragments' texts joined by spaces, tabs written as spaces. The page's brat export
// (web/formats/brat.js) writes the same bytes for the same document (tests/web/cli-tokens.test.mjs).
std::string brat_t_line(std::string_view text, const OffsetMap& map, const std::string& id,
                        const char* type, ByteRange r) {
  std::string offsets, covered;
  for (const ByteRange& f : brat_fragments(text, r)) {
    if (!offsets.empty()) offsets += ';', covered += ' ';
    offsets += std::to_string(map.to(OffsetUnit::codepoint, f.begin)) + ' ' +
               std::to_string(map.to(OffsetUnit::codepoint, f.end));
    covered.append(text.substr(f.begin, f.end - f.begin));
  }
  std::replace(covered.begin(), covered.end(), '\t', ' ');
  return id + '\t' + type + ' ' + offsets + '\t' + covered + '\n';
}

}  // namespace

// The layout is the page's (docs/web.md, "brat"): T1..Tn for the spans in order, then for each
// quote its SPEAKER (with `Speaker` and `RefersTo` relations) and CUE (`Cue`) T lines, then the
// quotes' `Kind` attributes, then the date values as AnnotatorNotes.
std::string to_brat(std::string_view text, const Result& result) {
  OffsetMap map(text);
  const std::vector<Span>& spans = result.spans;
  auto tid = [](std::size_t i) { return "T" + std::to_string(i + 1); };
  std::string out;
  for (std::size_t i = 0; i < spans.size(); ++i)
    out += brat_t_line(text, map, tid(i), type_name(spans[i].type), spans[i].range);
  std::size_t t = spans.size(), rel = 0;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const Span& s = spans[i];
    if (s.has_speaker) {
      const std::string id = tid(t++);
      out += brat_t_line(text, map, id, "SPEAKER", s.speaker.range);
      out += "R" + std::to_string(++rel) + "\tSpeaker Arg1:" + tid(i) + " Arg2:" + id + '\n';
      int e = s.speaker.entity;
      if (e >= 0 && static_cast<std::size_t>(e) < spans.size())
        out += "R" + std::to_string(++rel) + "\tRefersTo Arg1:" + id + " Arg2:" + tid(e) + '\n';
    }
    if (s.has_cue) {
      const std::string id = tid(t++);
      out += brat_t_line(text, map, id, "CUE", s.cue);
      out += "R" + std::to_string(++rel) + "\tCue Arg1:" + tid(i) + " Arg2:" + id + '\n';
    }
  }
  std::size_t attr = 0, note = 0;
  for (std::size_t i = 0; i < spans.size(); ++i)
    if (spans[i].kind != QuoteKind::none)
      out += "A" + std::to_string(++attr) + "\tKind " + tid(i) + ' ' + quote_kind_name(spans[i].kind) + '\n';
  for (std::size_t i = 0; i < spans.size(); ++i)
    if (!spans[i].value.empty())
      out += "#" + std::to_string(++note) + "\tAnnotatorNotes " + tid(i) + "\tvalue=" + spans[i].value + '\n';
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
