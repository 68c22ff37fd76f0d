// The synchronisation of the caches the threads share (entities/word_cache.h, dates/word_cache.h):
// lookups take no lock, and the cache is rebuilt (emptied, kept in part, or made for another
// table) only while no other thread is inside it, i.e. holds what it handed out.
#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <thread>

namespace belgi::text {

// Each thread marks itself inside (Guard: a counter on its own cache line, so that the threads do
// not take turns owning one line) and checks the rebuild flag; the thread that rebuilds raises
// the flag and waits for the others to leave; they wait at entry.
class Quiescence {
 public:
  static constexpr int kThreadSlots = 64;

  // A thread's part: its counter's slot and how deep in Guards it is (nested ones count once).
  struct Local {
    int slot = -1, depth = 0;
  };

  Quiescence() : inside_(new Inside[kThreadSlots]) {}
  Quiescence(const Quiescence&) = delete;
  Quiescence& operator=(const Quiescence&) = delete;

  // The thread inside for as long as it lives: what the cache handed out stays in place.
  class Guard {
   public:
    Guard(Quiescence& q, Local& l) : q_(q), l_(l) { q_.hold(l_); }
    ~Guard() { q_.release(l_); }
    Guard(const Guard&) = delete;
    Guard& operator=(const Guard&) = delete;

   private:
    Quiescence& q_;
    Local& l_;
  };

  // The same, not scoped (dates::Words hold the thread inside while they live).
  void hold(Local& l) {
    if (l.depth++ == 0) enter(l);
  }
  void release(Local& l) {
    if (--l.depth == 0) leave(l);
  }

  // From inside: runs rebuild() while no other thread is inside, and returns true; if another
  // thread is rebuilding already, this one steps out, waits for it and comes back in, and returns
  // false (the caller looks again: the cache may have changed).
  template <class F>
  bool exclusive(Local& l, F&& rebuild) {
    if (rebuilding_.exchange(true, std::memory_order_seq_cst)) {
      leave(l);
      while (rebuilding_.load(std::memory_order_acquire)) std::this_thread::yield();
      enter(l);
      return false;
    }
    for (int k = 0; k < kThreadSlots; ++k) {
      const std::uint32_t mine = k == l.slot ? 1 : 0;
      while (inside_[k].n.load(std::memory_order_seq_cst) != mine) std::this_thread::yield();
    }
    rebuild();
    rebuilding_.store(false, std::memory_order_seq_cst);
    return true;
  }

 private:
  struct alignas(64) Inside {
    std::atomic<std::uint32_t> n{0};
  };

  void enter(Local& l) {
    if (l.slot < 0) l.slot = static_cast<int>(next_thread_.fetch_add(1, std::memory_order_relaxed) % kThreadSlots);
    std::atomic<std::uint32_t>& in = inside_[l.slot].n;
    for (;;) {
      in.fetch_add(1, std::memory_order_seq_cst);
      if (!rebuilding_.load(std::memory_order_seq_cst)) return;
      in.fetch_sub(1, std::memory_order_seq_cst);
      while (rebuilding_.load(std::memory_order_acquire)) std::this_thread::yield();
    }
  }
  void leave(Local& l) { inside_[l.slot].n.fetch_sub(1, std::memory_order_release); }

  alignas(64) std::atomic<std::uint32_t> next_thread_{0};
  alignas(64) std::atomic<bool> rebuilding_{false};
  std::unique_ptr<Inside[]> inside_;
};

}  // namespace belgi::text
