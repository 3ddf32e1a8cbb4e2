#include "extract/perceptron.h"

#include <sys/mman.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <new>

#include "core/check.h"
#include "extract/ner_labels.h"

namespace tg::extract {
namespace {

constexpr float kNegInf = -std::numeric_limits<float>::infinity();

// BIO validity: I-X may follow only B-X or I-X; `prev` == num_labels is the start.
inline bool Allowed(int prev, int cur, int num_labels) {
  if (cur == kLabelO || cur % 2 == 1) return true;
  if (prev == num_labels || prev == kLabelO) return false;
  return (prev + 1) / 2 == (cur + 1) / 2;
}

// GCC/Clang vector types for Decode's sums.
using I16x8 = int16_t __attribute__((vector_size(16)));
using I32x4 = int32_t __attribute__((vector_size(16)));
using F32x4 = float __attribute__((vector_size(16)));

inline uint32_t BucketOf(uint32_t id, uint32_t mask) { return (id * 0x9E3779B1u) & mask; }

void PutRaw(const void* p, size_t n, std::string* out) {
  out->append(static_cast<const char*>(p), n);
}
bool GetRaw(std::string_view data, size_t* pos, void* p, size_t n) {
  if (n > data.size() - *pos) return false;
  std::memcpy(p, data.data() + *pos, n);
  *pos += n;
  return true;
}

// The Viterbi decoder keeps kLanes scores per token, all labels of a step in
// two 4-float vectors (the build targets plain x86-64, where GCC splits wider
// vectors lane by lane through memory). Per label it does the same float
// operations in the same order as a loop over labels would, and ties go to
// the lower previous label, so labels and margins are those of scalar code;
// it takes about half the time, with no data-dependent branch. Lanes from
// num_labels up are padding, -infinity in the transitions, never read back.
constexpr int kLanes = 8;
static_assert(LinearChainModel::kMaxLabels <= kLanes);

inline F32x4 Load4(const float* p) {
  F32x4 v;
  std::memcpy(&v, p, sizeof(v));
  return v;
}
inline void Store4(float* p, F32x4 v) { std::memcpy(p, &v, sizeof(v)); }
inline F32x4 Splat(float x) { return F32x4{x, x, x, x}; }

// Viterbi over emissions kLanes to a token (em[i * kLanes + y]).
void ViterbiLanes(const float* em, const float* transitions, size_t n, int L, uint8_t* labels,
                  float* margins) {
  // to[p]: the transitions from label p (p == L: the start) into each label,
  // with the BIO constraint folded in as -infinity; from[y]: those into label
  // y from each label. Two halves of kLanes / 2 labels each.
  F32x4 to[kLanes + 1][2], from[kLanes][2];
  float t[kLanes + 1][kLanes];
  for (int p = 0; p <= kLanes; ++p) {
    for (int y = 0; y < kLanes; ++y) {
      t[p][y] = p <= L && y < L && Allowed(p, y, L) ? transitions[p * L + y] : kNegInf;
    }
  }
  for (int h = 0; h < 2; ++h) {
    for (int p = 0; p <= L; ++p) to[p][h] = Load4(&t[p][4 * h]);
    for (int y = 0; y < L; ++y) {
      float column[4];
      for (int j = 0; j < 4; ++j) column[j] = 4 * h + j < L ? t[4 * h + j][y] : kNegInf;
      from[y][h] = Load4(column);
    }
  }
  thread_local std::vector<float> score;
  thread_local std::vector<int32_t> back;
  score.resize(n * kLanes);
  back.resize(n * kLanes);
  for (int h = 0; h < 2; ++h) Store4(&score[4 * h], Load4(&em[4 * h]) + to[L][h]);
  for (size_t i = 1; i < n; ++i) {
    const float* prev = &score[(i - 1) * kLanes];
    for (int h = 0; h < 2; ++h) {
      F32x4 best = Splat(kNegInf);
      I32x4 arg = {};
      for (int p = 0; p < L; ++p) {
        const F32x4 s = Splat(prev[p]) + to[p][h];
        const I32x4 better = s > best;
        best = better ? s : best;
        arg = better ? I32x4{p, p, p, p} : arg;
      }
      Store4(&score[i * kLanes + 4 * h], best + Load4(&em[i * kLanes + 4 * h]));
      std::memcpy(&back[i * kLanes + 4 * h], &arg, sizeof(arg));
    }
  }
  const float* last = &score[(n - 1) * kLanes];
  int y = 0;
  for (int k = 1; k < L; ++k) {
    if (last[k] > last[y]) y = k;
  }
  for (size_t i = n; i-- > 0;) {
    labels[i] = static_cast<uint8_t>(y);
    y = back[i * kLanes + y];
  }
  if (margins == nullptr) return;
  // Max-marginals: the best path through (i, y) scores forward[i][y] +
  // backward[i][y]; the margin is how far the best path beats the best path
  // that gives token i any other label.
  thread_local std::vector<float> backward;
  backward.resize(n * kLanes);
  std::fill_n(&backward[(n - 1) * kLanes], kLanes, 0.0f);
  for (size_t i = n - 1; i-- > 0;) {
    const float* e = &em[(i + 1) * kLanes];
    const float* b = &backward[(i + 1) * kLanes];
    for (int h = 0; h < 2; ++h) {
      F32x4 best = Splat(kNegInf);
      for (int y = 0; y < L; ++y) {
        const F32x4 s = from[y][h] + Splat(e[y]) + Splat(b[y]);
        best = best < s ? s : best;
      }
      Store4(&backward[i * kLanes + 4 * h], best);
    }
  }
  for (size_t i = 0; i < n; ++i) {
    const float* f = &score[i * kLanes];
    const float* b = &backward[i * kLanes];
    const float chosen = f[labels[i]] + b[labels[i]];
    float other = kNegInf;
    for (int k = 0; k < L; ++k) {
      if (k != labels[i]) other = std::max(other, f[k] + b[k]);
    }
    margins[i] = other == kNegInf ? 1e9f : chosen - other;
  }
}

}  // namespace

void ViterbiDecode(const float* emissions, const float* transitions, size_t n, int num_labels,
                   uint8_t* labels, float* margins) {
  TG_CHECK(num_labels > 0 && num_labels <= LinearChainModel::kMaxLabels);
  if (n == 0) return;
  thread_local std::vector<float> em;
  em.assign(n * kLanes, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    std::copy_n(&emissions[i * num_labels], num_labels, &em[i * kLanes]);
  }
  ViterbiLanes(em.data(), transitions, n, num_labels, labels, margins);
}

// The NER weight tables are megabytes read at random: with 4 KB pages nearly
// every lookup also misses the TLB and pays a page walk, itself often a cache
// miss. On 2 MB pages the decoder took about a quarter less time. Where
// transparent huge pages are unavailable or off, this is an ordinary aligned
// allocation.
void* AllocateTable(size_t bytes) {
  constexpr size_t kHugePage = size_t{2} << 20;
  const size_t align = bytes >= kHugePage ? kHugePage : 64;
  const size_t rounded = (bytes + align - 1) / align * align;  // as aligned_alloc requires
  void* p = std::aligned_alloc(align, std::max<size_t>(rounded, align));
  if (p == nullptr) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  if (align == kHugePage) madvise(p, rounded, MADV_HUGEPAGE);  // a hint: failure is harmless
#endif
  return p;
}

void FreeTable(void* p) noexcept { std::free(p); }

const int16_t* LinearChainModel::Row(uint32_t id) const {
  if (buckets_.empty() || id == empty_id_) return nullptr;
  for (uint32_t b = BucketOf(id, bucket_mask_);; b = (b + 1) & bucket_mask_) {
    const Bucket& bucket = buckets_[b];
    for (int k = 0; k < kBucketRows; ++k) {
      if (bucket.ids[k] == id) return bucket.weights[k];
    }
    // Places fill in order, so a bucket with its last place free ends the probe.
    if (bucket.ids[kBucketRows - 1] == empty_id_) return nullptr;
  }
}

void LinearChainModel::Prefetch(uint32_t id) const {
  if (!buckets_.empty()) __builtin_prefetch(&buckets_[BucketOf(id, bucket_mask_)]);
}

void LinearChainModel::SetRows(const std::vector<uint32_t>& ids,
                               const std::vector<float>& weights) {
  TG_CHECK(num_labels_ <= kMaxLabels && weights.size() == ids.size() * num_labels_);
  float max_abs = 0;
  for (float w : weights) max_abs = std::max(max_abs, std::fabs(w));
  const float scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  std::vector<int16_t> q(weights.size());
  for (size_t i = 0; i < weights.size(); ++i) {
    q[i] = static_cast<int16_t>(std::lround(weights[i] / scale));
  }
  SetQuantizedRows(ids, q, scale);
}

void LinearChainModel::SetQuantizedRows(const std::vector<uint32_t>& ids,
                                        const std::vector<int16_t>& q, float scale) {
  TG_CHECK(num_labels_ <= kMaxLabels && q.size() == ids.size() * num_labels_);
  scale_ = scale;
  // The smallest id no row has marks free places; one of 0..n is free.
  std::vector<bool> taken(ids.size() + 1);
  for (uint32_t id : ids) {
    if (id < taken.size()) taken[id] = true;
  }
  empty_id_ = 0;
  while (taken[empty_id_]) ++empty_id_;
  size_t cap = 16;  // buckets
  while (cap * kBucketRows < ids.size() * 2) cap <<= 1;
  Bucket empty;
  std::fill(std::begin(empty.ids), std::end(empty.ids), empty_id_);
  std::memset(empty.weights, 0, sizeof(empty.weights));
  buckets_.assign(cap, empty);
  bucket_mask_ = static_cast<uint32_t>(cap - 1);
  row_places_.resize(ids.size());
  for (size_t r = 0; r < ids.size(); ++r) {
    for (uint32_t b = BucketOf(ids[r], bucket_mask_);; b = (b + 1) & bucket_mask_) {
      Bucket& bucket = buckets_[b];
      const uint32_t* free = std::find(bucket.ids, bucket.ids + kBucketRows, empty_id_);
      if (free == bucket.ids + kBucketRows) continue;
      const int k = static_cast<int>(free - bucket.ids);
      bucket.ids[k] = ids[r];
      std::copy_n(&q[r * num_labels_], num_labels_, bucket.weights[k]);
      row_places_[r] = b * kBucketRows + k;
      break;
    }
  }
}

void LinearChainModel::Decode(const FeatureSeq& seq, const uint8_t* forbidden, uint8_t* labels,
                              float* margins) const {
  const size_t n = seq.size();
  if (n == 0) return;
  const int L = num_labels_;
  thread_local std::vector<float> em;  // kLanes to a token, as ViterbiLanes takes them
  em.resize(n * kLanes);
  // Lookups are independent cache misses; asking for the bucket of a feature
  // this many ids ahead lets them overlap instead of queueing one by one.
  constexpr uint32_t kPrefetchDistance = 16;
  const uint32_t end = seq.offsets[n];
  const F32x4 scale = {scale_, scale_, scale_, scale_};
  for (size_t i = 0; i < n; ++i) {
    // Summed in two 4-float vectors: per label the same float operations
    // as one q * scale_ product and one addition per row, in row order, so
    // the sums are those of scalar code. A row is read as 8 int16 (the
    // 16 bytes from its start lie inside its bucket); lane 7 is not a label
    // and is dropped.
    F32x4 lo = {}, hi = {};
    for (uint32_t k = seq.offsets[i]; k < seq.offsets[i + 1]; ++k) {
      if (k + kPrefetchDistance < end) Prefetch(seq.ids[k + kPrefetchDistance]);
      const int16_t* row = Row(seq.ids[k]);
      if (row == nullptr) continue;
      I16x8 q;
      std::memcpy(&q, row, sizeof(q));
      lo += __builtin_convertvector(__builtin_convertvector(
                                        __builtin_shufflevector(q, q, 0, 1, 2, 3), I32x4),
                                    F32x4) *
            scale;
      hi += __builtin_convertvector(__builtin_convertvector(
                                        __builtin_shufflevector(q, q, 4, 5, 6, 7), I32x4),
                                    F32x4) *
            scale;
    }
    float* e = &em[i * kLanes];
    Store4(e, lo);
    Store4(e + 4, hi);
    if (forbidden != nullptr && forbidden[i] != 0) {
      for (int y = 1; y < L; ++y) {
        if (forbidden[i] & (1u << y)) e[y] = kNegInf;
      }
    }
  }
  ViterbiLanes(em.data(), transitions_.data(), n, L, labels, margins);
}

void LinearChainModel::Serialize(std::string* out) const {
  const uint32_t L = num_labels_;
  const uint64_t n = row_places_.size();
  PutRaw(&L, 4, out);
  PutRaw(&n, 8, out);
  PutRaw(&scale_, 4, out);
  PutRaw(transitions_.data(), transitions_.size() * sizeof(float), out);
  for (uint32_t place : row_places_) {
    PutRaw(&buckets_[place / kBucketRows].ids[place % kBucketRows], 4, out);
  }
  for (uint32_t place : row_places_) {
    PutRaw(buckets_[place / kBucketRows].weights[place % kBucketRows], 2 * L, out);
  }
}

Result<LinearChainModel> LinearChainModel::Deserialize(std::string_view data, size_t* pos) {
  LinearChainModel m;
  uint32_t L = 0;
  uint64_t n = 0;
  float scale = 0;
  if (!GetRaw(data, pos, &L, 4) || !GetRaw(data, pos, &n, 8) || !GetRaw(data, pos, &scale, 4)) {
    return Status::Corrupt("model weights header truncated");
  }
  if (L == 0 || L > kMaxLabels || !(scale > 0) || n > (data.size() - *pos) / (4 + 2 * L)) {
    return Status::Corrupt("model weights header invalid");
  }
  m.num_labels_ = static_cast<int>(L);
  m.transitions_.resize((L + 1) * L);
  std::vector<uint32_t> ids(n);
  std::vector<int16_t> q(n * L);
  if (!GetRaw(data, pos, m.transitions_.data(), m.transitions_.size() * sizeof(float)) ||
      !GetRaw(data, pos, ids.data(), n * 4) || !GetRaw(data, pos, q.data(), q.size() * 2)) {
    return Status::Corrupt("model weights truncated");
  }
  m.SetQuantizedRows(ids, q, scale);
  return m;
}

PerceptronTrainer::PerceptronTrainer(int num_labels) : num_labels_(num_labels) {
  TG_CHECK(num_labels > 0 && num_labels <= LinearChainModel::kMaxLabels);
  const size_t t = static_cast<size_t>(num_labels + 1) * num_labels;
  tw_.assign(t, 0);
  tacc_.assign(t, 0);
  tstamp_.assign(t, 1);
}

uint32_t PerceptronTrainer::RowFor(uint32_t id) {
  auto [it, inserted] = index_.try_emplace(id, static_cast<uint32_t>(keys_.size()));
  if (inserted) {
    keys_.push_back(id);
    w_.resize(w_.size() + num_labels_, 0);
    acc_.resize(acc_.size() + num_labels_, 0);
    stamp_.resize(stamp_.size() + num_labels_, static_cast<uint32_t>(clock_));
  }
  return it->second;
}

void PerceptronTrainer::Update(float* w, double* acc, uint32_t* stamp, float delta) {
  // Lazy averaging: `acc` holds the sum of this weight over steps [1, stamp).
  *acc += static_cast<double>(*w) * static_cast<double>(clock_ - *stamp);
  *stamp = static_cast<uint32_t>(clock_);
  *w += delta;
}

size_t PerceptronTrainer::Step(const FeatureSeq& seq, const uint8_t* gold) {
  const size_t n = seq.size();
  const int L = num_labels_;
  if (n == 0) return 0;
  emissions_.assign(n * L, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    float* e = &emissions_[i * L];
    for (uint32_t k = seq.offsets[i]; k < seq.offsets[i + 1]; ++k) {
      auto it = index_.find(seq.ids[k]);
      if (it == index_.end()) continue;
      const float* row = &w_[static_cast<size_t>(it->second) * L];
      for (int y = 0; y < L; ++y) e[y] += row[y];
    }
  }
  if (cost_ > 0) {
    for (size_t i = 0; i < n; ++i) {
      for (int y = 0; y < L; ++y) {
        if (y != gold[i]) emissions_[i * L + y] += cost_;
      }
    }
  }
  predicted_.assign(n, 0);
  ViterbiDecode(emissions_.data(), tw_.data(), n, L, predicted_.data(), nullptr);
  size_t wrong = 0;
  for (size_t i = 0; i < n; ++i) {
    const uint8_t g = gold[i], p = predicted_[i];
    const int gp = i == 0 ? L : gold[i - 1];
    const int pp = i == 0 ? L : predicted_[i - 1];
    if (g != p) {
      ++wrong;
      for (uint32_t k = seq.offsets[i]; k < seq.offsets[i + 1]; ++k) {
        const size_t row = static_cast<size_t>(RowFor(seq.ids[k])) * L;
        Update(&w_[row + g], &acc_[row + g], &stamp_[row + g], 1.0f);
        Update(&w_[row + p], &acc_[row + p], &stamp_[row + p], -1.0f);
      }
    }
    if (g != p || gp != pp) {
      const size_t tg = static_cast<size_t>(gp) * L + g, tp = static_cast<size_t>(pp) * L + p;
      Update(&tw_[tg], &tacc_[tg], &tstamp_[tg], 1.0f);
      Update(&tw_[tp], &tacc_[tp], &tstamp_[tp], -1.0f);
    }
  }
  ++clock_;
  return wrong;
}

LinearChainModel PerceptronTrainer::Averaged(float prune) const {
  const int L = num_labels_;
  const double steps = static_cast<double>(clock_ > 1 ? clock_ - 1 : 1);
  auto average = [&](float w, double acc, uint32_t stamp) {
    return static_cast<float>((acc + static_cast<double>(w) * static_cast<double>(clock_ - stamp)) / steps);
  };
  LinearChainModel m;
  m.num_labels_ = L;
  m.transitions_.resize(tw_.size());
  for (size_t i = 0; i < tw_.size(); ++i) m.transitions_[i] = average(tw_[i], tacc_[i], tstamp_[i]);
  std::vector<uint32_t> ids;
  std::vector<float> weights;
  std::vector<float> row(L);
  for (size_t r = 0; r < keys_.size(); ++r) {
    float max_abs = 0;
    for (int y = 0; y < L; ++y) {
      const size_t j = r * L + y;
      row[y] = average(w_[j], acc_[j], stamp_[j]);
      max_abs = std::max(max_abs, std::fabs(row[y]));
    }
    if (max_abs == 0 || max_abs < prune) continue;
    ids.push_back(keys_[r]);
    weights.insert(weights.end(), row.begin(), row.end());
  }
  m.SetRows(ids, weights);
  return m;
}

}  // namespace tg::extract
