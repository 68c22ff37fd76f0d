// The rules and the entity model together: the date recognizer keeps the model's DATE/TIME
// boundaries (KazNERD's) and gives them values, replaces spans the model cut badly, drops model
// spans that cannot be dates, and reads the dateline. The model's spans are given by hand here, so
// the cases do not depend on the trained model.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "belgi/annotator.h"
#include "dates/dateline.h"
#include "dates/rules.h"
#include "dates/tables.h"
#include "pipeline/resolve.h"
#include "text/sentences.h"
#include "text/tokenizer.h"

using namespace belgi;
using namespace belgi::dates;

namespace {

std::shared_ptr<const Tables> tables() {
  static std::shared_ptr<const Tables> t = [] {
    auto made = std::make_shared<Tables>();
    REQUIRE(Tables::load_embedded(*made).ok());
    return made;
  }();
  return t;
}

struct ModelSpan {
  const char* text;  // found in the text (first occurrence)
  SpanType type;
};

// Runs dateline + dates over `text` with the given model candidates; returns "text=value" of the
// DATE/TIME spans after resolve().
// `kaznerd`: the text is pre-tokenized KazNERD (Annotator::tag), whose cuts the spans keep.
// `with_type`: each span also says its type (`[23:31=T23:31 TIME]`).
std::string run(const std::string& text, const char* dct, const std::vector<ModelSpan>& model,
                bool kaznerd = false, bool with_type = false) {
  Options opt;
  opt.document_date = dct;
  Context ctx(text, opt);
  ctx.kaznerd_cuts = kaznerd;
  ctx.tokens = text::tokenize(text);
  ctx.sentences = text::split_sentences(text, ctx.tokens);
  if (*dct) ctx.has_date = true, ctx.date.value = dct, ctx.date.source = "option";
  for (const ModelSpan& m : model) {
    std::size_t at = text.find(m.text);
    REQUIRE(at != std::string::npos);
    Candidate c;
    c.span.type = m.type;
    c.span.range = ByteRange{at, at + std::string(m.text).size()};
    c.span.source = "model";
    c.priority = kPriorityModel;
    c.origin = Origin::model;
    ctx.candidates.push_back(c);
  }
  DatelineRecognizer(tables()).run(ctx);
  DateRecognizer(tables()).run(ctx);
  std::string out;
  for (const Span& s : resolve(ctx.candidates)) {
    if (s.type != SpanType::DATE && s.type != SpanType::TIME) continue;
    std::string type = !with_type ? "" : s.type == SpanType::TIME ? " TIME" : " DATE";
    out += "[" + text.substr(s.range.begin, s.range.end - s.range.begin) + "=" + s.value + type + "]";
  }
  return out;
}

struct MergeCase {
  const char* text;
  const char* dct;
  std::vector<ModelSpan> model;
  const char* want;
};

}  // namespace

TEST_CASE("merge: in written news the model's type yields to an unambiguous format and to clock units") {
  const SpanType D = SpanType::DATE;
  CHECK(run("Оқиға 23:31 болды.", "", {{"23:31", D}}, false, true) == "[23:31=T23:31 TIME]");
  CHECK(run("Ол 8:47.35 секунд ішінде жүгірді.", "", {{"8:47.35 секунд ішінде", D}}, false, true) ==
        "[8:47.35 секунд ішінде= TIME]");
  CHECK(run("Ол 02.10.2017 келді.", "", {{"02.10.2017", SpanType::TIME}}, false, true) ==
        "[02.10.2017=2017-10-02 DATE]");
  // two numeric dates as one range stay a DATE
  CHECK(run("Акция 15.03.2025-тен 15.04.2025-ке дейін жалғасады.", "", {{"15.03.2025-тен 15.04.2025-ке дейін", SpanType::TIME}},
            false, true) == "[15.03.2025-тен 15.04.2025-ке дейін=2025-03-15/2025-04-15 DATE]");
  // a value that is a part of the day makes a TIME (`түні бойы`, all night long)
  CHECK(run("Ол түні бойы ұйықтамады.", "", {{"түні бойы", D}}, false, true) == "[түні бойы=TNI TIME]");
  // `Сол түні` (that night) is a TIME
  CHECK(run("Ол 5 мамырда келді. Сол түні жаңбыр жауды.", "", {{"Сол түні", D}}, false, true) ==
        "[5 мамырда=XXXX-05-05 DATE][Сол түні=XXXX-05-05TNI TIME]");
  // KazNERD text keeps the model's types (its spans are compared as they were)
  CHECK(run("Оқиға 23:31 болды.", "", {{"23:31", D}}, true, true) == "[23:31=T23:31 DATE]");
}

