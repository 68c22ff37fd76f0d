// An ordered worker pool: one thread produces items, `threads` workers turn them into results,
// and the calling thread consumes the results in the order the items were produced. At most
// `window` items are in flight (queued, being worked on, or done and waiting for their turn), so
// memory stays bounded however large the input is.
#pragma once
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace belgi::cli {

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
    std::thread producer([&] { produce_all(produce); });
    std::vector<std::thread> workers;
    for (unsigned i = 0; i < threads_; ++i) workers.emplace_back([&] { work_all(work); });
    consume_all(consume);
    stop();
    producer.join();
    for (std::thread& w : workers) w.join();
  }

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
};

}  // namespace belgi::cli
