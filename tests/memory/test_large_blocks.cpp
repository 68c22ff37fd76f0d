// cli/large_blocks.h and cli/memory_policy.h: the CLI's large blocks, by themselves and as the
// global operator new/delete of this test binary (built with cli/memory_policy.cpp, as belgi is).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <set>
#include <thread>
#include <vector>

#include "large_blocks.h"
#include "memory_policy.h"

using belgi::cli::LargeBlocks;

namespace {

constexpr std::size_t kMB = 1024 * 1024;

std::uintptr_t addr(const void* p) { return reinterpret_cast<std::uintptr_t>(p); }

#if defined(__linux__) && !defined(__EMSCRIPTEN__)
constexpr bool kMmap = true;
#else
constexpr bool kMmap = false;
#endif

}  // namespace

#if !defined(__linux__) || defined(__EMSCRIPTEN__)
TEST_CASE("LargeBlocks: without mmap nothing is reserved and every request goes to malloc") {
  LargeBlocks b;
  CHECK_FALSE(b.reserve(std::size_t{1} << 30, std::size_t{1} << 28));
  CHECK(b.allocate(std::size_t{1} << 20, 16) == nullptr);
}
#else

TEST_CASE("LargeBlocks: every class is aligned to its size up to 2 MB, usable to its end, reused once freed") {
  auto b = std::make_unique<LargeBlocks>();
  REQUIRE(b->reserve(8ull << 30, 1ull << 30));
  CHECK(b->reserved() >= (1ull << 30));
  for (int c = 0; c + 1 < LargeBlocks::kClasses; ++c) {  // up to 512 MB
    const std::size_t size = LargeBlocks::class_size(c);
    CAPTURE(c);
    char* p = static_cast<char*>(b->allocate(size, 16));
    REQUIRE(p != nullptr);
    CHECK(b->owns(p));
    CHECK(addr(p) % (size < LargeBlocks::kHuge ? size : LargeBlocks::kHuge) == 0);
    p[0] = 1;
    p[size - 1] = 2;  // the whole class size is usable
    char* q = static_cast<char*>(b->allocate(c ? size / 2 + 1 : size, 4096));  // same class, new block
    REQUIRE(q != nullptr);
    CHECK((q + size <= p || p + size <= q));
    CHECK(b->deallocate(p));
    CHECK(b->allocate(size, 16) == p);  // the freed block, not fresh memory
    CHECK(b->deallocate(q));
    CHECK(b->deallocate(p));
  }
  CHECK(LargeBlocks::class_of(LargeBlocks::kMinBlock) == 0);
  CHECK(LargeBlocks::class_of(LargeBlocks::kMinBlock + 1) == 1);
  CHECK(LargeBlocks::class_of(1ull << 30) == LargeBlocks::kClasses - 1);
  CHECK(LargeBlocks::class_of((1ull << 30) + 1) == -1);
  CHECK(LargeBlocks::class_of(LargeBlocks::kMinBlock - 1) == -1);
}

TEST_CASE("LargeBlocks: what is not its to give goes back to the caller (nullptr), and foreign pointers are refused") {
  LargeBlocks none;  // nothing reserved
  CHECK(none.allocate(kMB, 16) == nullptr);
  int x = 0;
  CHECK_FALSE(none.deallocate(&x));
  CHECK_FALSE(none.reserve(std::size_t{1} << 62, std::size_t{1} << 61));  // beyond any address space
  CHECK(none.allocate(kMB, 16) == nullptr);

  LargeBlocks b;
  REQUIRE(b.reserve(64 * kMB, 8 * kMB));
  CHECK(b.allocate(LargeBlocks::kMinBlock - 1, 16) == nullptr);  // small: malloc's
  CHECK(b.allocate((1ull << 30) + 1, 16) == nullptr);           // above the largest class
  CHECK(b.allocate(kMB, 2 * LargeBlocks::kMinBlock) == nullptr); // alignment beyond the classes'
  CHECK(b.allocate(128 * kMB, 16) == nullptr);                  // larger than the reservation
  std::vector<void*> got;  // used up: 64 MB less the class table's 2 MB
  while (void* p = b.allocate(16 * kMB, 16)) got.push_back(p);
  CHECK(got.size() == 3);
  CHECK_FALSE(b.deallocate(&x));
  std::unique_ptr<char[]> heap(new char[100]);
  CHECK_FALSE(b.owns(heap.get()));
  for (void* p : got) CHECK(b.deallocate(p));
}

