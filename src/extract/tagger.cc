#include "extract/tagger.h"

#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/hash.h"
#include "extract/tagger_model.h"

namespace tg::extract {
namespace {

constexpr char kMagic[8] = {'T', 'G', 'N', 'E', 'R', 'M', 'D', 'L'};

void PutU32(uint32_t v, std::string* out) { out->append(reinterpret_cast<const char*>(&v), 4); }
void PutU64(uint64_t v, std::string* out) { out->append(reinterpret_cast<const char*>(&v), 8); }
bool GetU32(std::string_view d, size_t* pos, uint32_t* v) {
  if (*pos + 4 > d.size()) return false;
  std::memcpy(v, d.data() + *pos, 4);
  *pos += 4;
  return true;
}
bool GetU64(std::string_view d, size_t* pos, uint64_t* v) {
  if (*pos + 8 > d.size()) return false;
  std::memcpy(v, d.data() + *pos, 8);
  *pos += 8;
  return true;
}

class PerceptronTagger : public Tagger {
 public:
  explicit PerceptronTagger(NerModel model) : model_(std::move(model)) {}
  std::vector<Mention> Tag(std::string_view text, const text::Analysis& analysis,
                           const KnowledgeBase* kb,
                           const std::vector<KbMatch>* kb_matches) const override {
    return TagText(model_, text, analysis, kb, kb_matches);
  }

