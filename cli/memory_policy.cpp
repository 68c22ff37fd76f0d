// The CLI's memory policy (memory_policy.h): mallopt for malloc, and the global operator new and
// delete replaced so that large blocks come from LargeBlocks. Measured on the 2.6 MB one-document
// benchmark: see docs/benchmarks.md, "Distinct text, session 14, memory".
#include "memory_policy.h"

#include <cstdlib>
#include <new>

#include "large_blocks.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || __has_feature(thread_sanitizer)
#define BELGI_NO_LARGE_BLOCKS 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__) || !defined(__linux__) || defined(__EMSCRIPTEN__)
#define BELGI_NO_LARGE_BLOCKS 1
#endif

#if defined(__GLIBC__)
#include <malloc.h>
#endif
#ifndef BELGI_NO_LARGE_BLOCKS
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace belgi::cli {

namespace {

// Constant-initialized: usable by operator new before any constructor has run.
LargeBlocks blocks;

#ifndef BELGI_NO_LARGE_BLOCKS
// The address space the range may take: 64 GB (only what is touched becomes memory), at most a
// quarter of a finite `ulimit -v` (the rest of the process needs the others: taking what was left
// made the annotator fail at 600 MB), and none under strict overcommit (mode 2 charges a
// reservation in full, as if it were used).
std::size_t reservation() {
  std::size_t bytes = std::size_t{64} << 30;
  rlimit r{};
  if (getrlimit(RLIMIT_AS, &r) == 0 && r.rlim_cur != RLIM_INFINITY && r.rlim_cur / 4 < bytes)
    bytes = static_cast<std::size_t>(r.rlim_cur / 4);
  int fd = open("/proc/sys/vm/overcommit_memory", O_RDONLY);
  char mode = 0;
  if (fd >= 0) {
    if (read(fd, &mode, 1) != 1) mode = 0;
    close(fd);
  }
  return mode == '2' ? 0 : bytes;
}
#endif

}  // namespace

bool use_memory_policy() {
#if defined(__GLIBC__)
  // Freed memory stays in the process for the next document, instead of being trimmed or, for a
  // block of 128 KB to 32 MB, unmapped, then faulted in again page by page.
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  mallopt(M_TOP_PAD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
#ifdef BELGI_NO_LARGE_BLOCKS
  return false;
#else
  // Less where the kernel refuses that much; none below 256 MB.
  return blocks.reserve(reservation(), std::size_t{256} << 20);
#endif
}

bool is_large_block(const void* p) { return blocks.owns(p); }

bool large_blocks_built() {
#ifdef BELGI_NO_LARGE_BLOCKS
  return false;
#else
  return true;
#endif
}

}  // namespace belgi::cli

#ifndef BELGI_NO_LARGE_BLOCKS

namespace {

using belgi::cli::blocks;

void* allocate(std::size_t n, std::size_t align) {
  if (n >= belgi::cli::LargeBlocks::kMinBlock)
    if (void* p = blocks.allocate(n, align)) return p;
  for (;;) {
    void* p = nullptr;
    if (align <= __STDCPP_DEFAULT_NEW_ALIGNMENT__) {
      p = std::malloc(n ? n : 1);
    } else if (posix_memalign(&p, align, n ? n : 1) != 0) {
      p = nullptr;
    }
    if (p) return p;
    std::new_handler handler = std::get_new_handler();
    if (!handler) throw std::bad_alloc();
    handler();
  }
}

void* allocate_nothrow(std::size_t n, std::size_t align) noexcept {
  try {
    return allocate(n, align);
  } catch (...) {
    return nullptr;
  }
}

void release(void* p) noexcept {
  if (!blocks.deallocate(p)) std::free(p);
}

constexpr std::size_t kPlain = __STDCPP_DEFAULT_NEW_ALIGNMENT__;

}  // namespace

void* operator new(std::size_t n) { return allocate(n, kPlain); }
void* operator new[](std::size_t n) { return allocate(n, kPlain); }
void* operator new(std::size_t n, std::align_val_t a) { return allocate(n, static_cast<std::size_t>(a)); }
void* operator new[](std::size_t n, std::align_val_t a) { return allocate(n, static_cast<std::size_t>(a)); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return allocate_nothrow(n, kPlain); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return allocate_nothrow(n, kPlain); }
void* operator new(std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return allocate_nothrow(n, static_cast<std::size_t>(a));
}
void* operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return allocate_nothrow(n, static_cast<std::size_t>(a));
}
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }
void operator delete(void* p, std::align_val_t) noexcept { release(p); }
void operator delete[](void* p, std::align_val_t) noexcept { release(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { release(p); }

#endif
