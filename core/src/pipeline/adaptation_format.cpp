// The serialized Adaptation, version 1. All integers little-endian:
//   "BELGIADA"                      magic, 8 bytes
//   u32 version                     1
//   str model id                    (u32 byte length + bytes) the model it was learned on
//   u32 documents                   documents learned from
//   u32 R; R rows in ascending feature order:
//     u32 feature, u8 n, n x (u8 label ascending, i32 weight)
//   u64 checksum of all bytes before it (text::fnv1a64_words)
// The learner's whole state, so that learning goes on after a reload exactly as without it;
// rows and labels sorted, so the same state always gives the same bytes.
#include <algorithm>
#include <cstring>

#include "belgi/adaptation.h"
#include "bytes.h"
#include "entities/features.h"
#include "pipeline/annotator_impl.h"
#include "text/hash.h"

namespace belgi {

namespace {

constexpr char kMagic[8] = {'B', 'E', 'L', 'G', 'I', 'A', 'D', 'A'};
constexpr std::uint32_t kVersion = 1;

Status refuse(const std::string& why) {
  return Status::error(StatusCode::invalid_argument, "adaptation: " + why);
}

// Reads the rows into `learner`; false if the bytes are inconsistent.
bool read_rows(ByteReader& r, entities::Learner& learner) {
  const std::uint32_t rows = r.get<std::uint32_t>();
  std::uint32_t prev_feature = 0;
  for (std::uint32_t i = 0; i < rows && r.ok; ++i) {
    const std::uint32_t feature = r.get<std::uint32_t>();
    const int n = r.get<std::uint8_t>();
    if (!r.ok || n == 0 || (i > 0 && feature <= prev_feature)) return false;
    prev_feature = feature;
    int prev_label = -1;
    for (int j = 0; j < n; ++j) {
      const int label = r.get<std::uint8_t>();
      const std::int32_t w = r.get<std::int32_t>();
      if (!r.ok || label <= prev_label || label >= entities::kLabelCount || w == 0) return false;
      prev_label = label;
      if (!learner.weights.bump(feature, label, w, Adaptation::kMaxWeights)) return false;
    }
  }
  return r.ok;
}

}  // namespace

std::string Adaptation::serialize() const {
  const entities::Learner& l = impl_->learner;
  std::string out(kMagic, 8);
  put<std::uint32_t>(out, kVersion);
  put_str(out, model());
  put<std::uint32_t>(out, static_cast<std::uint32_t>(l.documents));
  std::vector<std::uint32_t> features;
  for (const auto& [f, entries] : l.weights.rows()) features.push_back(f);
  std::sort(features.begin(), features.end());
  put<std::uint32_t>(out, static_cast<std::uint32_t>(features.size()));
  for (std::uint32_t f : features) {
    std::vector<entities::Deltas::Entry> entries = l.weights.rows().at(f);
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.label < b.label; });
    put<std::uint32_t>(out, f);
    put<std::uint8_t>(out, static_cast<std::uint8_t>(entries.size()));
    for (const auto& e : entries) {
      put<std::uint8_t>(out, e.label);
      put<std::int32_t>(out, e.w);
    }
  }
  put<std::uint64_t>(out, text::fnv1a64_words(out));
  return out;
}

Status Adaptation::parse(std::string_view bytes, const Annotator& base, Adaptation& out) {
  if (bytes.size() < 20 || std::memcmp(bytes.data(), kMagic, 8) != 0)
    return refuse("not a Belgi adaptation (bad magic)");
  ByteReader r{bytes.substr(0, bytes.size() - 8), 8};
  const std::uint32_t version = r.get<std::uint32_t>();
  if (version != kVersion)
    return refuse("format version " + std::to_string(version) + " found, this build reads version " +
                  std::to_string(kVersion));
  std::uint64_t sum;
  std::memcpy(&sum, bytes.data() + bytes.size() - 8, 8);
  if (text::fnv1a64_words(r.b) != sum) return refuse("corrupt data (checksum mismatch)");
  const std::string id = r.str();
  if (!r.ok) return refuse("corrupt data (model id)");
  Adaptation a(base);
  if (id != a.model())
    return refuse("learned on model " + id + ", this annotator runs model " + a.model() +
                  " (an adaptation belongs to the model it was learned on)");
  entities::Learner& l = a.impl_->learner;
  const std::uint32_t documents = r.get<std::uint32_t>();
  l.documents = static_cast<int>(documents);
  if (!r.ok || documents > (1u << 30) || !read_rows(r, l) || r.pos != r.b.size())
    return refuse("corrupt data (weights)");
  out = std::move(a);
  return Status();
}

}  // namespace belgi
