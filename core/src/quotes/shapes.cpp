#include "quotes/shapes.h"

#include "text/utf8.h"

namespace belgi::quotes {

using utf8::ends_with;

bool looks_finite_verb(std::string_view w) {
  if (w.size() < 10) return false;  // 5+ Cyrillic letters
  for (std::string_view suf : {"ды", "ді", "ған", "ген", "қан", "кен"})
    if (ends_with(w, suf)) return true;
  return false;
}

bool looks_converb(std::string_view w) {
  return w == "келе" || (w.size() >= 6 && ends_with(w, "п"));
}

bool looks_past_t(std::string_view w) {
  return w.size() >= 8 && (ends_with(w, "ты") || ends_with(w, "ті"));
}

bool looks_oblique(std::string_view w) {
  if (w.size() < 8) return false;
  for (std::string_view suf : {"да", "де", "та", "те", "ға", "ге", "қа", "ке", "на", "не",
                               "нан", "нен", "дан", "ден", "тан", "тен", "мен", "пен", "бен"})
    if (ends_with(w, suf)) return true;
  return false;
}

bool looks_dative(std::string_view w) {
  if (w.size() < 8) return false;
  for (std::string_view suf : {"ға", "ге", "қа", "ке"})
    if (ends_with(w, suf)) return true;
  return false;
}

bool looks_place_case(std::string_view w) {
  if (w.size() < 8) return false;
  for (std::string_view suf : {"да", "де", "та", "те", "дан", "ден", "тан", "тен", "нан", "нен",
                               "ға", "ге", "қа", "ке"})
    if (ends_with(w, suf)) return true;
  return false;
}

std::size_t genitive_ending(std::string_view w) {
  for (std::string_view g : {"ның", "нің", "дың", "дің", "тың", "тің"})
    if (ends_with(w, g)) return g.size();
  return 0;
}

bool looks_genitive(std::string_view w) { return genitive_ending(w) > 0; }

bool looks_adjectival(std::string_view w) {
  for (std::string_view g : {"ғы", "гі", "қы", "кі"})
    if (ends_with(w, g)) return true;
  return false;
}

}  // namespace belgi::quotes
