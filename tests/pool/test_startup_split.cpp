// The CLI's start-up with more than one job (cli/annotate.cpp): a second thread makes the model's
// checksum and lexicon tables (entities::prepare_lexicons) while load_model places the weights.
// The model that load makes must be the one a load of its own makes, and the errors the same, in
// the same order. prepare_lexicons works once per process: each case runs in a child process.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "entities/features.h"
#include "entities/model.h"
#include "entities/model_format.h"
#include "resources.h"
#include "text/hash.h"

using namespace belgi::entities;

namespace {

// fn's result (0: as expected) in a child process: a fresh process, whose first load may take a part.
int in_child(const std::function<int()>& fn) {
  const pid_t pid = fork();
  if (pid == 0) _exit(fn());
  int status = 0;
  if (pid < 0 || waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -2;
}

bool same_table(const KeyTable& a, const KeyTable& b, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& keys) {
  if (a.size() != b.size()) return false;
  for (const auto& kv : keys)
    if (a.find(kv.first, 0xffffffffu) != b.find(kv.first, 0xffffffffu)) return false;
  return a.find(0x12345678u, 7) == b.find(0x12345678u, 7);
}

// 0 if the two models' lexicons are the same tables.
int same_lexicons(const Model& x, const Model& y, std::string_view bytes) {
  ModelData d;
  if (!parse_model(bytes, d).ok()) return 10;
  const Lexicons &a = lexicons(x), &b = lexicons(y);
  if (a.entries.size() == 0 || a.max_words != b.max_words) return 11;
  if (!same_table(a.entries, b.entries, d.lex_entries)) return 12;
  if (!same_table(a.endings, b.endings, d.lex_endings)) return 13;
  if (!same_table(a.known, b.known, d.known)) return 14;
  if (!same_table(a.gazetteer, b.gazetteer, d.gazetteer)) return 15;
  return model_id(x) == model_id(y) ? 0 : 16;
}

// The message of load_model(bytes) after prepare_lexicons(prepared) on another thread.
std::string load_after_prepare(const std::string& prepared, const std::string& bytes) {
  std::thread helper([&] { prepare_lexicons(prepared); });
  std::shared_ptr<const Model> m;
  belgi::Status st = load_model(bytes, m);
  helper.join();
  return st.ok() == static_cast<bool>(m) ? st.message : "status and model disagree";
}

}  // namespace

TEST_CASE("a load that takes the prepared lexicons makes the model a load of its own makes") {
  for (bool on_thread : {false, true}) {
    CHECK(in_child([on_thread] {
            static const std::string bytes(belgi::resources::ner_model());  // in place for the process
            std::thread helper;
            if (on_thread) helper = std::thread([] { prepare_lexicons(bytes); });
            else prepare_lexicons(bytes);
            std::shared_ptr<const Model> taken, own;
            const bool loaded = load_model(bytes, taken).ok();
            if (helper.joinable()) helper.join();
            if (!loaded || !load_model(bytes, own).ok()) return 1;  // the second does it all itself
            return same_lexicons(*taken, *own, bytes);
          }) == 0);
  }
}

TEST_CASE("with the lexicons prepared, the errors are the same and in the same order") {
  const std::string good(belgi::resources::ner_model());
  const std::size_t body = good.size() - 8;
  std::string flipped = good;
  flipped[body / 2] ^= 0x20;
  std::string bad_label = good;  // a label out of range under a valid checksum
  bad_label[body - 3] = static_cast<char>(200);
  const std::uint64_t sum = belgi::text::fnv1a64_words(std::string_view(bad_label).substr(0, body));
  std::memcpy(&bad_label[body], &sum, 8);
  std::string version = good;
  version[8] = 99;
  struct Case {
    const std::string *prepared, *loaded;
    const char* message;
  };
  for (const Case& c : {Case{&flipped, &flipped, "checksum mismatch"}, Case{&bad_label, &bad_label, "label out of range"},
                        Case{&version, &version, "version 99"},
                        // the part of other bytes is not taken: the good one's checksum does not pass these
                        Case{&good, &flipped, "checksum mismatch"}, Case{&flipped, &good, ""}}) {
    CHECK_MESSAGE(in_child([&c] {
                    const std::string msg = load_after_prepare(*c.prepared, *c.loaded);
                    return *c.message ? (msg.find(c.message) != std::string::npos ? 0 : 1) : (msg.empty() ? 0 : 2);
                  }) == 0,
                  c.message);
  }
}