TEST_CASE("merge: the model's boundaries are kept and get values") {
  const SpanType D = SpanType::DATE, T = SpanType::TIME;
  const MergeCase cases[] = {
      // parts of the day only ever get values (KazNERD tags them selectively)
      {"Астанада түнде және таңертең тұман түседі.", "2025-09-28", {{"түнде", T}, {"таңертең", T}},
       "[түнде=TNI][таңертең=TMO]"},
      {"Астанада түнде тұман түседі.", "2025-09-28", {}, ""},
      {"Таңертең және күндіз жел соғады.", "", {{"Таңертең", T}, {"күндіз", T}}, "[Таңертең=TMO][күндіз=TDT]"},
      {"Кешке жаңбыр жауады.", "", {{"Кешке", T}}, "[Кешке=TEV]"},
      {"Бүгін түнде аяз болады.", "2025-10-24", {{"Бүгін", D}, {"түнде", T}},
       "[Бүгін=2025-10-24][түнде=2025-10-24TNI]"},
      {"Ол 18 : 00-де келеді.", "", {{"18 : 00-де", T}}, "[18 : 00-де=T18:00]"},
      // the model's span is longer, with words the rules do not know
      {"Тура бір жыл өтті.", "", {{"Тура бір жыл", D}}, "[Тура бір жыл=P1Y]"},
      {"2008 жылдан бері заң өзгерді.", "2023-12-05", {{"2008 жылдан бері", D}}, "[2008 жылдан бері=2008/2023]"},
      {"Жыл басынан бері 20 бала.", "2025-08-25", {{"Жыл басынан бері", D}}, "[Жыл басынан бері=2025]"},
      // `бастап` ("from"): the news gold cuts it in and out alike; a model span with it keeps its value,
      // and the rules alone leave it out
      {"Заң 1 сәуірден бастап күшіне енеді.", "", {{"1 сәуірден бастап", D}}, "[1 сәуірден бастап=XXXX-04-01]"},
      // `-ақ`, an emphatic particle: `Сол күні-ақ` ("that very day") is the day last written out
      {"15 қаңтар күні жиын өтті. Сол күні-ақ шешім шықты.", "", {{"15 қаңтар күні", D}, {"Сол күні-ақ", D}},
       "[15 қаңтар күні=XXXX-01-15][Сол күні-ақ=XXXX-01-15]"},
      // a heading's date and its title after a dash: the date alone
      {"1 ҚЫРКҮЙЕК - БІЛІМ КҮНІ", "2023-08-30", {{"1 ҚЫРКҮЙЕК - БІЛІМ КҮНІ", D}}, "[1 ҚЫРКҮЙЕК=2023-09-01]"},
      {"Заң 1 сәуірден бастап күшіне енеді.", "", {}, "[1 сәуірден=XXXX-04-01]"},
      {"Ол 16 жастан бастап спортпен айналысады.", "", {}, "[16 жастан=P16Y]"},
  };
  for (const MergeCase& c : cases) {
    std::string text = c.text;
    CAPTURE(text);
    CHECK(run(c.text, c.dct, c.model) == std::string(c.want));
  }
}

