// An ordered worker pool: one thread produces items, `threads` workers turn them into results,
// and the calling thread consumes the results in the order the items were produced. At most
// `window` items are in flight (queued, being worked on, or done and waiting for their turn), so
// memory stays bounded however large the input is.
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
  std::string role;  // "reader", "worker", "writer"
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

  // Runs until every produced item is consumed, or until consume returns false.
  void run(const Produce& produce, const Work& work, const Consume& consume) {
    start_ = std::chrono::steady_clock::now();
    const double cpu0 = thread_cpu_seconds();
    std::thread producer([&] { produce_all(produce), timed("reader", 0); });
    std::vector<std::thread> workers;
    for (unsigned i = 0; i < threads_; ++i) workers.emplace_back([&] { work_all(work), timed("worker", 0); });
    consume_all(consume);
    stop();
    producer.join();
    for (std::thread& w : workers) w.join();
    timed("writer", cpu0);
  }
  // Each thread's CPU time and end, once run() has returned (the critical path of a batch:
  // `BELGI_THREAD_TIMES=1 belgi annotate ...` prints them).
  const std::vector<ThreadTime>& times() const { return times_; }

 private:
  void produce_all(const Produce& produce) {
    produce([&](In&& item) {
      std::unique_lock<std::mutex> lock(mu_);
      room_.wait(lock, [&] { return stopped_ || produced_ < next_ + window_; });
      if (stopped_) return false;
      queue_.emplace_back(produced_++, std::move(item));
      queued_.notify_one();
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
      std::lock_guard<std::mutex> lock(mu_);
      results_.emplace(item.first, std::move(out));
      finished_.notify_one();
    }
  }

  void consume_all(const Consume& consume) {
    for (;;) {
      Out out;
      {
        std::unique_lock<std::mutex> lock(mu_);
        finished_.wait(lock, [&] { return results_.count(next_) || (!producing_ && next_ == produced_); });
        auto it = results_.find(next_);
        if (it == results_.end()) return;
        out = std::move(it->second);
        results_.erase(it);
        ++next_;
        room_.notify_all();
      }
      if (!consume(std::move(out))) return;
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
  // the consumer (a result finished).
  std::condition_variable room_, queued_, finished_;
  std::deque<std::pair<std::size_t, In>> queue_;
  std::map<std::size_t, Out> results_;
  std::size_t produced_ = 0, next_ = 0;
  bool producing_ = true, stopped_ = false;
  std::chrono::steady_clock::time_point start_;
  std::vector<ThreadTime> times_;
};

}  // namespace belgi::cli
