// The three kinds of quote (annotation guidelines, "Quotes"), found over a Doc:
//   marks     «…», „…“, "…" with a cue after (`«…», – деді ол`), a colon before
//             (`Министр: «…»`), a source line after (`"…". "Қазгидромет" РМК`), or split by
//             its attribution (`«…, – деді ол. – …»`);
//   dash      a paragraph opened by a dash (`— …, — делінген хабарламада.`, interview turns);
//   unmarked  speech closed by a dash and a cue (`…ратификациялады, - деп атап өтті Асхат Жұмағали.`).
#pragma once
#include <vector>

#include "belgi/span.h"
#include "quotes/attribution.h"
#include "quotes/doc.h"
#include "quotes/marks.h"

namespace belgi::quotes {

struct Found {
  QuoteKind kind = QuoteKind::none;
  TokenRange content;  // the quoted words, without marks and the closing `, –`
  Attribution attr;
  const char* rule = "";  // rule id, reported as source `rule:quote.<rule>`
  float score = 1.0f;
  // The words are one entity-layer name that is a proposition here (`«Білім – болашақтың
  // кілті» деп біледі`): that name is dropped.
  bool over_name = false;
};

// All quotes in text order; a quote inside another one is dropped.
std::vector<Found> find_quotes(const Doc& doc, const Matcher& m, const std::vector<Pair>& pairs);

}  // namespace belgi::quotes
