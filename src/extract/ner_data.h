#pragma once
// Readers for the NER training and evaluation sets in ../shared/data, each
// turned into examples of (text, gold PERSON/ORG/PLACE byte spans), and the
// projection of gold spans onto our own tokens (text::Analyze) as BIO labels.
//   KLUE-NER (Korean): the inline-tag header of each sentence, "<surface:TYPE>";
//     PS -> PERSON, OG -> ORG, LC -> PLACE; DT, TI, QT are dropped.
//   GUM (English): CoNLL-U with MISC "Entity=" brackets; named mentions only
//     (rule in ner_data.cc: IsNamedGumMention), flattened outermost-first.
//   UNER English PUD: IOB2 with PER/ORG/LOC, aligned to the "# text" line.
// Pure functions; thread-safe.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "extract/ner_labels.h"
#include "text/tokenize.h"

namespace tg::extract {

struct NerExample {
  std::string id;    // sentence id from the source file
  std::string text;  // one sentence, UTF-8
  std::vector<NerSpan> spans;  // sorted, non-overlapping byte spans into `text`
};

// Every sentence of the KLUE-NER file, in file order (index 0 = first sentence).
// Fails with kNotFound or kCorrupt (file:line) on an unreadable header.
Result<std::vector<NerExample>> ReadKlueNer(const std::string& path);

// The sentences of one GUM .conllu document.
Result<std::vector<NerExample>> ReadGumDocument(const std::string& path);
// Document names ("GUM_news_nasa") listed under "## <split>" in gum/splits.md.
Result<std::vector<std::string>> ReadGumSplit(const std::string& splits_md, std::string_view split);
// All sentences of the documents of `split` ("train", "dev", "test") under
// `gum_dir` (which holds splits.md and dep/). Documents of the split missing
// from dep/ (the redistributable subset) are skipped.
Result<std::vector<NerExample>> ReadGum(const std::string& gum_dir, std::string_view split);

// The sentences of a UNER IOB2 file.
Result<std::vector<NerExample>> ReadIob2(const std::string& path);

struct ProjectionStats {
  size_t spans = 0;       // gold spans seen
  size_t misaligned = 0;  // of those, a boundary falls inside one of our tokens
};

// BIO labels, one per token of `analysis`, for the gold spans of `example`.
// A span whose boundary falls inside a token labels every token it overlaps
// (and counts as misaligned).
std::vector<uint8_t> ProjectSpans(const NerExample& example, const text::Analysis& analysis,
                                  ProjectionStats* stats);

}  // namespace tg::extract
