// The CLI process's large blocks (>= 16 KB): carved from one reserved address range marked for
// transparent huge pages, in power-of-two size classes, and kept on per-class free lists when
// freed. A page fault costs ~12 us on the benchmark's host; a document's large vectors, grown by
// doubling and freed after it, took one fault per 4 KB from fresh mappings each time (9,481 faults
// on the 2.6 MB one-document benchmark). Here a block is touched once per 2 MB when first used and
// reused warm after. The memory is never given back: the CLI's process ends with its input.
// The library does not use this (an embedder has its own memory policy); memory_policy.cpp makes
// it the CLI's operator new for large blocks.
#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>

namespace belgi::cli {

class LargeBlocks {
 public:
  static constexpr std::size_t kMinBlock = std::size_t{16} << 10;  // the smallest class
  static constexpr int kClasses = 17;                               // 16 KB .. 1 GB
  static constexpr std::size_t kHuge = std::size_t{2} << 20;

  constexpr LargeBlocks() = default;
  LargeBlocks(const LargeBlocks&) = delete;
  LargeBlocks& operator=(const LargeBlocks&) = delete;

  // Reserves `bytes` of address space (no memory), halving while the kernel refuses, down to
  // `floor`. Returns false (and allocate() then always returns nullptr) if even that is refused.
  // Call once, before other threads use this object. The range is never unmapped (no
  // destructor: the process's last frees may come after static destructors).
  bool reserve(std::size_t bytes, std::size_t floor);

  // A block of at least `bytes` aligned to `align` (which the block's class alignment, at least
  // kMinBlock, covers), or nullptr if not ours to give: too small or too large a size, too large
  // an alignment, no reservation, or the reservation used up. The caller then uses malloc.
  void* allocate(std::size_t bytes, std::size_t align);
  // Takes back a block of ours (any size given with it is not needed); false if p is not ours.
  bool deallocate(void* p);
  bool owns(const void* p) const {
    const char* b = base_.load(std::memory_order_relaxed);
    auto a = reinterpret_cast<std::uintptr_t>(p), lo = reinterpret_cast<std::uintptr_t>(b);
    return b != nullptr && a >= lo && a - lo < size_.load(std::memory_order_relaxed);
  }
  std::size_t reserved() const { return size_.load(std::memory_order_relaxed); }
  // The usable size of a block of ours (its class's size).
  static std::size_t class_size(int c) { return kMinBlock << c; }
  static int class_of(std::size_t bytes);  // -1 if outside the classes

 private:
  std::mutex mu_;
  std::atomic<char*> base_{nullptr};
  std::atomic<std::size_t> size_{0};
  std::size_t used_ = 0;           // the next carve starts here (bytes from base_)
  void* free_[kClasses] = {};      // per class: the last freed block; each holds the next
  unsigned char* classes_ = nullptr;  // per kMinBlock of the range: 1 + class of the block there
};

}  // namespace belgi::cli