TEST_CASE("merge: KazNERD's cuts in tagged KazNERD text, guidelines v2 in written news") {
  const SpanType D = SpanType::DATE, T = SpanType::TIME;
  struct Both {
    const char* text;
    const char* dct;
    std::vector<ModelSpan> model;
    const char* kaznerd;  // Annotator::tag: the model's cut, with the value
    const char* news;     // Annotator::annotate: head noun and case ending included
  };
  const Both cases[] = {
      {"Ол қаңтар айында келді.", "2024-05-01", {{"қаңтар", D}}, "[қаңтар=2024-01]", "[қаңтар айында=2024-01]"},
      {"26 наурыз күні жиналыс болды.", "2024-05-01", {{"26 наурыз", D}}, "[26 наурыз=2024-03-26]",
       "[26 наурыз күні=2024-03-26]"},
      {"Сәрсенбі күні келеді.", "2023-12-05", {{"Сәрсенбі", D}}, "[Сәрсенбі=2023-12-06]",
       "[Сәрсенбі күні=2023-12-06]"},
      {"Жиын сағат 16:00-де басталды.", "2023-12-05", {{"16:00-де", T}}, "[16:00-де=T16:00]",
       "[сағат 16:00-де=T16:00]"},
      {"2005 жылы тамызда ашылды.", "", {{"2005 жылы", D}, {"тамызда", D}}, "[2005 жылы=2005][тамызда=2005-08]",
       "[2005 жылы тамызда=2005-08]"},
      // a word stuck to an unambiguous format
      {"Дүкен сағат 9-дан 18-ге дейін ашық.", "", {{"Дүкен сағат 9-дан 18-ге дейін", T}},
       "[Дүкен сағат 9-дан 18-ге дейін=]", "[сағат 9-дан 18-ге дейін=T09:00/T18:00]"},
      // a part of the day takes the day written out in its own sentence only
      {"Жарыс 1 мамыр күні таңертең басталды.", "", {{"1 мамыр күні", D}, {"таңертең", T}},
       "[1 мамыр күні=XXXX-05-01][таңертең=XXXX-05-01TMO]", "[1 мамыр күні=XXXX-05-01][таңертең=XXXX-05-01TMO]"},
      {"Жарыс 1 мамырда өтеді. Таңертең жаңбыр жауады.", "", {{"1 мамырда", D}, {"Таңертең", T}},
       "[1 мамырда=XXXX-05-01][Таңертең=TMO]", "[1 мамырда=XXXX-05-01][Таңертең=TMO]"},
      // the model ran two expressions together
      {"Жиын 12 наурызда сағат 10.45-те басталды.", "2025-08-22", {{"12 наурызда сағат 10.45-те", T}},
       "[12 наурызда сағат 10.45-те=]", "[12 наурызда=2025-03-12][сағат 10.45-те=2025-03-12T10:45]"},
      // an anniversary of something is part of an EVENT; no temporal word at all is no date
      {"Газеттің 75 жылдығы аталып өтті.", "", {{"75 жылдығы", D}}, "[75 жылдығы=P75Y]", ""},
      {"Сот отырысы 2 сотымен өтті.", "", {{"2 сотымен", D}}, "[2 сотымен=]", ""},
      {"Бір күні ол ауылға келді.", "", {{"Бір күні", D}}, "[Бір күні=]", ""},
      {"Жыл\n\nАуа райы 25°C жылы болады.", "", {{"Жыл", D}, {"25°C жылы", D}}, "[Жыл=][25°C жылы=]", ""},
      // what KazNERD leaves untagged or out, written news tags (mode `news`, kind `many`, role `first`)
      {"Қазіргі таңда жұмыс жүріп жатыр.", "", {}, "", "[Қазіргі таңда=PRESENT_REF]"},
      {"Ол ұзақ жылдар бойы ұстаз болды.", "", {{"жылдар бойы", D}}, "[жылдар бойы=]", "[ұзақ жылдар бойы=]"},
      {"Бұл күні жиын болды.", "", {}, "", "[Бұл күні=]"},
      {"Көрме – апта ішінде ашық.", "", {{"– апта ішінде", D}}, "[– апта ішінде=]", "[апта ішінде=P1W]"},
  };
  for (const Both& c : cases) {
    std::string text = c.text;
    CAPTURE(text);
    CHECK(run(c.text, c.dct, c.model, true) == std::string(c.kaznerd));
    CHECK(run(c.text, c.dct, c.model) == std::string(c.news));
  }
}

