// An ordered worker pool: one thread produces items, `threads` workers turn them into results
// (the calling thread and `threads` - 1 more), and the calling thread consumes the results in the
// order the items were produced, between items of its own. At most
// `window` items are in flight (queued, being worked on, or done and waiting for their turn), so
// memory stays bounded however large the input is. A thread that sleeps here costs a futex wait
// and wake (and, on this VM, an inter-processor interrupt): the producer is woken only once half
// the window is free and the consumer only for the result it waits for, and items should be
// batches of small pieces of work (Batcher) rather than one each. With one worker there are no
// threads: the calling thread produces, works and consumes each item in turn.
#pragma once
#include <time.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace belgi::cli {

// The calling thread's CPU time (user and system), in seconds.
inline double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// What one thread of the pool spent: CPU time, and when it finished (seconds after run() began).
struct ThreadTime {
  std::string role;  // "reader", "worker", or "caller": the calling thread (a worker and the writer)
  double cpu = 0, end = 0;
};

template <class In, class Out>
class OrderedPool {
 public:
  using Push = std::function<bool(In&&)>;               // false: stop producing
  using Produce = std::function<void(const Push& push)>;
  using Work = std::function<Out(In&)>;
  using Consume = std::function<bool(Out&&)>;           // false: stop everything

  OrderedPool(unsigned threads, std::size_t window)
      : threads_(std::max(1u, threads)), window_(std::max<std::size_t>(1, window)) {}

  // Runs until every produced item is consumed, or until consume returns false. With one worker
  // the calling thread does it all, item by item: a reader, a worker and a writer handing one
  // core's work to each other would only add futex waits and wakes (~400 more context switches
  // on the benchmark corpus) and evict each other's caches.
  void run(const Produce& produce, const Work& work, const Consume& consume) {
    start_ = std::chrono::steady_clock::now();
    const double cpu0 = thread_cpu_seconds();
    if (threads_ == 1) {
      run_here(produce, work, consume);
      timed("caller", cpu0);
      return;
    }
    std::thread producer([&] { produce_all(produce), timed("reader", 0); });
    std::vector<std::thread> workers;
    for (unsigned i = 1; i < threads_; ++i) workers.emplace_back([&] { work_all(work), timed("worker", 0); });
    work_and_consume_all(work, consume);
    stop();
    producer.join();
    for (std::thread& w : workers) w.join();
    timed("caller", cpu0);
  }
  // Each thread's CPU time and end, once run() has returned (the critical path of a batch:
  // `BELGI_THREAD_TIMES=1 belgi annotate ...` prints them).
  const std::vector<ThreadTime>& times() const { return times_; }

 private:
  // One item at a time, in order: produced, worked on, consumed. The window is one item.
  static void run_here(const Produce& produce, const Work& work, const Consume& consume) {
    bool go_on = true;
    produce([&](In&& item) {
      if (!go_on) return false;
      Out out = work(item);
      return go_on = consume(std::move(out));
    });
  }

  void produce_all(const Produce& produce) {
    produce([&](In&& item) {
      bool wake_caller;
      {
        std::unique_lock<std::mutex> lock(mu_);
        room_.wait(lock, [&] { return stopped_ || produced_ < next_ + window_; });
        if (stopped_) return false;
        queue_.emplace_back(produced_++, std::move(item));
        wake_caller = caller_waits_;
      }
      queued_.notify_one();  // after the unlock: the woken worker does not block on mu_ at once
      if (wake_caller) finished_.notify_one();
      return true;
    });
    std::lock_guard<std::mutex> lock(mu_);
    producing_ = false;
    queued_.notify_all();
    finished_.notify_all();
  }

