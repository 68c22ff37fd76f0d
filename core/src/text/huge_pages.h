// An allocator for the large caches that fill as text arrives (the tagger's word
// cache: ~20 MB of entries). Natively on Linux, an allocation of 1 MB or more is mapped on its own,
// 2 MB aligned, and marked for transparent huge pages (madvise: a kernel in the common "madvise"
// mode, as on the benchmark's host, uses them only where asked). Filling such a table then costs one page fault
// per 2 MB instead of one per 4 KB: on the distinct-text benchmark the tagger's cache took ~4,800
// faults, ~0.04 s of system time and as much again of user time (the first touch of each page),
// a third of the tagger's time on KazNERD valid. Elsewhere (WebAssembly), std::allocator.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <vector>

#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#include <sys/mman.h>
#define BELGI_HUGE_PAGES 1
#endif

namespace belgi::text {

template <class T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr std::size_t kHuge = std::size_t{2} << 20;
  // From this size on, whole huge pages (a block of StableBlocks is just under one).
  static constexpr std::size_t kMin = kHuge / 2;

  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) {}

  T* allocate(std::size_t n) {
#ifdef BELGI_HUGE_PAGES
    if (n * sizeof(T) >= kMin) return static_cast<T*>(map(round_up(n * sizeof(T))));
#endif
    return std::allocator<T>().allocate(n);
  }
  void deallocate(T* p, std::size_t n) {
#ifdef BELGI_HUGE_PAGES
    if (n * sizeof(T) >= kMin) {
      munmap(p, round_up(n * sizeof(T)));
      return;
    }
#endif
    std::allocator<T>().deallocate(p, n);
  }
  template <class U>
  bool operator==(const HugePageAllocator<U>&) const { return true; }
  template <class U>
  bool operator!=(const HugePageAllocator<U>&) const { return false; }

 private:
  static std::size_t round_up(std::size_t bytes) { return (bytes + kHuge - 1) / kHuge * kHuge; }

#ifdef BELGI_HUGE_PAGES
  // `bytes` (a multiple of kHuge) at a kHuge boundary: mapped with kHuge to spare, the ends cut.
  static void* map(std::size_t bytes) {
    void* raw = mmap(nullptr, bytes + kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) throw std::bad_alloc();
    char* base = static_cast<char*>(raw);
    char* p = reinterpret_cast<char*>((reinterpret_cast<std::uintptr_t>(base) + kHuge - 1) & ~(kHuge - 1));
    if (p > base) munmap(base, p - base);
    if (p + bytes < base + bytes + kHuge) munmap(p + bytes, base + bytes + kHuge - (p + bytes));
    madvise(p, bytes, MADV_HUGEPAGE);  // advice: without huge pages the memory still works
    return p;
  }
#endif
};

// Asks for huge pages under the whole 2 MB pages of [p, p + bytes), memory not touched yet (a
// vector just reserved): a document's per-token vectors, tens of MB for a large one (the date
// words, 232 bytes a token), that must keep their type. Memory from malloc: a large block is a
// mapping of its own; the advice only changes how the kernel backs the pages.
inline void advise_huge_pages(const void* p, std::size_t bytes) {
#ifdef BELGI_HUGE_PAGES
  constexpr std::uintptr_t kHuge = HugePageAllocator<char>::kHuge;
  const auto a = reinterpret_cast<std::uintptr_t>(p), b = a + bytes;
  const std::uintptr_t lo = (a + kHuge - 1) & ~(kHuge - 1), hi = b & ~(kHuge - 1);
  if (lo < hi) madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_HUGEPAGE);
#else
  (void)p, (void)bytes;
#endif
}

// Reserves room for n elements in a vector or string and advises the huge pages under it, before
// the first touch: a large document's per-token buffers grown by doubling, or filled at once,
// took their memory one 4 KB page fault at a time.
template <class C>
void reserve_huge(C& c, std::size_t n) {
  c.reserve(n);
  advise_huge_pages(c.data(), c.capacity() * sizeof(typename C::value_type));
}

// Elements that never move once added (the caches hand out pointers to them), in blocks of 2 MB
// from HugePageAllocator. clear() ends the elements' lives but keeps the blocks, so that a cache
// refilled after emptying touches no new memory.
template <class T>
class StableBlocks {
 public:
  static constexpr std::size_t kBlock = HugePageAllocator<T>::kHuge / sizeof(T);
  static_assert(kBlock > 0, "an element fits a block");

  T& emplace_back() {
    if (cur_ < blocks_.size() && blocks_[cur_].size() == kBlock) ++cur_;
    if (cur_ == blocks_.size()) blocks_.emplace_back().reserve(kBlock);
    ++size_;
    return blocks_[cur_].emplace_back();
  }
  void clear() {
    for (auto& b : blocks_) b.clear();
    cur_ = size_ = 0;
  }
  std::size_t size() const { return size_; }

 private:
  std::vector<std::vector<T, HugePageAllocator<T>>> blocks_;
  std::size_t cur_ = 0, size_ = 0;
};

}  // namespace belgi::text