TEST_CASE("merge: rule spans replace model spans cut badly") {
  const SpanType D = SpanType::DATE, T = SpanType::TIME;
  const MergeCase cases[] = {
      // split by the model, one date for the guidelines
      {"Алдағы сенбіде, 2025 жылы 6 қыркүйекте жаңбыр.", "2025-09-05", {{"2025 жылы", D}, {"6 қыркүйекте", D}},
       "[Алдағы сенбіде=2025-09-06][2025 жылы 6 қыркүйекте=2025-09-06]"},
      {"Жұма, 22 Қараша 2024", "", {{"Жұма", D}, {"22 Қараша 2024", D}}, "[Жұма, 22 Қараша 2024=2024-11-22]"},
      // the model runs on into other text
      {"31 Қазан, 2022 сағат 14:31", "2022-10-31", {{"2022 сағат 14:31", T}},
       "[31 Қазан, 2022=2022-10-31][сағат 14:31=2022-10-31T14:31]"},
      {"(2022 жылғы шілдеде – 17,7%)", "2022-10-31", {{"2022 жылғы шілдеде – 17,7", D}}, "[2022 жылғы шілдеде=2022-07]"},
      {"2022 жылғы қыркүйекте жылдық инфляция", "2022-10-31", {{"2022 жылғы қыркүйекте жылдық", D}},
       "[2022 жылғы қыркүйекте=2022-09]"},
      {"Халық үні 05.12.2023 | 17:20", "", {{"үні 05.12.2023", T}}, "[05.12.2023=2023-12-05][17:20=2023-12-05T17:20]"},
      {"Сан ғасырдан бері бар.", "", {{"ғасырдан бері", D}}, "[Сан ғасырдан бері=]"},
      // not dates at all
      {"Биыл 11 800 мектепке дейінгі ұйым.", "2025-08-25", {{"Биыл", D}, {"11", D}}, "[Биыл=2025]"},
      {"341 мың бала 1-сыныпқа барады.", "2025-08-25", {{"1-сыныпқа", D}}, ""},
      {"Ақтөбеде түстен кейін +9 градус жылы күтіледі.", "", {{"9 градус жылы", D}}, ""},
      {"Оқушылар 50-ге толғанда сынып ашылады.", "", {{"50-ге", D}}, ""},
      {"Ол 15-те спортқа келді.", "", {{"15-те", D}}, "[15-те=P15Y]"},
      // a date ending in a locative is complete: `күн` ("the weather") begins the next clause
      {"Болжам бойынша 16 қазанда күн бұлтты болады.", "", {{"16 қазанда күн", D}}, "[16 қазанда=XXXX-10-16]"},
      // `шамамен` ("approximately") the model took in keeps the quantity's value
      {"Дәрігердің шамамен 30 жылдық еңбек өтілі бар.", "", {{"шамамен 30 жылдық", D}}, "[шамамен 30 жылдық=P30Y]"},
      // a word no table reads before the date: the sentence's subject, not the date's
      {"Фестиваль 25-27 маусым аралығында өтеді.", "2024-05-10", {{"Фестиваль 25-27 маусым аралығында", D}},
       "[25-27 маусым аралығында=2024-06-25/2024-06-27]"},
      {"Олимпиада жылы ерекше болды.", "", {{"Олимпиада жылы", D}}, "[Олимпиада жылы=]"},
      // `алғашқы минуттан` (from the start) is an idiom; the plural is a time
      {"Қонақтар алғашқы минуттан қысым жасады.", "", {{"алғашқы минуттан", T}}, ""},
      {"Ақпарат алғашқы минуттардан таралды.", "", {{"алғашқы минуттардан", T}}, "[алғашқы минуттардан=]"},
      // a counted genitive is the model's span's value, never a span of the rules
      {"Кәсіпорын 8 айдың табысын жариялады.", "", {{"8 айдың", D}}, "[8 айдың=P8M]"},
      {"Кәсіпорын 8 айдың табысын жариялады.", "", {}, ""},
      // a forecast: the part of the day, not the temperature the model ran it on into
      {"Ертең күндіз 15-17 градус жылы болады.", "", {{"күндіз 15-17", T}}, "[Ертең=][күндіз=TDT]"},
      {"Түнде 30°C-қа дейін аяз болады.", "", {{"Түнде 30°C-қа дейін", T}}, "[Түнде=TNI]"},
      {"Күндіз +15-17, түнде +5-7 градус.", "", {{"Күндіз +15-17", T}}, "[Күндіз=TDT]"},
      // `күн тәртібі` is the agenda; a capitalised Мамыр alone is a name
      {"Бүгінгі күн тәртібінде 5 мәселе бар.", "2025-12-05", {{"Бүгінгі күн", D}}, "[Бүгінгі=2025-12-05]"},
      {"Мамыр Ахметова сөз сөйледі.", "", {{"Мамыр", D}}, ""},
      {"Желтоқсан оқиғасына 35 жыл толды.", "", {{"Желтоқсан", D}}, "[35 жыл=P35Y]"},  // an EVENT's name
      {"Ол қаңтар оқиғаларына қатысты айтты.", "", {{"қаңтар", D}}, ""},
      // a document's number sign and number the model took in before the date
      {"Мектеп №25 2020 жылы салынды.", "", {{"№25 2020 жылы", D}}, "[2020 жылы=2020]"},
      {"Бұйрық № 15 2024 жылғы 5 наурызда шықты.", "", {{"15 2024 жылғы 5 наурызда", D}}, "[2024 жылғы 5 наурызда=2024-03-05]"},
      // words no table reads before `күні` name a day of the calendar (an EVENT), no date
      {"Ол Ана тілі күні туралы айтты.", "", {{"Ана тілі күні", D}}, ""},
      {"Ғылым қызметкерлері күнінде марапат берілді.", "", {{"Ғылым қызметкерлері күнінде", D}}, ""},
      {"Сол күні ол келді.", "", {{"Сол күні", D}}, "[Сол күні=]"},
      {"Жиын дүйсенді күні өтті.", "", {{"дүйсенді күні", D}}, "[дүйсенді күні=]"},  // a misspelt weekday
      // a word no table reads ending the model's span is the verb; more words may be the expression's
      {"Ұшақ 45 минут кешікті.", "", {{"45 минут кешікті", T}}, "[45 минут=PT45M]"},
      {"Көпір үш аптаға толмайтын уақыт ішінде салынды.", "", {{"үш аптаға толмайтын уақыт ішінде", D}},
       "[үш аптаға толмайтын уақыт ішінде=]"},
      // a part of the day after an anaphoric day takes that day, not the document's next day
      {"Оқиға 15 наурызда болды. Келесі күні таңертең полиция келді.", "2025-12-05", {{"таңертең", T}},
       "[15 наурызда=2025-03-15][Келесі күні=2025-03-16][таңертең=2025-03-16TMO]"},
      {"Оқиға 15 наурызда болды. Сол түні полиция келді.", "2025-12-05", {{"Сол түні", D}},
       "[15 наурызда=2025-03-15][Сол түні=2025-03-15TNI]"},
      // a bare season only gives the model's span its value
      {"Жазғы демалыс басталды.", "2025-12-05", {{"Жазғы", D}}, "[Жазғы=2025-SU]"},
      {"Көктемгі егіс басталды.", "2025-12-05", {}, ""},
      {"Қыс қатты болды.", "2025-12-05", {{"Қыс", D}}, "[Қыс=2025-WI]"},
      {"Қыс қатты болды.", "2025-12-05", {}, ""},
      // a head noun cannot open a span: `Жұмыс күні` is the working day
      {"Жұмыс күні сағат 9-дан басталады.", "", {{"күні сағат 9-дан", T}}, "[сағат 9-дан=T09:00]"},
      // a date in a decision's name (`... туралы»`) or in the model's LAW span is part of the name
      {"Депутаттар «2026-2028 жылдарға арналған аудандық бюджет туралы» шешімге өзгеріс енгізді.", "",
       {{"2026-2028 жылдарға", D}}, ""},
      {"Депутаттар «2026-2028 жылдарға арналған аудандық бюджет туралы» шешімге өзгеріс енгізді.", "", {}, ""},
      {"Ол «2025 жылы бәрі жақсы болады» деді.", "", {}, "[2025 жылы=2025]"},
      {"«Білім туралы» Заң 2007 жылы қабылданды.", "", {}, "[2007 жылы=2007]"},
      {"Мәслихат 2026-2028 жылдарға арналған бюджет туралы шешім қабылдады.", "",
       {{"2026-2028 жылдарға арналған бюджет туралы шешім", SpanType::LAW}}, ""},
      // `бұл күнді` (this day, the object): the day last written out, only as the model's span
      {"Оқиға 15 наурызда болды. Ол бұл күнді ұмытпайды.", "2025-12-05", {{"бұл күнді", D}},
       "[15 наурызда=2025-03-15][бұл күнді=2025-03-15]"},
      {"Оқиға 15 наурызда болды. Ол бұл күнді ұмытпайды.", "2025-12-05", {}, "[15 наурызда=2025-03-15]"},
      // `жаз` before a speech verb or ending its clause is "write"; as a subject it is the summer
      {"Ол хат жаз деді.", "2025-12-05", {{"жаз", D}}, ""},
      {"Мұғалім: «Хат жаз!» – деді.", "2025-12-05", {{"жаз", D}}, ""},
      {"Жаз келді.", "2025-12-05", {{"Жаз", D}}, "[Жаз=2025-SU]"},
      // a dotted number after a price word is an amount, not a clock (written news)
      {"Бағасы 12.50-ден 15.00-ге дейін өсті.", "", {{"12.50-ден 15.00-ге дейін", T}}, ""},
      {"Дүкен 09.00-ден 18.00-ге дейін ашық.", "", {{"09.00-ден 18.00-ге дейін", T}}, "[09.00-ден 18.00-ге дейін=T09:00/T18:00]"},
  };
  for (const MergeCase& c : cases) {
    std::string text = c.text;
    CAPTURE(text);
    CHECK(run(c.text, c.dct, c.model) == std::string(c.want));
  }
}

