// The CLI's large blocks (large_blocks.h): one reserved range, power-of-two classes, free lists.
#include "large_blocks.h"

#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#include <sys/mman.h>
#define BELGI_LARGE_BLOCKS_MMAP 1
#endif

namespace belgi::cli {

namespace {

std::size_t round_up(std::size_t n, std::size_t a) { return (n + a - 1) / a * a; }

}  // namespace

int LargeBlocks::class_of(std::size_t bytes) {
  if (bytes < kMinBlock) return -1;
  int c = 0;
  while (c < kClasses && class_size(c) < bytes) ++c;
  return c < kClasses ? c : -1;
}

bool LargeBlocks::reserve(std::size_t bytes, std::size_t floor) {
#ifdef BELGI_LARGE_BLOCKS_MMAP
  std::lock_guard<std::mutex> lock(mu_);
  if (base_.load() != nullptr) return true;
  for (bytes = round_up(bytes, kHuge); bytes >= floor && bytes >= 2 * kHuge; bytes /= 2) {
    // kHuge to spare, so that the range can start at a 2 MB boundary (huge pages need that).
    void* raw = mmap(nullptr, bytes + kHuge, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (raw == MAP_FAILED) continue;
    auto a = reinterpret_cast<std::uintptr_t>(raw);
    char* base = static_cast<char*>(raw) + (round_up(a, kHuge) - a);
    madvise(base, bytes, MADV_HUGEPAGE);  // advice: without huge pages the blocks still work
    classes_ = reinterpret_cast<unsigned char*>(base);
    used_ = round_up(bytes / kMinBlock, kHuge);  // the class table, at the range's start
    size_.store(bytes);
    base_.store(base);
    return true;
  }
#else
  (void)bytes, (void)floor;
#endif
  return false;
}

void* LargeBlocks::allocate(std::size_t bytes, std::size_t align) {
  int c = class_of(bytes);
  if (c < 0 || align > kMinBlock || base_.load(std::memory_order_relaxed) == nullptr) return nullptr;
  std::lock_guard<std::mutex> lock(mu_);
  if (void* p = free_[c]) {
    free_[c] = *static_cast<void**>(p);
    return p;
  }
  // A block is aligned to its size up to 2 MB: a block of 2 MB or more starts a huge page.
  const std::size_t size = class_size(c), start = round_up(used_, size < kHuge ? size : kHuge);
  if (start > reserved() || reserved() - start < size) return nullptr;
  used_ = start + size;
  classes_[start / kMinBlock] = static_cast<unsigned char>(c + 1);
  return base_.load(std::memory_order_relaxed) + start;
}

bool LargeBlocks::deallocate(void* p) {
  if (!owns(p)) return false;
  std::lock_guard<std::mutex> lock(mu_);
  int c = classes_[(static_cast<char*>(p) - base_.load(std::memory_order_relaxed)) / kMinBlock] - 1;
  *static_cast<void**>(p) = free_[c];
  free_[c] = p;
  return true;
}

}  // namespace belgi::cli
