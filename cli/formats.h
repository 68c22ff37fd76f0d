// Per-document output formats of the CLI besides belgi/1 JSON: brat standoff, CoNLL IOB2 and a
// self-contained HTML page. Offsets in brat are code points (brat counts Python characters).
#pragma once
#include <string>
#include <string_view>

#include "belgi/annotator.h"

namespace belgi::cli {

// brat .ann for `text` (written beside an unchanged copy of the text as .txt). Entities and
// quotes are T lines; a span crossing a line break is split into fragments; values become
// AnnotatorNotes; a quote's cue and speaker are T lines of type Cue/Speaker joined to the quote
// by relations Cue/Speaker, and a speaker's entity link by a relation Refers.
std::string to_brat(std::string_view text, const Result& result);

// CoNLL: `token TAG` per line (IOB2 over entity, date and time spans), a blank line between
// sentences.
std::string to_conll(std::string_view text, const Result& result);

// A self-contained HTML page with the text escaped and every span highlighted (<mark> with
// data-type), quotes underlined; `title` is escaped too.
std::string to_html(std::string_view text, const Result& result, std::string_view title);

// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(std::string_view s);

}  // namespace belgi::cli