TEST_CASE("dateline: numeric and month-name datelines set the document date") {
  struct D {
    const char* text;
    const char* value;  // "" = no dateline
    const char* dateline;
  };
  const D cases[] = {
      {"Форум өтті\n\n Халық үні 05.12.2023 | 17:20\nБүгін Астанада", "2023-12-05", "05.12.2023 | 17:20"},
      {"2.09.2025, 17:15\nЖаңалық", "2025-09-02", "2.09.2025, 17:15"},
      {"05:25, 28 Қазан 2025\nКеше", "2025-10-28", "05:25, 28 Қазан 2025"},
      {"Мол мүмкіндік қаласы\n\nШіл 3, 2025\n\nБиыл", "2025-07-03", "Шіл 3, 2025"},
      // a page header with today's date, then the article's date with its time
      {"Жұма, 22 Қараша 2024\n46 - сөз 31 Қазан, 2022 сағат 14:31\nБүгін", "2022-10-31",
       "31 Қазан, 2022 сағат 14:31"},
      {"Жұма, 22 Қараша 2024\nБүгін", "2024-11-22", "Жұма, 22 Қараша 2024"},
      {"Датасы: 02.10.2017\nАвторы", "2017-10-02", "02.10.2017"},
      {"Бүгін 1 қыркүйек - білім күні", "", ""},  // no year: not a dateline
  };
  Status st;
  auto a = Annotator::create(st);
  INFO(st.message);
  REQUIRE(st.ok());
  for (const D& c : cases) {
    std::string text = c.text;
    CAPTURE(text);
    Options opt;
    opt.disable = {"model"};
    Result r = a->annotate(text, opt);
    REQUIRE(r.status.ok());
    CHECK(r.has_date == (*c.value != 0));
    if (!r.has_date) continue;
    CHECK(r.date.value == c.value);
    CHECK(r.date.source == "dateline");
    CHECK(text.substr(r.date.range.begin, r.date.range.end - r.date.range.begin) == c.dateline);
  }
  Options opt;  // the caller's date wins over the dateline
  opt.document_date = "2020-01-01";
  opt.disable = {"model"};
  Result r = a->annotate("05.12.2023 | 17:20\nКеше", opt);
  CHECK(r.date.value == "2020-01-01");
  CHECK(r.date.source == "option");
  bool found = false;
  for (const Span& s : r.spans)
    if (s.value == "2019-12-31") found = true;  // кеше against the caller's date
  CHECK(found);
}

