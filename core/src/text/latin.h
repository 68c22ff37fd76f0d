// Latin-script Kazakh (docs/latin.md): finds it word by word and rewrites it in Cyrillic, with a
// map from every offset of the Cyrillic form back to the caller's text, so that the whole
// pipeline runs on Cyrillic and its spans land on the original letters.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace belgi::text {

// The Latin alphabets of Kazakh (../shared/spec/latin-alphabets.md). They differ in u, ı, i, I
// and the apostrophe; letters with marks (á, ä, ş, ...) mean the same in all.
enum class LatinAlphabet : std::uint8_t {
  acute2018,       // á ǵ ń ó ú ý, ı = и/й, i = і, u = ұ
  diaeresis2021,   // ä ğ ñ ö ş ü ū ç, ı = і, i/İ = и/й, u = у
  apostrophe2017,  // a' g' n' o' u' y' i' s' c', i = і, u = ұ
  // Two sites' own spellings (../shared/data/latin-dev), told by the whole text only:
  abai,            // abai.kz: Cyrillic ә kept, ó = ө, ú = ұ, ý = ү, u = у, y = ы/й, iy = и, ng = ң
  qazaq_times,     // The Qazaq Times: 2021's marks, but ı = ы, i = і/и, w = ұ, y = й, c = ц
};

// The table of words the default rules get wrong (data/rules/latin/words.tsv, `key TAB word`).
struct LatinWords;
std::shared_ptr<const LatinWords> parse_latin_words(std::string_view tsv);

// The Cyrillic form of one Latin word (letters, combining marks, inner apostrophes; no spaces
// or hyphens) in the given alphabet. Words of the table (the embedded one by default) first,
// then the default rules. Exposed for tests and `belgi latin` (which measures the converter
// with a table built without the held-back words).
std::string latin_word_to_cyrillic(std::string_view word, LatinAlphabet alphabet,
                                   const LatinWords* table = nullptr);

// A text with its Latin Kazakh words rewritten in Cyrillic. Everything else (Cyrillic, digits,
// punctuation, English words, URLs) is copied byte for byte.
class Transliteration {
 public:
  bool changed() const { return !words_.empty(); }
  const std::string& text() const { return text_; }  // empty when !changed()

  // Maps an offset of text() back to the original. A range [b, e) of text() becomes
  // [original_begin(b), original_end(e)): an offset inside a rewritten word moves to the start
  // of the word for a begin and to its end for an end. Monotonic; ends of the text map to ends.
  std::size_t original_begin(std::size_t offset) const { return original(offset, false); }
  std::size_t original_end(std::size_t offset) const { return original(offset, true); }

  // One rewritten word: [out, out + out_len) of text() came from [src, src + src_len).
  struct Word {
    std::uint32_t out, out_len, src, src_len;
  };
  const std::vector<Word>& words() const { return words_; }

 private:
  friend Transliteration latin_to_cyrillic(std::string_view);
  std::size_t original(std::size_t offset, bool is_end) const;
  std::string text_;
  std::vector<Word> words_;
};

// Decides whether `utf8` (valid UTF-8) is Latin-script Kazakh and if so rewrites its Kazakh
// words. A text whose words are mostly Cyrillic, or whose Latin words show no Kazakh letters,
// comes back unchanged (changed() == false) and costs one pass over its bytes.
Transliteration latin_to_cyrillic(std::string_view utf8);

}  // namespace belgi::text
