// Linking a speaker mention to the PERSON span it refers to (Speaker::entity).
#pragma once
#include <cstddef>
#include <vector>

#include "quotes/attribution.h"
#include "quotes/doc.h"

namespace belgi::quotes {

// PERSON spans of a text in order, each marked when it stands right after a role
// (`…төрағасы Асхат Жұмағали`, `Оқу-ағарту министрі Ғани Бейсембаев`).
class PersonIndex {
 public:
  PersonIndex(const Doc& doc, const Matcher& m);
  // The PERSON span the speaker tokens refer to, or -1: a PERSON inside the speaker; for a
  // pronoun (`ол`) the nearest PERSON before `before` (a byte offset); for a role
  // (`Антикор басшысы`) the nearest PERSON introduced with a role before it, else the nearest
  // PERSON within kNearBytes.
  int link(TokenRange speaker, std::size_t before) const;

 private:
  int nearest(std::size_t before, bool appositive_only, std::size_t max_distance) const;

  const Doc& doc_;
  const Matcher& m_;
  std::vector<int> persons_;        // indices into ctx.spans, in text order
  std::vector<bool> appositive_;    // parallel to persons_
};

constexpr std::size_t kNearBytes = 1500;

}  // namespace belgi::quotes