TEST_CASE("dates: offsets stay on the text with emoji, NBSP and combining marks") {
  Status st;
  auto a = Annotator::create(st);
  REQUIRE(st.ok());
  std::string text = "😀 Бүгін\u00a005.12.2023 ж\u0301 👍🏽 сағат\u00a017:20-да";
  Options opt;
  opt.disable = {"model"};
  opt.types = TypeSet::none().add(SpanType::DATE).add(SpanType::TIME);
  Result r = a->annotate(text, opt);
  REQUIRE(r.status.ok());
  std::vector<std::string> got;
  for (const Span& s : r.spans) got.push_back(text.substr(s.range.begin, s.range.end - s.range.begin));
  CHECK(got == std::vector<std::string>{"Бүгін", "05.12.2023", "сағат\u00a017:20-да"});
  // not next to the date (`ж́ 👍🏽` between), but the day last written out before it
  CHECK(r.spans.at(2).value == "2023-12-05T17:20");
}

TEST_CASE("merge: a capitalised Мамыр, Наурыз with a case ending gives the model's span its value") {
  const SpanType D = SpanType::DATE;
  CHECK(run("Мамырда жұмыс аяқталады.", "2025-06-10", {{"Мамырда", D}}) == "[Мамырда=2025-05]");
  CHECK(run("Наурыздан бастап тариф өседі.", "2025-06-10", {{"Наурыздан", D}}) == "[Наурыздан=2025-03]");
  // ... but adds no span of its own (a name in the locative: `Мамырда кітап бар`)
  CHECK(run("Мамырда кітап бар.", "2025-06-10", {}) == "");
  // a part of the month settles it: a span of its own
  CHECK(run("Мамырдың ортасында жұмыс бітеді.", "2025-06-10", {}) == "[Мамырдың ортасында=2025-05]");
  CHECK(run("Қазанның ортасында мешіт тұр.", "2025-06-10", {}) == "");  // strict: the city
}

