// text/huge_pages.h: the caches' allocator and their blocks that never move.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "text/huge_pages.h"

using belgi::text::HugePageAllocator;
using belgi::text::StableBlocks;

TEST_CASE("a large allocation is usable over its whole size, and aligned to 2 MB natively on Linux") {
  std::vector<std::uint64_t, HugePageAllocator<std::uint64_t>> v(3 << 18);  // 6 MB
  for (std::size_t i = 0; i < v.size(); i += 4096) v[i] = i;
  v.back() = 7;
  CHECK(v[4096] == 4096);
  CHECK(v.back() == 7);
#ifdef BELGI_HUGE_PAGES
  CHECK(reinterpret_cast<std::uintptr_t>(v.data()) % HugePageAllocator<char>::kHuge == 0);
#endif
  std::vector<int, HugePageAllocator<int>> small(10, 3);  // below the threshold: std::allocator
  CHECK(small[9] == 3);
}

TEST_CASE("StableBlocks: elements keep their addresses across blocks and a clear() reuses the blocks") {
  using Blocks = StableBlocks<std::string>;
  Blocks b;
  std::vector<std::string*> at;
  const std::size_t n = 2 * Blocks::kBlock + 5;  // three blocks
  for (std::size_t i = 0; i < n; ++i) {
    std::string& s = b.emplace_back();
    s = "word number " + std::to_string(i) + " long enough for the heap";
    at.push_back(&s);
  }
  CHECK(b.size() == n);
  bool same = true;
  for (std::size_t i = 0; i < n; ++i)
    same = same && *at[i] == "word number " + std::to_string(i) + " long enough for the heap";
  CHECK(same);  // nothing moved while the later blocks were added
  b.clear();
  CHECK(b.size() == 0);
  CHECK(&b.emplace_back() == at[0]);  // the first block again
  CHECK(b.emplace_back().empty());    // a new element, not the old one
}

TEST_CASE("advise_huge_pages leaves a reserved vector's memory usable, and any range is accepted") {
  std::vector<std::uint32_t> v;
  v.reserve(3 << 20);  // 12 MB
  belgi::text::advise_huge_pages(v.data(), v.capacity() * sizeof(std::uint32_t));
  for (std::uint32_t i = 0; i < (3u << 20); ++i) v.push_back(i * 7);
  CHECK(v[12345] == 12345u * 7);
  CHECK(v.back() == ((3u << 20) - 1) * 7);
  int x = 5;
  belgi::text::advise_huge_pages(&x, sizeof x);  // no whole 2 MB page inside: nothing done
  belgi::text::advise_huge_pages(nullptr, 0);
  CHECK(x == 5);
}
