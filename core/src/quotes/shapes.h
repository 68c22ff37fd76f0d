// Lower-case word shapes (Kazakh endings) that the attribution rules use to cut speaker phrases.
#pragma once
#include <cstddef>
#include <string_view>

namespace belgi::quotes {

bool looks_finite_verb(std::string_view lower_word);  // жеткізді, айтқан
bool looks_converb(std::string_view lower_word);      // алып, қарап, (қорытындылай) келе
bool looks_past_t(std::string_view lower_word);       // айтты, ескертті (also accusatives)
bool looks_oblique(std::string_view lower_word);      // халқына, хабарламада, міндетпен
bool looks_dative(std::string_view lower_word);       // Молдағалиға, министрге
bool looks_place_case(std::string_view lower_word);   // locative, ablative, dative: Алматыда
bool looks_genitive(std::string_view lower_word);     // Президентінің
bool looks_adjectival(std::string_view lower_word);   // алғашқы, кейінгі
// The bytes of a genitive ending (`-ның`, `-тің`, …) closing the word, or 0.
std::size_t genitive_ending(std::string_view lower_word);

}  // namespace belgi::quotes
