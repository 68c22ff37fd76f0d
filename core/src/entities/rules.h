// Written-news conventions applied to the model's entities of one sentence (after tag(), before
// the resolver). Small and table-driven; each rule names the Kazakh pattern it targets.
#pragma once
#include <string_view>
#include <vector>

#include "entities/features.h"
#include "entities/model.h"

namespace belgi::entities {

// R1, head noun: an unquoted name followed at once by a type noun takes the noun into its span,
// and the noun decides the class, as written news names institutions:
//   `Алматы Мемлекеттік қуыршақ` ORGANISATION + `театры`   -> one FACILITY;
//   `Маңғыстау` GPE (no case ending) + `полициясын`      -> one ORGANISATION.
// A quoted name keeps the noun outside (`«Қазақпарат» агенттігі`), as KazNERD tags it.
// R2, lower-case Latin word: a one-token entity written in lower-case Latin letters only is
// dropped (`date` in a scraped ` date 2025-09-28` line as NORP). KazNERD has no such entity;
// domains such as `zakon.kz` have a dot and stay.
// R3, closing quotation mark: an entity ends before a closing mark it did not open
// (`Қазгидромет " РМК-ның` -> `Қазгидромет`, where the model ran past `"Қазгидромет" РМК`).
// Only 3 of KazNERD's entity spans hold such a mark, all annotation slips.
// R4, inflected place inside a place name: a GPE ends at a token before its last that carries a
// place case ending (`Алматыдан астанаға` -> `Алматыдан`; `Қазақстанның 13 облысында` ->
// `Қазақстанның`). The ending is the one stem() removes, so `Қызылорда облысы` (a lexicon
// entry, not `Қызылор|да`) stays whole.
// R5, numbered institution of a place: a place the model found (`Көкшетаудағы`, `Нұр-Сұлтан`
// + `қаласындағы`), then `нөмірі`, an ordinal (`23-інші`, `екінші`, `жиырма үшінші`) and a school
// or hospital noun (`мектеп`, `мектеп-лицейде`, `ауруханасы`) are one FACILITY, as KazNERD tags
// them; entities inside give way. Without the place KazNERD tags only the ordinal, so the rule
// does nothing there.
// `tokens` are the sentence's tokens, `lex` the model's lexicons; `found` holds the sentence's
// entities in token order and is edited in place (R1 grows a span by one token that no other
// entity covers, R3 and R4 shorten spans, R2 removes some, R5 replaces the entities it covers).
void apply_rules(const std::vector<std::string_view>& tokens, const Lexicons& lex,
                 std::vector<TokenEntity>& found);

}  // namespace belgi::entities
