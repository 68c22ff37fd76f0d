#include "quotes/link.h"

#include <algorithm>

namespace belgi::quotes {

PersonIndex::PersonIndex(const Doc& doc, const Matcher& m) : doc_(doc), m_(m) {
  int prev = -1;
  for (std::size_t i = 0; i < doc.size(); ++i) {
    int e = doc.entity[i];
    if (e < 0 || e == prev) {
      prev = e;
      continue;
    }
    prev = e;
    if (doc.ctx.spans[static_cast<std::size_t>(e)].type != SpanType::PERSON) continue;
    bool role = i > 0 && doc.is_word(i - 1) &&
                (doc.has_entity(i - 1, SpanType::POSITION) ||
                 m.word_class(i - 1) == WordClass::role);
    persons_.push_back(e);
    appositive_.push_back(role);
  }
}

int PersonIndex::nearest(std::size_t before, bool appositive_only, std::size_t max_distance) const {
  const std::vector<Span>& spans = doc_.ctx.spans;
  auto it = std::partition_point(persons_.begin(), persons_.end(), [&](int e) {
    return spans[static_cast<std::size_t>(e)].range.end <= before;
  });
  for (std::size_t k = static_cast<std::size_t>(it - persons_.begin()); k-- > 0;) {
    const Span& s = spans[static_cast<std::size_t>(persons_[k])];
    if (before - s.range.end > max_distance) return -1;
    if (!appositive_only || appositive_[k]) return persons_[k];
  }
  return -1;
}

int PersonIndex::link(TokenRange speaker, std::size_t before) const {
  if (speaker.empty()) return -1;
  // The last PERSON inside: `Жұмат Шаниннің немересі Райхан Шанина` is Райхан Шанина.
  for (std::size_t i = speaker.end; i-- > speaker.begin;)
    if (doc_.has_entity(i, SpanType::PERSON)) return doc_.entity[i];
  bool role = false, pronoun = false;
  for (std::size_t i = speaker.begin; i < speaker.end; ++i) {
    WordClass c = m_.word_class(i);
    role = role || c == WordClass::role || doc_.has_entity(i, SpanType::POSITION);
    pronoun = pronoun || (speaker.end - speaker.begin == 1 && m_.points_to_one(i));
  }
  if (pronoun) return nearest(before, false, kNearBytes);
  if (!role) return -1;
  int e = nearest(before, true, static_cast<std::size_t>(-1));
  return e >= 0 ? e : nearest(before, false, kNearBytes);
}

}  // namespace belgi::quotes
