#include "text/cleaner.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/clean_capture.h"
#include "text/html_extract.h"
#include "text/language.h"
#include "text/line_stats.h"
#include "text/repeats.h"
#include "text/text_meta.h"

namespace tg::text {
namespace {

// Lines worth counting across the batch: short and not sentences (menus,
// buttons, site names). Story sentences are never site furniture.
constexpr uint32_t kBatchLineMaxCodePoints = 50;

// Any ASCII letter or any multi-byte character (story lines hold letters;
// this only guards against symbol soup).
bool HasLetters(std::string_view text) {
  for (char c : text) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (byte >= 0xC0 || ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z')) return true;
  }
  return false;
}

}  // namespace

struct Cleaner::State {
  BatchLineCounter batch;
};

Cleaner::Cleaner(CleanOptions options) : options_(options), state_(std::make_unique<State>()) {}
Cleaner::~Cleaner() = default;
Cleaner::Cleaner(Cleaner&&) noexcept = default;
Cleaner& Cleaner::operator=(Cleaner&&) noexcept = default;

Result<CleanDocument> Cleaner::Clean(const RawDocument& doc) {
  CleanDocument out;
  DocumentMeta page_meta;
  std::vector<std::string_view> kept;
  // Owns the folded block texts of an HTML page (`kept` points into it).
  std::vector<std::string> blocks;

  if (doc.kind == ContentKind::kHtml) {
    HtmlExtractOptions html_options;
    html_options.max_depth = options_.max_html_depth;
    Result<HtmlExtraction> extracted = ExtractHtml(doc.content, html_options);
    if (!extracted.has_value()) {
      if (extracted.error().code() == StatusCode::kInvalidArgument) {
        return Status::InvalidArgument("no story text after cleaning: ",
                                       extracted.error().message());
      }
      return extracted.error();
    }
    HtmlExtraction& html = *extracted;
    out.lines_in = static_cast<uint32_t>(html.blocks.size() + html.blocks_dropped);
    blocks.reserve(html.blocks.size());
    std::vector<bool> keep;
    std::vector<std::string> furniture;
    std::string lower;
    for (const std::string& block : html.blocks) {
      std::string folded = FoldSpace(block);
      const LineShape shape = AnalyzeLine(folded);
      // Lower-cased once for both classifiers.
      lower.resize(folded.size());
      AsciiLowerInto(folded, lower.data());
      const LineRef line{folded, lower, &shape};
      const bool story =
          !folded.empty() && ClassifyFurniture(line) == Furniture::kNone && !IsListHeader(line);
      if (!story && !folded.empty()) furniture.push_back(folded);
      keep.push_back(story);
      blocks.push_back(std::move(folded));
    }
    MarkRepeatedLines(blocks, &keep);
    std::vector<std::string> story;
    for (size_t i = 0; i < blocks.size(); ++i) {
      if (!keep[i]) continue;
      kept.push_back(blocks[i]);
      if (story.size() < 3) story.push_back(blocks[i]);
    }
    page_meta = std::move(html.meta);
    ReadTextMeta(html.meta_lines, story, furniture, &page_meta);
    out.lines_removed = static_cast<uint32_t>(out.lines_in - kept.size());
  } else {
    CaptureOptions capture_options;
    capture_options.batch = &state_->batch;
    capture_options.repeated_line_min_docs = options_.repeated_line_min_docs;
    CaptureCleaning page = CleanCapture(doc.content, capture_options);
    std::vector<std::string_view> furniture_candidates;
    furniture_candidates.reserve(page.lines.size());
    kept.reserve(page.lines.size());
    for (const CaptureLine& line : page.lines) {
      if (line.role == LineRole::kStory) kept.push_back(line.text);
      if (!IsProse(line.shape) && line.shape.code_points <= kBatchLineMaxCodePoints) {
        furniture_candidates.push_back(line.text);
      }
    }
    state_->batch.AddPage(furniture_candidates);
    page_meta = ReadCaptureMeta(page);
    out.lines_in = static_cast<uint32_t>(page.lines.size());
    out.lines_removed = static_cast<uint32_t>(page.lines.size() - kept.size());
    // `kept` points into `page`, which dies here: copy the text out first.
    size_t bytes = 0;
    for (std::string_view line : kept) bytes += line.size() + 1;
    out.text.reserve(bytes);
    for (std::string_view line : kept) {
      if (!out.text.empty()) out.text.push_back('\n');
      out.text.append(line);
    }
    kept.clear();
  }
  for (std::string_view line : kept) {
    if (!out.text.empty()) out.text.push_back('\n');
    out.text.append(line);
  }
  if (out.text.empty() || out.text.size() < options_.min_text_bytes || !HasLetters(out.text)) {
    return Status::InvalidArgument("no story text after cleaning");
  }
  out.meta = doc.meta;
  MergeMeta(page_meta, &out.meta);
  if (out.meta.lang.empty()) out.meta.lang = std::string(DetectLanguage(out.text));
  return out;
}

}  // namespace tg::text