 private:
  NerModel model_;
};

}  // namespace

Status SaveNerModel(const NerModel& model, const std::string& path) {
  std::string payload;
  model.weights.Serialize(&payload);
  model.gazetteer.Serialize(&payload);
  std::string file(kMagic, sizeof(kMagic));
  PutU32(kNerModelVersion, &file);
  PutU32(static_cast<uint32_t>(model.lang.size()), &file);
  file += model.lang;
  PutU32(model.flags, &file);
  PutU64(payload.size(), &file);
  file += payload;
  PutU64(Hash64(payload), &file);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IOError("cannot write ", path);
  out.write(file.data(), static_cast<std::streamsize>(file.size()));
  if (!out) return Status::IOError("write failed: ", path);
  return Status::Ok();
}

Result<NerModel> ParseNerModel(std::string_view d) {
  if (d.size() < sizeof(kMagic) || std::memcmp(d.data(), kMagic, sizeof(kMagic)) != 0) {
    return Status::Corrupt("not a tiegraph NER model (bad magic)");
  }
  size_t pos = sizeof(kMagic);
  uint32_t version = 0, lang_len = 0;
  if (!GetU32(d, &pos, &version)) return Status::Corrupt("model header truncated");
  if (version != kNerModelVersion) return Status::Corrupt("unsupported model version ", version);
  if (!GetU32(d, &pos, &lang_len) || lang_len > 16 || pos + lang_len > d.size()) {
    return Status::Corrupt("model header truncated");
  }
  NerModel model;
  model.lang = std::string(d.substr(pos, lang_len));
  pos += lang_len;
  uint64_t payload_len = 0;
  if (!GetU32(d, &pos, &model.flags) || !GetU64(d, &pos, &payload_len) ||
      payload_len > d.size() - pos || d.size() - pos - payload_len != 8) {
    return Status::Corrupt("model length fields do not match the file size");
  }
  const std::string_view payload = d.substr(pos, payload_len);
  uint64_t checksum = 0;
  size_t cpos = pos + payload_len;
  GetU64(d, &cpos, &checksum);
  if (Hash64(payload) != checksum) return Status::Corrupt("model checksum mismatch");
  size_t ppos = 0;
  TG_ASSIGN_OR_RETURN(model.weights, LinearChainModel::Deserialize(payload, &ppos));
  if (model.weights.num_labels() != kNumNerLabels) {
    return Status::Corrupt("model has ", model.weights.num_labels(), " labels, expected ",
                           kNumNerLabels);
  }
  TG_ASSIGN_OR_RETURN(model.gazetteer, NerGazetteer::Deserialize(payload, &ppos));
  if (ppos != payload.size()) return Status::Corrupt("trailing bytes in model payload");
  return model;
}

Result<NerModel> LoadNerModel(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("no model file ", path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  Result<NerModel> model = ParseNerModel(buffer.str());
  if (!model.has_value()) return model.error().WithPrefix(path);
  return model;
}

void TagSentence(const NerModel& model, std::string_view text, const text::Analysis& original,
                 const TaggerTokens& refined, uint32_t first, uint32_t last,
                 const TokenAnnotations& ann, std::vector<Mention>* out) {
  if (first >= last) return;
  thread_local FeatureSeq seq;
  thread_local std::vector<uint8_t> labels;
  thread_local std::vector<float> margins;
  seq.Clear();
  ExtractFeatures(text, original, refined, first, last, ann, &model.gazetteer, &seq);
  const size_t n = last - first;
  labels.assign(n, 0);
  margins.assign(n, 0);
  // A title-lexicon word ("Chairman", "회장") is never part of a person's name.
  thread_local std::vector<uint8_t> forbidden;
  forbidden.assign(n, 0);
  const uint8_t person_bits = static_cast<uint8_t>((1u << BeginLabel(EntityType::kPerson)) |
                                                   (1u << (BeginLabel(EntityType::kPerson) + 1)));
  for (size_t i = 0; i < n; ++i) {
    const uint32_t parent = refined.parent[first + i];
    if (ann.title[parent] != 0) forbidden[i] = person_bits;
    if (IsHonorific(refined.analysis.tokens[first + i].In(text))) forbidden[i] = person_bits;
    // A knowledge-base name fixes the type, not the decision to tag: a token
    // inside a KB organisation or person name (or a multi-word KB place) may
    // be O or that type only. Single-word places are left free ("Jordan").
    const uint32_t kb = ann.kb_bits[parent];
    if (kb == 0) continue;
    int types = 0, type = -1;
    for (int t = 0; t < 3; ++t) {
      if (kb & (0xFu << (4 * t))) {
        ++types;
        type = t;
      }
    }
    const bool single_place = type == static_cast<int>(EntityType::kPlace) &&
                              (kb & (1u << (4 * type + 3))) != 0;
    if (types != 1 || single_place) continue;
    for (int t = 0; t < 3; ++t) {
      if (t == type) continue;
      const uint8_t b = BeginLabel(static_cast<EntityType>(t));
      forbidden[i] |= static_cast<uint8_t>((1u << b) | (1u << (b + 1)));
    }
  }
  model.weights.Decode(seq, forbidden.data(), labels.data(), margins.data());
  const std::vector<text::Token>& tokens = refined.analysis.tokens;
  for (size_t i = 0; i < n;) {
    if (labels[i] == kLabelO) {
      ++i;
      continue;
    }
    const EntityType type = LabelType(labels[i]);
    float margin = margins[i];
    size_t j = i + 1;
    while (j < n && IsInside(labels[j]) && LabelType(labels[j]) == type) {
      margin = std::min(margin, margins[j]);
      ++j;
    }
    Mention m;
    m.begin = tokens[first + i].begin;
    m.end = tokens[first + j - 1].end;
    m.type = type;
    m.sources = kFromTagger;
    // The smallest max-marginal gap of its tokens, mapped to [0, 1): 0 when
    // another labelling scores as well, 0.63 at a gap of kScoreScale (about
    // the weight of one strong feature in these models), near 1 beyond.
    constexpr float kScoreScale = 4.0f;
    m.score = 1.0f - std::exp(-std::max(margin, 0.0f) / kScoreScale);
    out->push_back(std::move(m));
    i = j;
  }
}

std::vector<Mention> TagText(const NerModel& model, std::string_view text,
                             const text::Analysis& analysis, const KnowledgeBase* kb,
                             const std::vector<KbMatch>* kb_matches) {
  std::vector<Mention> mentions;
  thread_local TokenAnnotations ann;
  thread_local TaggerTokens refined;
  if (!(model.flags & kNerModelUsesKb) || kb == nullptr) {
    AnnotateTokens(text, analysis, &model.gazetteer, nullptr, &ann);
  } else if (kb_matches != nullptr) {
    AnnotateTokensWithMatches(text, analysis, &model.gazetteer, *kb_matches, &ann);
  } else {
    AnnotateTokens(text, analysis, &model.gazetteer, kb, &ann);
  }
  ann.capital_runs = (model.flags & kNerModelCapitalRuns) != 0;
  ann.hangul_words = (model.flags & kNerModelHangulWords) != 0;
  RefineTokens(text, analysis, &refined);
  for (const text::Sentence& s : refined.analysis.sentences) {
    TagSentence(model, text, analysis, refined, s.first_token, s.last_token, ann, &mentions);
  }
  return mentions;
}

std::unique_ptr<const Tagger> MakeTagger(NerModel model) {
  return std::make_unique<PerceptronTagger>(std::move(model));
}

Result<std::unique_ptr<const Tagger>> Tagger::Load(const std::string& path) {
  TG_ASSIGN_OR_RETURN(NerModel model, LoadNerModel(path));
  return MakeTagger(std::move(model));
}

std::string Tagger::DefaultDir() {
  if (const char* env = std::getenv("TIEGRAPH_DATA"); env != nullptr && *env != '\0') {
    return std::string(env) + "/models";
  }
  char exe[4096];
  const ssize_t len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
  if (len > 0) {
    exe[len] = '\0';
    std::error_code ec;
    const std::filesystem::path dir =
        std::filesystem::path(exe).parent_path() / ".." / "data" / "models";
    if (std::filesystem::is_directory(dir, ec)) return dir.lexically_normal().string();
  }
  return std::string(TG_SOURCE_DATA_DIR) + "/models";
}

}  // namespace tg::extract
