// The pipeline: validate -> tokenize -> sentences -> entity-layer recognizers -> resolve ->
// quote-layer recognizers -> filter by requested types.
#include "belgi/annotator.h"

#include "belgi/adaptation.h"

#include <algorithm>
#include <exception>

#include "dates/dateline.h"
#include "dates/dates.h"
#include "entities/iob2.h"
#include "entities/recognizer.h"
#include "pipeline/annotator_impl.h"
#include "pipeline/resolve.h"
#include "quotes/quotes.h"
#include "resources.h"
#include "text/chars.h"
#include "text/latin.h"
#include "text/utf8.h"

#ifndef BELGI_VERSION
#define BELGI_VERSION "0.0.0"
#endif

namespace belgi {

Annotator::Annotator(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Annotator::~Annotator() = default;

namespace {

// The recognizers around `model`: the entity model (with an adaptation's weights, if any), the
// date rules after it, the quote rules after resolve().
Status build(std::shared_ptr<const entities::Model> model, std::shared_ptr<const entities::Deltas> deltas,
             Annotator::Impl& impl) {
  impl.model = model;
  // Order matters: the date rules run after the model, so they can see (and give values to)
  // its DATE/TIME candidates; everything meets in resolve().
  impl.entity_layer.push_back(std::make_unique<entities::EntityRecognizer>(std::move(model), std::move(deltas)));
  Status status = dates::add_recognizers(impl.entity_layer);
  return status.ok() ? quotes::add_recognizers(impl.quote_layer) : status;
}

}  // namespace

std::shared_ptr<const Annotator> Annotator::create(Status& status) {
  return create(status, resources::ner_model());
}

std::shared_ptr<const Annotator> Annotator::create(Status& status, std::string_view model_bytes) {
  try {
    std::shared_ptr<const entities::Model> model;
    status = entities::load_model(model_bytes, model);
    if (!status.ok()) return nullptr;
    auto impl = std::make_unique<Impl>();
    status = build(std::move(model), nullptr, *impl);
    if (!status.ok()) return nullptr;
    return std::shared_ptr<const Annotator>(new Annotator(std::move(impl)));
  } catch (const std::exception& e) {
    status = Status::error(StatusCode::internal, std::string("creating the annotator: ") + e.what());
    return nullptr;
  }
}

std::shared_ptr<const Annotator> Annotator::adapted(const Adaptation& adaptation, Status& status) const {
  try {
    if (adaptation.model() != entities::model_id(*impl_->model)) {
      status = Status::error(StatusCode::invalid_argument,
                             "the adaptation was learned on model " + adaptation.model() +
                                 ", this annotator runs model " + entities::model_id(*impl_->model));
      return nullptr;
    }
    std::shared_ptr<const entities::Deltas> deltas;
    if (!adaptation.empty())
      deltas = std::make_shared<const entities::Deltas>(adaptation.impl().learner.weights);
    auto impl = std::make_unique<Impl>();
    status = build(impl_->model, std::move(deltas), *impl);
    if (!status.ok()) return nullptr;
    return std::shared_ptr<const Annotator>(new Annotator(std::move(impl)));
  } catch (const std::exception& e) {
    status = Status::error(StatusCode::internal, std::string("adapting the annotator: ") + e.what());
    return nullptr;
  }
}

Status Annotator::prepare_shared() {
  try {
    Status st = dates::shared_tables_status();
    return st.ok() ? quotes::shared_tables_status() : st;
  } catch (const std::exception& e) {
    return Status::error(StatusCode::internal, std::string("building the rule tables: ") + e.what());
  }
}

Status Annotator::Impl::check(std::string_view text, const Options& opt, bool utf8_known) const {
  if (text.size() > opt.max_bytes)
    return Status::error(StatusCode::too_large,
                         "text of " + std::to_string(text.size()) + " bytes exceeds the limit of " +
                             std::to_string(opt.max_bytes) + " bytes",
                         opt.max_bytes);
  if (!utf8_known)
    if (Status st = check_utf8(text); !st.ok()) return st;
  int y, m, d;
  if (!opt.document_date.empty() && !dates::parse_iso_date(opt.document_date, y, m, d))
    return Status::error(StatusCode::invalid_argument,
                         "document date '" + opt.document_date + "' is not a valid YYYY-MM-DD date");
  return Status();
}

void Annotator::Impl::run(Context& ctx) const {
  if (!ctx.options.document_date.empty()) {
    ctx.has_date = true;
    ctx.date.value = ctx.options.document_date;
    ctx.date.source = "option";
  }
  const std::vector<std::string>& off = ctx.options.disable;
  auto enabled = [&](const Recognizer& r) {
    return std::find(off.begin(), off.end(), r.name()) == off.end();
  };
  for (const auto& r : entity_layer)
    if (enabled(*r)) r->run(ctx);
  ctx.spans = resolve(std::move(ctx.candidates));
  ctx.candidates.clear();
  for (const auto& r : quote_layer)
    if (enabled(*r)) r->run(ctx);
}

namespace {

// Keeps the requested types, sorted by (begin, longer first), and re-points speaker links.
std::vector<Span> select(std::vector<Span> spans, const TypeSet& types) {
  std::vector<int> new_index(spans.size(), -1);
  std::vector<std::size_t> order(spans.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const ByteRange &ra = spans[a].range, &rb = spans[b].range;
    if (ra.begin != rb.begin) return ra.begin < rb.begin;
    return ra.end > rb.end;
  });
  std::vector<Span> out;
  out.reserve(spans.size());  // was grown by doubling, each span copied again each time
  for (std::size_t i : order) {
    if (!types.has(spans[i].type)) continue;
    new_index[i] = static_cast<int>(out.size());
    out.push_back(std::move(spans[i]));  // each index once: `order` is a permutation
  }
  for (Span& s : out) {
    if (s.has_speaker && s.speaker.entity >= 0)
      s.speaker.entity = s.speaker.entity < static_cast<int>(new_index.size())
                             ? new_index[s.speaker.entity] : -1;
  }
  return out;
}

// Moves everything the pipeline found in the Cyrillic form of a Latin text back onto the
// caller's text (spans carry offsets only, so the original letters come with them).
void map_back(const text::Transliteration& tr, std::vector<Span>& spans, DocumentDate& date) {
  auto back = [&](ByteRange& r) {
    r = ByteRange{tr.original_begin(r.begin), tr.original_end(r.end)};
  };
  for (Span& s : spans) {
    back(s.range);
    if (s.has_cue) back(s.cue);
    if (s.has_speaker) back(s.speaker.range);
  }
  if (date.source == "dateline") back(date.range);
}

}  // namespace

Result Annotator::annotate(std::string_view text, const Options& options) const {
  return impl_->annotate(text, options, false);
}

Result annotate_known_utf8(const Annotator& a, std::string_view text, const Options& options) {
  return a.impl_->annotate(text, options, true);
}

Result Annotator::Impl::annotate(std::string_view text, const Options& options, bool utf8_known) const {
  Result res;
  try {
    res.status = check(text, options, utf8_known);
    if (!res.status.ok()) return res;
    // Latin-script Kazakh runs through the same pipeline in Cyrillic (text/latin.h); any other
    // text is annotated as it is (changed() is false, the spans need no mapping).
    const text::Transliteration tr = text::latin_to_cyrillic(text);
    std::string_view work = tr.changed() ? std::string_view(tr.text()) : text;
    Context ctx(work, options);
    ctx.tokens = text::tokenize(work);
    ctx.sentences = text::split_sentences(work, ctx.tokens);
    run(ctx);
    res.spans = select(std::move(ctx.spans), options.types);
    res.has_date = ctx.has_date;
    res.date = ctx.date;
    if (tr.changed()) map_back(tr, res.spans, res.date);
  } catch (const std::exception& e) {
    res = Result();
    res.status = Status::error(StatusCode::internal, std::string("annotate: ") + e.what());
  }
  return res;
}

namespace {

// Joins CoNLL tokens with single spaces into `text`, one text::Token per input token. An empty
// token, one that is not UTF-8 or one holding whitespace is an error naming the token.
Status join_tokens(const std::vector<std::string>& tokens, std::string& text,
                   std::vector<text::Token>& out) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string& w = tokens[i];
    const std::string where = "token " + std::to_string(i + 1);
    if (w.empty() || !utf8::valid(w))
      return Status::error(StatusCode::invalid_input, where + " is empty or not UTF-8");
    for (std::size_t p = 0; p < w.size();)
      if (text::char_class(utf8::next(w, p)) == text::CharClass::space)
        return Status::error(StatusCode::invalid_input, where + " contains whitespace");
    if (!text.empty()) text += ' ';
    std::vector<text::Token> parts = text::tokenize(w);
    text::TokenKind kind = parts.size() == 1 ? parts[0].kind : text::TokenKind::word;
    out.push_back(text::Token{text.size(), text.size() + w.size(), kind});
    text += w;
  }
  return Status();
}