TEST_CASE("LargeBlocks: threads allocating and freeing at once never get overlapping blocks") {
  LargeBlocks b;
  REQUIRE(b.reserve(4ull << 30, 1ull << 30));
  auto work = [&b](unsigned seed) {
    std::vector<std::pair<unsigned char*, std::size_t>> live;
    for (int i = 0; i < 200; ++i) {
      seed = seed * 1103515245u + 12345u;
      std::size_t size = LargeBlocks::kMinBlock << (seed >> 16) % 3;
      auto* p = static_cast<unsigned char*>(b.allocate(size, 16));
      REQUIRE(p != nullptr);
      std::memset(p, seed & 0xFF, size);
      live.emplace_back(p, size);
      if ((seed & 0x100) || live.size() >= 8) {  // free one, after checking nobody wrote into it
        auto [q, n] = live[(seed >> 9) % live.size()];
        for (std::size_t k = 0; k < n; k += 4096) REQUIRE(q[k] == q[0]);
        REQUIRE(b.deallocate(q));
        live.erase(std::find(live.begin(), live.end(), std::make_pair(q, n)));
      }
    }
    for (auto [q, n] : live) {
      for (std::size_t k = 0; k < n; k += 4096) REQUIRE(q[k] == q[0]);
      REQUIRE(b.deallocate(q));
    }
  };
  std::vector<std::thread> ts;
  for (unsigned t = 0; t < 4; ++t) ts.emplace_back(work, t * 7919u + 1);
  for (auto& t : ts) t.join();
}

#endif

TEST_CASE("the global operators: large blocks from the range in every form of new and delete, small ones from malloc") {
  const bool on = belgi::cli::use_memory_policy();
  CHECK(on == (belgi::cli::large_blocks_built() && kMmap));
  if (!on) {  // sanitizers or not Linux: operator new stays the runtime's
    std::unique_ptr<char[]> p(new char[kMB]);
    CHECK_FALSE(belgi::cli::is_large_block(p.get()));
    return;
  }
  using belgi::cli::is_large_block;
  char* small = new char[LargeBlocks::kMinBlock - 1];
  CHECK_FALSE(is_large_block(small));
  delete[] small;

  char* arr = new char[kMB];  // new[] / delete[]
  CHECK(is_large_block(arr));
  delete[] arr;
  char* again = new char[kMB];  // the same class: the block just freed
  CHECK(again == arr);
  delete[] again;

  std::allocator<std::uint64_t> a;  // sized delete (through the allocator)
  std::uint64_t* s = a.allocate(kMB / 8);
  CHECK(is_large_block(s));
  a.deallocate(s, kMB / 8);
  void* u = ::operator new(3 * kMB);  // unsized delete
  CHECK(is_large_block(u));
  ::operator delete(u);

  struct alignas(4096) Page {
    char bytes[4096];
  };
  Page* pages = new Page[100];  // aligned new[]: 400 KB
  CHECK(is_large_block(pages));
  CHECK(addr(pages) % 4096 == 0);
  delete[] pages;
  void* big_align = ::operator new(kMB, std::align_val_t{4 * kMB});  // beyond the classes': malloc's
  CHECK_FALSE(is_large_block(big_align));
  CHECK(addr(big_align) % (4 * kMB) == 0);
  ::operator delete(big_align, std::align_val_t{4 * kMB});

  void* nt = ::operator new(kMB, std::nothrow);
  CHECK(is_large_block(nt));
  ::operator delete(nt, std::nothrow);
  std::vector<int> v(3 * kMB);  // a container's growth: still ours and zero-filled
  CHECK(is_large_block(v.data()));
  CHECK(v[3 * kMB - 1] == 0);
}
