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

namespace belgi::cli {

namespace {

// Constant-initialized: usable by operator new before any constructor has run.
LargeBlocks blocks;

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
  // 64 GB of address space (not memory); less where the kernel refuses that much.
  return blocks.reserve(std::size_t{64} << 30, std::size_t{256} << 20);
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
