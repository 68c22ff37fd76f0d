// Written-news conventions applied to the model's entities of one sentence (after tag(), before
// the resolver). Small and table-driven; each rule names the Kazakh pattern it targets.
#pragma once
#include <string_view>
#include <vector>

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
// `tokens` are the sentence's tokens; `found` holds its entities in token order and is edited in
// place (spans only grow to the right by one token that no other entity covers, or are removed).
void apply_rules(const std::vector<std::string_view>& tokens, std::vector<TokenEntity>& found);

}  // namespace belgi::entities