  void work_all(const Work& work) {
    for (;;) {
      std::pair<std::size_t, In> item;
      {
        std::unique_lock<std::mutex> lock(mu_);
        queued_.wait(lock, [&] { return !queue_.empty() || !producing_ || stopped_; });
        if (queue_.empty() || stopped_) return;
        item = std::move(queue_.front());
        queue_.pop_front();
      }
      Out out = work(item.second);
      bool wake;
      {
        std::lock_guard<std::mutex> lock(mu_);
        results_.emplace(item.first, std::move(out));
        wake = item.first == next_;  // the consumer waits for no other
      }
      if (wake) finished_.notify_one();
    }
  }

  // The calling thread is one of the workers and the consumer: it writes the results that are
  // ready, in order, and works on a queued item while the next result is not ready, so that
  // `threads` workers are `threads` threads (and a light producer), not a consumer more that
  // wakes per item and takes a core from a worker.
  void work_and_consume_all(const Work& work, const Consume& consume) {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      auto it = results_.find(next_);
      if (it != results_.end()) {
        Out out = std::move(it->second);
        results_.erase(it);
        ++next_;
        const bool room = produced_ - next_ <= window_ / 2;  // real room: the producer refills in a burst
        lock.unlock();
        if (room) room_.notify_all();
        if (!consume(std::move(out))) return;
        lock.lock();
      } else if (!queue_.empty()) {
        std::pair<std::size_t, In> item = std::move(queue_.front());
        queue_.pop_front();
        lock.unlock();
        Out out = work(item.second);
        lock.lock();
        results_.emplace(item.first, std::move(out));
      } else if (!producing_ && next_ == produced_) {
        return;
      } else {
        caller_waits_ = true;  // for the result it needs, an item, or the end of the input
        finished_.wait(lock);
        caller_waits_ = false;
      }
    }
  }

  void timed(const char* role, double cpu0) {
    const double end = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double cpu = thread_cpu_seconds() - cpu0;
    std::lock_guard<std::mutex> lock(mu_);
    times_.push_back(ThreadTime{role, cpu, end});
  }

  void stop() {
    std::lock_guard<std::mutex> lock(mu_);
    stopped_ = true;
    room_.notify_all();
    queued_.notify_all();
  }

  const unsigned threads_;
  const std::size_t window_;
  std::mutex mu_;
  // One condition each for the producer (room in the window), the workers (an item queued) and
  // the calling thread (the result it needs finished, or an item queued while it waits).
  std::condition_variable room_, queued_, finished_;
  std::deque<std::pair<std::size_t, In>> queue_;
  std::map<std::size_t, Out> results_;
  std::size_t produced_ = 0, next_ = 0;
  bool producing_ = true, stopped_ = false, caller_waits_ = false;
  std::chrono::steady_clock::time_point start_;
  std::vector<ThreadTime> times_;
};

// Gathers items into batches for a pool: a batch is pushed on once it holds `max_items` items or
// `max_bytes` bytes; an item that would take a non-empty batch past `max_bytes` starts the next
// one, so a large item goes alone. flush() pushes what is left (at the end of the input).
template <class T>
class Batcher {
 public:
  using Push = std::function<bool(std::vector<T>&&)>;  // false: stop producing

  Batcher(Push push, std::size_t max_bytes, std::size_t max_items)
      : push_(std::move(push)), max_bytes_(max_bytes), max_items_(std::max<std::size_t>(1, max_items)) {}

  bool add(T&& item, std::size_t bytes) {
    if (!batch_.empty() && bytes_ + bytes > max_bytes_ && !flush()) return false;
    batch_.push_back(std::move(item));
    bytes_ += bytes;
    return batch_.size() < max_items_ && bytes_ < max_bytes_ ? true : flush();
  }
  // The size at which later batches are pushed on (the pool's tail: smaller batches).
  void set_max_bytes(std::size_t max_bytes) { max_bytes_ = max_bytes; }
  bool flush() {
    if (batch_.empty()) return true;
    std::vector<T> full;
    full.swap(batch_);
    bytes_ = 0;
    return push_(std::move(full));
  }

 private:
  Push push_;
  std::size_t max_bytes_;
  const std::size_t max_items_;
  std::vector<T> batch_;
  std::size_t bytes_ = 0;
};

}  // namespace belgi::cli