// The IOB2 tags of `count` tokens for the entity spans (of the asked types) over them.
std::vector<std::string> token_tags(const std::vector<Span>& spans,
                                    const std::vector<text::Token>& tokens, const TypeSet& types) {
  std::vector<iob2::TokenSpan> out;
  for (const Span& s : spans) {
    if (s.type == SpanType::QUOTE || !types.has(s.type)) continue;
    const auto [first, last] = iob2::covered(tokens, s.range.begin, s.range.end);
    iob2::TokenSpan ts{type_name(s.type), first, last};
    if (ts.begin < ts.end) out.push_back(ts);
  }
  return iob2::tags_from_spans(out, tokens.size());
}

}  // namespace

TagResult Annotator::tag(const std::vector<std::string>& tokens, const Options& options) const {
  TagResult res;
  try {
    std::string text;
    std::vector<text::Token> toks;
    res.status = join_tokens(tokens, text, toks);
    if (res.status.ok()) res.status = impl_->check(text, options, true);  // join_tokens checked each token
    if (!res.status.ok()) return res;
    Context ctx(text, options);
    ctx.kaznerd_cuts = true;
    ctx.tokens = std::move(toks);
    if (!tokens.empty())
      ctx.sentences.push_back(text::Sentence{0, tokens.size(), 0, text.size()});
    impl_->run(ctx);
    res.tags = token_tags(ctx.spans, ctx.tokens, options.types);
  } catch (const std::exception& e) {
    res = TagResult();
    res.status = Status::error(StatusCode::internal, std::string("tag: ") + e.what());
  }
  return res;
}

Tokenization tokenize(std::string_view text) {
  Tokenization out;
  out.status = check_utf8(text);
  if (!out.status.ok()) return out;
  std::vector<text::Token> toks = text::tokenize(text);
  for (const text::Sentence& s : text::split_sentences(text, toks)) out.sentence_ends.push_back(s.last);
  out.tokens.reserve(toks.size());
  for (const text::Token& t : toks) out.tokens.push_back(ByteRange{t.begin, t.end});
  return out;
}

Versions Annotator::versions() const {
  Versions v;
  v.core = BELGI_VERSION;
  v.format = "belgi/1";
  v.model = entities::model_id(*impl_->model);
  v.model_format = entities::model_format_version();
  return v;
}

}  // namespace belgi