TEST_CASE("dateline: with no dateline, the date rules take its window's matches as their own") {
  // The dateline leaves the matches of the window's whole sentences to the date rules
  // (Context::date_window): the spans must be those the rules find alone (the dateline off),
  // in the window, in the sentence across its end, after it, and the anaphora across them.
  std::string text = "Бүгін 5 мамырда 2020 жылы басталған жұмыс туралы айтылды. Кеше таңертең сағат 9-да.\n";
  const std::string filler = "Жиналыс дүйсенбі күні өтті, қаңтар-наурыз аралығында да. ";
  while (text.size() + filler.size() < 1000) text += filler;
  // a sentence across the window's end (1,024 bytes): its date inside, its time outside
  text += "12 маусымда бұл сөйлем терезенің шетінен өтеді, сол күні кешке сағат 18:00-де. ";
  REQUIRE(text.find("12 маусымда") < 1024);
  REQUIRE(text.find("сағат 18:00") > 1024);
  text += "Келесі күні 2021 жылғы 3 қазанда және XXI ғасырда.";
  Status st;
  auto a = Annotator::create(st);
  REQUIRE(st.ok());
  auto spans = [&](std::vector<std::string> off) {
    Options opt;
    opt.disable = std::move(off);
    opt.types = TypeSet::none().add(SpanType::DATE).add(SpanType::TIME);
    Result r = a->annotate(text, opt);
    REQUIRE(r.status.ok());
    CHECK(!r.has_date);
    std::string out;
    for (const Span& s : r.spans)
      out += "[" + text.substr(s.range.begin, s.range.end - s.range.begin) + "=" + s.value + "]";
    return out;
  };
  const std::string with = spans({"model"});
  CHECK(with == spans({"model", "dateline"}));
  CHECK(with.find("[5 мамырда") != std::string::npos);  // in the window
  CHECK(with.find("[12 маусымда") != std::string::npos);  // across its end
  CHECK(with.find("[кешке сағат 18:00-де") != std::string::npos);
  CHECK(with.find("2021-10-03]") != std::string::npos);  // after it
}
